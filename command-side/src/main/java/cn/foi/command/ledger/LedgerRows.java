package cn.foi.command.ledger;

import static cn.foi.command.ledger.LedgerColumn.*;

import cn.foi.command.request.Registration;
import cn.foi.command.request.RequestCommands;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestedForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger row as a request's history: its cells read, the ledger's own consistency rules checked, and the commands a
 * clerk would have sent, in date order. The rules of the law are not checked here: the commands go through the
 * aggregate, which refuses what breaks them, exactly as it refuses a clerk.
 *
 * <p>Defaults where a ledger leaves something out [choice]: no channel → 当面 (the receipt is the day written); no
 * applicant name → “（台账未填写）”; a 补正 without a deadline → fifteen days after the notice; an extension without
 * its length → 20 working days (the most 条例 33 allows, and what offices announce); a consultation → of a third party;
 * a fee → 按件. A fee notice without an amount (the documented format has no amount column) is recorded with its
 * amount unknown: no amount could be guessed, and refusing it would refuse every documented ledger with a fee.
 */
final class LedgerRows {

    static final String NAME_NOT_RECORDED = "（台账未填写）";
    static final String IMPORTED = "台账导入";
    static final int DEFAULT_SUPPLEMENT_DAYS = 15;
    static final int DEFAULT_EXTENSION_DAYS = 20;

    private LedgerRows() {
    }

    /** A row's cells as values; every unreadable cell is an error of the row. Null when any cell is unreadable. */
    static LedgerRow read(int row, Map<LedgerColumn, String> cells, List<LedgerError> errors) {
        Map<LedgerColumn, Object> values = new EnumMap<>(LedgerColumn.class);
        boolean readable = true;
        for (Map.Entry<LedgerColumn, String> cell : cells.entrySet()) {
            try {
                values.put(cell.getKey(), LedgerValues.read(cell.getKey(), cell.getValue()));
            } catch (LedgerValues.Unreadable e) {
                errors.add(LedgerError.at(row, cell.getKey(), e.getMessage()));
                readable = false;
            }
        }
        for (LedgerColumn column : LedgerColumn.values()) {
            if (column.required() && !cells.containsKey(column)) {
                errors.add(LedgerError.at(row, column, "请填写" + column.chineseName()));
                readable = false;
            }
        }
        return readable ? new LedgerRow(row, values) : null;
    }

    /** One command of a row's history, the day it happened and the column that says so. */
    record Step(LocalDate on, int order, LedgerColumn column, Object command) {
    }

    /**
     * The ledger's own rules, those a spreadsheet can break and a clerk's form cannot: what one column says must agree
     * with another. Each broken rule is an error of the row, at the column to correct.
     */
    static List<LedgerError> inconsistencies(LedgerRow r) {
        List<LedgerError> errors = new ArrayList<>();
        int row = r.row();
        LedgerOutcome outcome = r.get(OUTCOME);
        if (outcome != null && !r.has(CLOSED_ON)) {
            errors.add(LedgerError.at(row, CLOSED_ON, "填写了办理结果（" + outcome.text() + "），须同时填写办结日期"));
        }
        if (outcome == null && r.has(CLOSED_ON)) {
            errors.add(LedgerError.at(row, OUTCOME, "填写了办结日期，须同时填写办理结果"));
        }
        if (outcome != null && outcome.outcome() == Outcome.R3_6_1
                && (!r.has(SUPPLEMENT_REQUESTED_ON) || r.has(SUPPLEMENT_RECEIVED_ON))) {
            errors.add(LedgerError.at(row, OUTCOME, "“逾期不补正”须有补正告知日期，且没有补正收到日期"));
        }
        if (outcome != null && outcome.outcome() == Outcome.R3_6_2 && (!r.has(FEE_NOTICE_ON) || r.has(FEE_PAID_ON))) {
            errors.add(LedgerError.at(row, OUTCOME, "“逾期未缴费”须有收费通知日期，且没有缴费日期"));
        }
        needs(r, SUPPLEMENT_RECEIVED_ON, SUPPLEMENT_REQUESTED_ON, errors);
        needs(r, SUPPLEMENT_DUE_ON, SUPPLEMENT_REQUESTED_ON, errors);
        needs(r, EXTENSION_DAYS, EXTENDED_ON, errors);
        needs(r, CONSULTATION_ENDED_ON, CONSULTATION_STARTED_ON, errors);
        needs(r, CONSULTATION_PARTY, CONSULTATION_STARTED_ON, errors);
        needs(r, FEE_PAID_ON, FEE_NOTICE_ON, errors);
        needs(r, FEE_AMOUNT, FEE_NOTICE_ON, errors);
        appeal(r, "行政复议", RECONSIDERATION_FILED_ON, RECONSIDERATION_RESULT, RECONSIDERATION_DECIDED_ON, errors);
        appeal(r, "行政诉讼", LAWSUIT_FILED_ON, LAWSUIT_RESULT, LAWSUIT_DECIDED_ON, errors);
        if (r.has(LAWSUIT_FILED_ON) && !r.has(LAWSUIT_KIND)) {
            errors.add(LedgerError.at(row, LAWSUIT_KIND, "有行政诉讼起诉日期，须填写起诉方式：直接起诉或复议后起诉"));
        }
        needs(r, LAWSUIT_KIND, LAWSUIT_FILED_ON, errors);
        if (Boolean.TRUE.equals(r.get(LAWSUIT_KIND))
                && !(r.has(RECONSIDERATION_RESULT) && r.has(RECONSIDERATION_DECIDED_ON))) {
            errors.add(LedgerError.at(row, LAWSUIT_KIND,
                    "复议后起诉须有已作出决定的行政复议：请填写行政复议结果和行政复议决定日期，或改为直接起诉"));
        }
        return errors;
    }

    private static void needs(LedgerRow r, LedgerColumn column, LedgerColumn needed, List<LedgerError> errors) {
        if (r.has(column) && !r.has(needed)) {
            errors.add(LedgerError.at(r.row(), column, "填写了" + column.chineseName() + "，须同时填写" + needed.chineseName()));
        }
    }

    /** An appeal follows an answer; a result and its date come together. */
    private static void appeal(LedgerRow r, String kind, LedgerColumn filed, LedgerColumn result, LedgerColumn decided,
                               List<LedgerError> errors) {
        int row = r.row();
        if (r.has(filed)) {
            LocalDate filedOn = r.get(filed);
            LocalDate closedOn = r.get(CLOSED_ON);
            if (!r.has(OUTCOME) || closedOn == null) {
                errors.add(LedgerError.at(row, filed, kind + "须针对已作出的答复：该行没有办理结果和办结日期"));
            } else if (filedOn.isBefore(closedOn)) {
                errors.add(LedgerError.at(row, filed, filed.chineseName() + "（" + filedOn + "）早于办结日期（" + closedOn
                        + "）：" + kind + "须在答复之后"));
            }
        }
        needs(r, result, filed, errors);
        needs(r, decided, filed, errors);
        if (r.has(result) && !r.has(decided)) {
            errors.add(LedgerError.at(row, decided, "填写了" + result.chineseName() + "，须同时填写" + decided.chineseName()));
        }
        if (r.has(decided) && !r.has(result)) {
            errors.add(LedgerError.at(row, result, "填写了" + decided.chineseName() + "，须同时填写" + result.chineseName()
                    + "（维持、纠正或其他）"));
        }
    }

    /**
     * The commands of the row's history: the registration first, then every step by its date; steps of one day in the
     * order a request lives them (a 补正 is asked before it arrives, an answer comes before its appeal).
     */
    static List<Step> history(LedgerRow r, String requestId, String agencyCode) {
        List<Step> steps = new ArrayList<>();
        String name = r.has(APPLICANT_NAME) ? r.get(APPLICANT_NAME) : NAME_NOT_RECORDED;
        Channel channel = r.has(CHANNEL) ? r.get(CHANNEL) : Channel.IN_PERSON;
        String description = r.has(DESCRIPTION) ? r.get(DESCRIPTION) : "";
        Registration registration = new Registration(r.get(CASE_NO), new Applicant(r.<ApplicantCategory>get(
                APPLICANT_CATEGORY), name, null, null, null), channel, null, null, r.get(RECEIVED_ON), description, 1,
                RequestedForm.UNSPECIFIED);
        LocalDate received = r.get(RECEIVED_ON);
        Step registered = new Step(received, 0, RECEIVED_ON,
                new RequestCommands.RegisterRequest(requestId, agencyCode, registration));

        List<Step> later = new ArrayList<>();
        if (r.has(SUPPLEMENT_REQUESTED_ON)) {
            LocalDate on = r.get(SUPPLEMENT_REQUESTED_ON);
            LocalDate due = r.has(SUPPLEMENT_DUE_ON) ? r.get(SUPPLEMENT_DUE_ON) : on.plusDays(DEFAULT_SUPPLEMENT_DAYS);
            later.add(new Step(on, 1, SUPPLEMENT_REQUESTED_ON, new RequestCommands.AskForSupplement(requestId, on, due,
                    IMPORTED + "（补正事项未记载）")));
        }
        if (r.has(SUPPLEMENT_RECEIVED_ON)) {
            later.add(new Step(r.get(SUPPLEMENT_RECEIVED_ON), 2, SUPPLEMENT_RECEIVED_ON,
                    new RequestCommands.RecordSupplement(requestId, r.get(SUPPLEMENT_RECEIVED_ON))));
        }
        if (r.has(CONSULTATION_STARTED_ON)) {
            ConsultedParty party = r.has(CONSULTATION_PARTY) ? r.get(CONSULTATION_PARTY) : ConsultedParty.THIRD_PARTY;
            later.add(new Step(r.get(CONSULTATION_STARTED_ON), 3, CONSULTATION_STARTED_ON,
                    new RequestCommands.StartConsultation(requestId, party, null, r.get(CONSULTATION_STARTED_ON))));
        }
        if (r.has(CONSULTATION_ENDED_ON)) {
            later.add(new Step(r.get(CONSULTATION_ENDED_ON), 4, CONSULTATION_ENDED_ON,
                    new RequestCommands.EndConsultation(requestId, 1, r.get(CONSULTATION_ENDED_ON),
                            ConsultationEnding.REPLIED, "")));
        }
        if (r.has(FEE_NOTICE_ON)) {
            FeeMethod method = r.has(FEE_METHOD) ? r.get(FEE_METHOD) : FeeMethod.PER_REQUEST;
            // The documented ledger has no amount column: a notice without one is recorded with the amount unknown
            // (shown as 金额未记录), not refused and not guessed.
            later.add(new Step(r.get(FEE_NOTICE_ON), 5, FEE_NOTICE_ON, new RequestCommands.IssueFeeNotice(requestId,
                    r.get(FEE_NOTICE_ON), r.<BigDecimal>get(FEE_AMOUNT), method, !r.has(FEE_AMOUNT))));
        }
        if (r.has(FEE_PAID_ON)) {
            later.add(new Step(r.get(FEE_PAID_ON), 6, FEE_PAID_ON,
                    new RequestCommands.RecordFeePayment(requestId, r.get(FEE_PAID_ON))));
        }
        if (r.has(EXTENDED_ON)) {
            int days = r.has(EXTENSION_DAYS) ? r.<Integer>get(EXTENSION_DAYS) : DEFAULT_EXTENSION_DAYS;
            later.add(new Step(r.get(EXTENDED_ON), 7, EXTENDED_ON,
                    new RequestCommands.ExtendAnswerPeriod(requestId, r.get(EXTENDED_ON), days, IMPORTED)));
        }
        LedgerOutcome outcome = r.get(OUTCOME);
        if (outcome != null) {
            LocalDate closed = r.get(CLOSED_ON);
            String note = r.has(OUTCOME_NOTE) ? r.get(OUTCOME_NOTE) : null;
            Object command = outcome.withdrawal()
                    ? new RequestCommands.WithdrawRequest(requestId, closed, note)
                    : new RequestCommands.DecideRequest(requestId, outcome.outcome(), closed, r.get(SERVED_ON),
                    outcome.outcome() == Outcome.R3_6_3 && note == null ? IMPORTED + "（具体原因未记载）" : note);
            later.add(new Step(closed, 8, CLOSED_ON, command));
        }
        if (r.has(RECONSIDERATION_FILED_ON)) {
            later.add(new Step(r.get(RECONSIDERATION_FILED_ON), 9, RECONSIDERATION_FILED_ON,
                    new RequestCommands.FileReconsideration(requestId, r.get(RECONSIDERATION_FILED_ON))));
        }
        if (r.has(RECONSIDERATION_DECIDED_ON)) {
            later.add(new Step(r.get(RECONSIDERATION_DECIDED_ON), 10, RECONSIDERATION_DECIDED_ON,
                    new RequestCommands.DecideReconsideration(requestId, 1, r.get(RECONSIDERATION_RESULT),
                            r.get(RECONSIDERATION_DECIDED_ON))));
        }
        if (r.has(LAWSUIT_FILED_ON)) {
            later.add(new Step(r.get(LAWSUIT_FILED_ON), 11, LAWSUIT_FILED_ON, new RequestCommands.FileLawsuit(requestId,
                    r.get(LAWSUIT_FILED_ON), Boolean.TRUE.equals(r.get(LAWSUIT_KIND)))));
        }
        if (r.has(LAWSUIT_DECIDED_ON)) {
            later.add(new Step(r.get(LAWSUIT_DECIDED_ON), 12, LAWSUIT_DECIDED_ON,
                    new RequestCommands.DecideLawsuit(requestId, 1, r.get(LAWSUIT_RESULT), r.get(LAWSUIT_DECIDED_ON))));
        }
        later.sort(Comparator.comparing(Step::on).thenComparingInt(Step::order));
        steps.add(registered);
        steps.addAll(later);
        return steps;
    }
}
