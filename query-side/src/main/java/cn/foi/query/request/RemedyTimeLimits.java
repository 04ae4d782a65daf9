package cn.foi.query.request;

import cn.foi.events.request.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The time limits of the applicant's remedies against an answer, recorded and flagged, never enforced: whether an
 * appeal is out of time is for the reconsideration body or the court to decide (it may have good reasons, such as a
 * late service), so the office registers every appeal as it was filed and the system flags what looks irregular.
 *
 * <ul>
 *   <li>行政复议 within 60 days of the day the applicant knew the answer (行政复议法 2023 第二十条): the service date,
 *       else the answer date; calendar days.</li>
 *   <li>复议后起诉 within 15 days of receiving the reconsideration decision (行政诉讼法第四十五条); the system records
 *       no service of that decision, so it counts from the decision date.</li>
 *   <li>直接起诉 within 6 months of knowing the answer (行政诉讼法第四十六条); calendar months.</li>
 *   <li>复议前置: since 2024-01-01 an applicant must apply for reconsideration before suing over an answer that does not
 *       disclose (行政复议法 2023 第二十三条第一款第五项). Applied to the 不予公开 outcomes and to 部分公开, whose
 *       withheld part is refused all the same; the answers the law's wording does not name (无法提供, 不予处理, 其他处理)
 *       are not flagged.</li>
 *   <li>An appeal against a request the applicant withdrew: there was no answer to appeal against.</li>
 * </ul>
 *
 * <p>A pure function of the facts recorded when the appeal was filed, so the request page and the report annex, and a
 * rebuild of either, give the same flags.
 */
public final class RemedyTimeLimits {

    public static final int RECONSIDERATION_DAYS = 60;
    public static final int LAWSUIT_AFTER_RECONSIDERATION_DAYS = 15;
    public static final int DIRECT_LAWSUIT_MONTHS = 6;
    /** The day the revised 行政复议法 came into force, and with it reconsideration before suit for refusals. */
    public static final LocalDate RECONSIDERATION_FIRST_FROM = LocalDate.of(2024, 1, 1);

    /** One appeal and the answer it was brought against, as they stood when it was filed. */
    public record Appeal(boolean lawsuit, int number, boolean afterReconsideration, LocalDate filedOn,
                         Outcome answerOutcome, LocalDate answerDecidedOn, LocalDate answerServedOn,
                         boolean answerWithdrawn, LocalDate reconsiderationDecidedOn) {

        String name() {
            return "第 " + number + " 件" + (!lawsuit ? "行政复议" : afterReconsideration ? "复议后起诉" : "行政诉讼");
        }
    }

    private RemedyTimeLimits() {
    }

    public static List<Flag> flags(Appeal appeal) {
        List<Flag> flags = new ArrayList<>();
        if (appeal.answerWithdrawn()) {
            flags.add(Flag.Code.APPEAL_AGAINST_WITHDRAWN.flag(appeal.name() + "（" + appeal.filedOn()
                    + "）针对的申请已由申请人撤回，没有可供复议或起诉的答复，请核实"));
            return flags; // no answer was made: the time limits below count from an answer
        }
        if (appeal.answerDecidedOn() == null) {
            return flags; // the command side only accepts appeals against an answer; older rows may lack it
        }
        LocalDate knownOn = appeal.answerServedOn() != null ? appeal.answerServedOn() : appeal.answerDecidedOn();
        String known = (appeal.answerServedOn() != null ? "答复送达之日（" : "答复之日（") + knownOn + "）";
        if (!appeal.lawsuit()) {
            LocalDate limit = knownOn.plusDays(RECONSIDERATION_DAYS);
            if (appeal.filedOn().isAfter(limit)) {
                flags.add(Flag.Code.RECONSIDERATION_LATE.flag(appeal.name() + "于 " + appeal.filedOn()
                        + " 申请，超过自" + known + "起 60 日的申请期限（至 " + limit + "，行政复议法第二十条）"));
            }
        } else if (appeal.afterReconsideration()) {
            LocalDate decidedOn = appeal.reconsiderationDecidedOn();
            if (decidedOn != null) {
                LocalDate limit = decidedOn.plusDays(LAWSUIT_AFTER_RECONSIDERATION_DAYS);
                if (appeal.filedOn().isAfter(limit)) {
                    flags.add(Flag.Code.LAWSUIT_AFTER_RECONSIDERATION_LATE.flag(appeal.name() + "于 "
                            + appeal.filedOn() + " 起诉，超过自行政复议决定之日（" + decidedOn + "）起 15 日的起诉期限（至 "
                            + limit + "，行政诉讼法第四十五条）"));
                }
            }
        } else {
            LocalDate limit = knownOn.plusMonths(DIRECT_LAWSUIT_MONTHS);
            if (appeal.filedOn().isAfter(limit)) {
                flags.add(Flag.Code.LAWSUIT_LATE.flag(appeal.name() + "于 " + appeal.filedOn() + " 起诉，超过自" + known
                        + "起 6 个月的起诉期限（至 " + limit + "，行政诉讼法第四十六条）"));
            }
            if (refusal(appeal.answerOutcome()) && !appeal.answerDecidedOn().isBefore(RECONSIDERATION_FIRST_FROM)) {
                flags.add(Flag.Code.LAWSUIT_WITHOUT_RECONSIDERATION.flag(appeal.name() + "针对 "
                        + appeal.answerDecidedOn() + " 作出的" + appeal.answerOutcome().fullLabel()
                        + "答复未经行政复议直接起诉；自 2024-01-01 起，对不予公开政府信息不服的，应当先申请行政复议"
                        + "（行政复议法第二十三条）"));
            }
        }
        return flags;
    }

    /** The answers that withhold information: 部分公开 and every 不予公开 row of Table 三. */
    static boolean refusal(Outcome outcome) {
        return outcome != null && (outcome == Outcome.R3_2 || outcome.name().startsWith("R3_3_"));
    }
}
