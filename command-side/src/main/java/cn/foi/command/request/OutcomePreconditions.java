package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.requiredText;

import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.Outcome;
import cn.foi.platform.fees.FeePolicy;
import cn.foi.platform.limits.TextField;
import java.time.LocalDate;

/**
 * What each outcome of Table 三 needs recorded on the request before it may be chosen (docs/domain.md §1.6): 逾期不补正
 * a 补正 asked for, not received and whose deadline had passed on the day of the answer (条例 30), 逾期未缴费 a fee notice
 * not paid whose payment period had passed on that day (国办函〔2020〕109号), 补正后申请内容仍不明确 a 补正 received, and
 * 其他处理·其他 the reason written down. Every other outcome needs no particular history. The same policy holds for the
 * first answer, its correction and a new answer ordered on appeal.
 */
final class OutcomePreconditions {

    /**
     * What the request's history says, as far as the preconditions ask.
     *
     * @param supplementDueOn    the deadline of the 补正 notice awaited (sent, nothing received for it yet), or null when
     *                           no 补正 is awaited
     * @param supplementReceived a 补正 was received at some time
     * @param payBy              the last day to pay the fee notice neither paid nor replaced, or null when no fee is
     *                           unpaid
     */
    record History(LocalDate supplementDueOn, boolean supplementReceived, LocalDate payBy) {

        boolean supplementAwaited() {
            return supplementDueOn != null;
        }

        boolean feeUnpaid() {
            return payBy != null;
        }
    }

    private OutcomePreconditions() {
    }

    /**
     * Refuses the outcome of an answer dated {@code answeredOn}, in the clerk's words, when the history lacks what it
     * needs; the note is checked as given. A deadline has passed the day after its last day: the applicant may still
     * supplement or pay on that day (条例 30's 期限, 109号's twenty working days both include their last day).
     */
    static void require(Outcome outcome, LocalDate answeredOn, History history, String note) {
        switch (outcome) {
            case R3_6_1 -> {
                if (!history.supplementAwaited()) {
                    throw RuleViolation.conflict("OUTCOME_NEEDS_OPEN_SUPPLEMENT",
                            "“逾期不补正”只适用于发出补正通知而未收到补正的申请");
                }
                if (!answeredOn.isAfter(history.supplementDueOn())) {
                    throw RuleViolation.conflict("SUPPLEMENT_DEADLINE_NOT_PASSED", "补正期限为 "
                            + history.supplementDueOn() + "，答复日期（" + answeredOn + "）尚在期限之内；期限届满后（"
                            + history.supplementDueOn().plusDays(1) + " 起）申请人仍未补正的，才能答复“逾期不补正”");
                }
            }
            case R3_6_2 -> {
                if (!history.feeUnpaid()) {
                    throw RuleViolation.conflict("OUTCOME_NEEDS_OPEN_FEE",
                            "“逾期未缴费”只适用于发出收费通知而未缴费的申请");
                }
                if (!answeredOn.isAfter(history.payBy())) {
                    throw RuleViolation.conflict("PAYMENT_DEADLINE_NOT_PASSED", "缴费期限为 " + history.payBy()
                            + "（收费通知次日起第 " + FeePolicy.PAYMENT_PERIOD_WORKING_DAYS + " 个工作日），答复日期（"
                            + answeredOn + "）尚在期限之内；期限届满后（" + history.payBy().plusDays(1)
                            + " 起）申请人仍未缴费的，才能答复“逾期未缴费”");
                }
            }
            case R3_4_3 -> {
                if (!history.supplementReceived()) {
                    throw RuleViolation.conflict("OUTCOME_NEEDS_SUPPLEMENT",
                            "“补正后申请内容仍不明确”只适用于已收到补正的申请");
                }
            }
            case R3_6_3 -> requiredText(TextField.DECISION_NOTE, note, "选择“其他处理·其他”时须写明具体原因（如申请人撤回）");
            default -> {
                // the other outcomes need no particular history
            }
        }
    }
}
