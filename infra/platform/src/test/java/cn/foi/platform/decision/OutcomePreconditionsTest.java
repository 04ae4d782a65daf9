package cn.foi.platform.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.Outcome;
import cn.foi.platform.decision.OutcomePreconditions.History;
import cn.foi.platform.decision.OutcomePreconditions.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each outcome of Table 三 needs recorded before (docs/domain.md §1.6), apart from any request: the words both the
 * command side's refusal and the request page's greyed outcome say.
 */
class OutcomePreconditionsTest {

    /** The last day of the deadline the awaited 补正 and the unpaid fee have in these histories. */
    private static final LocalDate DEADLINE = LocalDate.of(2026, 5, 29);
    private static final LocalDate AFTER_DEADLINE = DEADLINE.plusDays(1);

    private static final History NOTHING_RECORDED = new History(null, false, null);
    private static final History SUPPLEMENT_AWAITED = new History(DEADLINE, false, null);
    private static final History SUPPLEMENT_RECEIVED = new History(null, true, null);
    private static final History FEE_UNPAID = new History(null, false, DEADLINE);

    @ParameterizedTest
    @EnumSource(value = Outcome.class, mode = EnumSource.Mode.EXCLUDE, names = {"R3_6_1", "R3_6_2", "R3_4_3"})
    void anOutcomeWithNoPreconditionNeedsNothingRecorded(Outcome outcome) {
        assertThat(OutcomePreconditions.refusal(outcome, AFTER_DEADLINE, NOTHING_RECORDED)).isEmpty();
    }

    @Test
    void failingToSupplementNeedsASupplementStillAwaited() {
        assertThat(OutcomePreconditions.refusal(Outcome.R3_6_1, AFTER_DEADLINE, SUPPLEMENT_AWAITED)).isEmpty();
        expectRefusal(Outcome.R3_6_1, NOTHING_RECORDED, "OUTCOME_NEEDS_OPEN_SUPPLEMENT",
                "“逾期不补正”只适用于发出补正通知而未收到补正的申请");
        expectRefusal(Outcome.R3_6_1, SUPPLEMENT_RECEIVED, "OUTCOME_NEEDS_OPEN_SUPPLEMENT", "逾期不补正");
    }

    @Test
    void failingToSupplementNeedsTheSupplementDeadlinePassedOnTheDayOfTheAnswer() {
        expectRefusal(Outcome.R3_6_1, DEADLINE.minusDays(1), SUPPLEMENT_AWAITED, "SUPPLEMENT_DEADLINE_NOT_PASSED",
                "补正期限为 2026-05-29，答复日期（2026-05-28）尚在期限之内");
        expectRefusal(Outcome.R3_6_1, DEADLINE, SUPPLEMENT_AWAITED, "SUPPLEMENT_DEADLINE_NOT_PASSED",
                "期限届满后（2026-05-30 起）申请人仍未补正的，才能答复“逾期不补正”");
    }

    @Test
    void failingToPayNeedsAFeeNoticeStillUnpaid() {
        assertThat(OutcomePreconditions.refusal(Outcome.R3_6_2, AFTER_DEADLINE, FEE_UNPAID)).isEmpty();
        expectRefusal(Outcome.R3_6_2, NOTHING_RECORDED, "OUTCOME_NEEDS_OPEN_FEE",
                "“逾期未缴费”只适用于发出收费通知而未缴费的申请");
    }

    @Test
    void failingToPayNeedsThePaymentPeriodPassedOnTheDayOfTheAnswer() {
        expectRefusal(Outcome.R3_6_2, DEADLINE.minusDays(1), FEE_UNPAID, "PAYMENT_DEADLINE_NOT_PASSED",
                "缴费期限为 2026-05-29（收费通知次日起第 20 个工作日），答复日期（2026-05-28）尚在期限之内");
        expectRefusal(Outcome.R3_6_2, DEADLINE, FEE_UNPAID, "PAYMENT_DEADLINE_NOT_PASSED",
                "期限届满后（2026-05-30 起）申请人仍未缴费的，才能答复“逾期未缴费”");
    }

    @Test
    void stillUnclearAfterTheSupplementNeedsASupplementReceived() {
        assertThat(OutcomePreconditions.refusal(Outcome.R3_4_3, AFTER_DEADLINE, SUPPLEMENT_RECEIVED)).isEmpty();
        expectRefusal(Outcome.R3_4_3, SUPPLEMENT_AWAITED, "OUTCOME_NEEDS_SUPPLEMENT",
                "“补正后申请内容仍不明确”只适用于已收到补正的申请");
    }

    private static void expectRefusal(Outcome outcome, History history, String rule, String inWords) {
        expectRefusal(outcome, AFTER_DEADLINE, history, rule, inWords);
    }

    private static void expectRefusal(Outcome outcome, LocalDate answeredOn, History history, String rule,
                                      String inWords) {
        assertThat(OutcomePreconditions.refusal(outcome, answeredOn, history)).hasValueSatisfying((Refusal refusal) -> {
            assertThat(refusal.code()).isEqualTo(rule);
            assertThat(refusal.message()).contains(inWords);
        });
    }
}
