package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.requiredText;

import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.Outcome;
import cn.foi.platform.limits.TextField;

/**
 * What each outcome of Table 三 needs recorded on the request before it may be chosen (docs/domain.md §1.6): 逾期不补正
 * a 补正 asked for and not received, 逾期未缴费 a fee notice not paid, 补正后申请内容仍不明确 a 补正 received, and
 * 其他处理·其他 the reason written down. Every other outcome needs no particular history. The same policy holds for the
 * first answer, its correction and a new answer ordered on appeal.
 */
final class OutcomePreconditions {

    /**
     * What the request's history says, as far as the preconditions ask.
     *
     * @param supplementAwaited  a 补正 notice was sent and nothing was received for it yet
     * @param supplementReceived a 补正 was received at some time
     * @param feeUnpaid          a fee notice was sent and is neither paid nor replaced
     */
    record History(boolean supplementAwaited, boolean supplementReceived, boolean feeUnpaid) {
    }

    private OutcomePreconditions() {
    }

    /** Refuses the outcome, in the clerk's words, when the history lacks what it needs; the note is checked as given. */
    static void require(Outcome outcome, History history, String note) {
        switch (outcome) {
            case R3_6_1 -> {
                if (!history.supplementAwaited()) {
                    throw RuleViolation.conflict("OUTCOME_NEEDS_OPEN_SUPPLEMENT",
                            "“逾期不补正”只适用于发出补正通知而未收到补正的申请");
                }
            }
            case R3_6_2 -> {
                if (!history.feeUnpaid()) {
                    throw RuleViolation.conflict("OUTCOME_NEEDS_OPEN_FEE",
                            "“逾期未缴费”只适用于发出收费通知而未缴费的申请");
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
