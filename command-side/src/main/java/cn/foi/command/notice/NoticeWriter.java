package cn.foi.command.notice;

import static cn.foi.command.notice.NoticeDocument.chineseDate;

import cn.foi.command.request.Regulation;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes a notice's words from the templates and the request's facts. */
final class NoticeWriter {

    /** A line left for the clerk to fill in by hand. */
    static final String BLANK = "＿＿＿＿";
    private static final List<String> STEP_FACTS = List.of("supplementItems", "supplementDueOn",
            "supplementRequestedOn", "extensionReason", "extensionDays", "dueOn", "feeMethod", "feeAmount",
            "feeNoticeOn", "withdrawnOn");

    private final NoticeTemplates templates;

    NoticeWriter(NoticeTemplates templates) {
        this.templates = templates;
    }

    String templateVersion() {
        return templates.version();
    }

    /** Where an answer tells the applicant to turn: the 复议机关 and the court, as the agency configured them. */
    record Remedy(String reconsiderationBody, String court) {
    }

    /** With the generic remedy wording of the templates. */
    NoticeDocument write(NoticeKind kind, NoticeFacts facts, String number, String agencyName, LocalDate issuedOn) {
        return write(kind, facts, number, agencyName, issuedOn,
                new Remedy(templates.raw("remedy.reconsiderationBody"), templates.raw("remedy.court")));
    }

    NoticeDocument write(NoticeKind kind, NoticeFacts facts, String number, String agencyName, LocalDate issuedOn,
                         Remedy remedy) {
        Map<String, String> values = values(facts);
        values.put("reconsiderationBody", remedy.reconsiderationBody());
        values.put("court", remedy.court());
        List<String> paragraphs = new ArrayList<>();
        String salutation = facts.applicantName();
        switch (kind) {
            case CONSULTATION -> {
                ConsultedParty party = facts.consultation().party();
                String addressee = facts.consultation().addressee();
                salutation = addressee == null || addressee.isBlank() ? party.label() : addressee;
                paragraphs.addAll(split(templates.fill("CONSULTATION." + party.name() + ".body", values)));
            }
            case ANSWER -> paragraphs.addAll(answer(facts, values));
            default -> paragraphs.addAll(split(templates.fill(kind.name() + ".body", values)));
        }
        return new NoticeDocument(number, kind.title(), salutation, paragraphs, agencyName, issuedOn);
    }

    private List<String> answer(NoticeFacts facts, Map<String, String> values) {
        Outcome outcome = facts.outcome();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(templates.fill("ANSWER.opening", values));
        String key = outcome == Outcome.R3_6_3 && facts.withdrawn != null ? "ANSWER.R3_6_3.withdrawn"
                : "ANSWER." + outcome.name();
        paragraphs.add(templates.fill(key, values));
        if (!facts.decisionNote().isBlank() && facts.withdrawn == null) {
            paragraphs.add(templates.fill("ANSWER.note", values));
        }
        // Every answer that does not give all that was asked tells the applicant how to contest it.
        if (outcome != Outcome.R3_1) {
            paragraphs.add(templates.fill(reconsiderationFirst(outcome, facts.decidedOn())
                    ? "ANSWER.remedy.reconsiderationFirst" : "ANSWER.remedy", values));
        }
        paragraphs.add(templates.fill("ANSWER.closing", values));
        return paragraphs;
    }

    /** The day the revised 行政复议法 took effect: from then a refusal to disclose goes to 复议 before any court. */
    static final LocalDate RECONSIDERATION_FIRST_SINCE = LocalDate.of(2024, 1, 1);

    /**
     * 行政复议法 (2023) 第二十三条第一款第四项: an applicant refused disclosure must apply for 复议 first. That covers the
     * 不予公开 outcomes and the withheld part of a 部分公开 answer, decided on or after 2024-01-01.
     */
    static boolean reconsiderationFirst(Outcome outcome, LocalDate decidedOn) {
        boolean refusal = outcome == Outcome.R3_2 || outcome.name().startsWith("R3_3_");
        return refusal && decidedOn != null && !decidedOn.isBefore(RECONSIDERATION_FIRST_SINCE);
    }

    private Map<String, String> values(NoticeFacts facts) {
        Map<String, String> values = new HashMap<>();
        // A step the request has no record of (a request imported from a ledger without its dates) leaves a line to
        // fill in by hand rather than refusing the letter; a placeholder no fact has is still an error.
        for (String fact : STEP_FACTS) {
            values.put(fact, BLANK);
        }
        values.put("applicant", facts.applicantName());
        values.put("caseNo", facts.caseNo());
        values.put("receivedOn", chineseDate(facts.receivedOn()));
        values.put("description", facts.description().isBlank() ? "（申请中未写明）" : facts.description());
        if (facts.supplement != null) {
            values.put("supplementItems", facts.supplement.items());
            values.put("supplementDueOn", chineseDate(facts.supplement.dueOn()));
            values.put("supplementRequestedOn", chineseDate(facts.supplement.requestedOn()));
        }
        if (facts.extension != null) {
            String reason = facts.extension.reason();
            values.put("extensionReason", reason == null || reason.isBlank() ? "办理需要" : reason);
            values.put("extensionDays", Integer.toString(facts.extension.workingDays()));
        }
        if (facts.dueDate != null) {
            values.put("dueOn", chineseDate(facts.dueDate.dueOn()));
        }
        if (facts.fee != null) {
            values.put("feeMethod", facts.fee.method().label() + "收取");
            values.put("feeAmount", facts.fee.hasAmount() ? "人民币" + facts.fee.amount().toPlainString() + "元"
                    : "以本机关另行告知的金额为准");
            values.put("feeNoticeOn", chineseDate(facts.fee.noticeOn()));
        }
        if (facts.withdrawn != null) {
            values.put("withdrawnOn", chineseDate(facts.withdrawn.withdrawnOn()));
        }
        values.put("decisionNote", facts.decisionNote());
        // A request received under the 2008 条例 gets the texts written for it (its periods and articles) where the
        // templates have them: see NoticeTemplates#fill.
        values.put(NoticeTemplates.REGULATION, facts.regulation() == Regulation.OF_2008 ? "2008" : "2019");
        return values;
    }

    private static List<String> split(String text) {
        return List.of(text.split("\n"));
    }
}
