package cn.foi.platform.decision;

import cn.foi.events.request.Outcome;
import cn.foi.platform.fees.FeePolicy;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an outcome of Table 三 needs recorded on the request before it may be chosen (docs/domain.md §1.6): 逾期不补正 a
 * 补正 asked for, not received and whose deadline had passed on the day of the answer (条例 30), 逾期未缴费 a fee notice
 * not paid whose payment period had passed on that day (国办函〔2020〕109号), 补正后申请内容仍不明确 a 补正 received. Every
 * other outcome needs no particular history. The same policy holds for the first answer, its correction and a new answer
 * ordered on appeal.
 *
 * <p>Both sides ask it, so that they say the same: the command side refuses the answer with the refusal's words, and
 * the query side greys the outcome on the request page with them, taking today as the day of the answer.
 */
public final class OutcomePreconditions {

    /**
     * What the request's history says, as far as the preconditions ask.
     *
     * @param supplementDueOn    the deadline of the 补正 notice awaited (sent, nothing received for it yet), or null when
     *                           no 补正 is awaited
     * @param supplementReceived a 补正 was received at some time
     * @param payBy              the last day to pay the fee notice neither paid nor replaced, or null when no fee is
     *                           unpaid
     */
    public record History(LocalDate supplementDueOn, boolean supplementReceived, LocalDate payBy) {

        boolean supplementAwaited() {
            return supplementDueOn != null;
        }

        boolean feeUnpaid() {
            return payBy != null;
        }
    }

    /** Why an outcome may not be chosen: a stable code for the API and the clerk's words. */
    public record Refusal(String code, String message) {
    }

    private OutcomePreconditions() {
    }

    /**
     * Why the outcome of an answer dated {@code answeredOn} may not be chosen on this history, or empty when it may. A
     * deadline has passed the day after its last day: the applicant may still supplement or pay on that day (条例 30's
     * 期限, 109号's twenty working days both include their last day).
     */
    public static Optional<Refusal> refusal(Outcome outcome, LocalDate answeredOn, History history) {
        return Optional.ofNullable(switch (outcome) {
            case R3_6_1 -> !history.supplementAwaited()
                    ? new Refusal("OUTCOME_NEEDS_OPEN_SUPPLEMENT", "“逾期不补正”只适用于发出补正通知而未收到补正的申请")
                    : answeredOn.isAfter(history.supplementDueOn()) ? null
                    : new Refusal("SUPPLEMENT_DEADLINE_NOT_PASSED", "补正期限为 " + history.supplementDueOn()
                            + "，答复日期（" + answeredOn + "）尚在期限之内；期限届满后（"
                            + history.supplementDueOn().plusDays(1) + " 起）申请人仍未补正的，才能答复“逾期不补正”");
            case R3_6_2 -> !history.feeUnpaid()
                    ? new Refusal("OUTCOME_NEEDS_OPEN_FEE", "“逾期未缴费”只适用于发出收费通知而未缴费的申请")
                    : answeredOn.isAfter(history.payBy()) ? null
                    : new Refusal("PAYMENT_DEADLINE_NOT_PASSED", "缴费期限为 " + history.payBy()
                            + "（收费通知次日起第 " + FeePolicy.PAYMENT_PERIOD_WORKING_DAYS + " 个工作日），答复日期（"
                            + answeredOn + "）尚在期限之内；期限届满后（" + history.payBy().plusDays(1)
                            + " 起）申请人仍未缴费的，才能答复“逾期未缴费”");
            case R3_4_3 -> history.supplementReceived() ? null
                    : new Refusal("OUTCOME_NEEDS_SUPPLEMENT", "“补正后申请内容仍不明确”只适用于已收到补正的申请");
            default -> null;
        });
    }
}
