package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.command.request.OutcomePreconditions.History;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.Outcome;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each outcome of Table 三 needs recorded before (docs/domain.md §1.6), apart from any request. */
class OutcomePreconditionsTest {

    /** The last day of the deadline the awaited 补正 and the unpaid fee have in these histories. */
    private static final LocalDate DEADLINE = LocalDate.of(2026, 5, 29);
    private static final LocalDate AFTER_DEADLINE = DEADLINE.plusDays(1);

    private static final History NOTHING_RECORDED = new History(null, false, null);
    private static final History SUPPLEMENT_AWAITED = new History(DEADLINE, false, null);
    private static final History SUPPLEMENT_RECEIVED = new History(null, true, null);
    private static final History FEE_UNPAID = new History(null, false, DEADLINE);

    @ParameterizedTest
    @EnumSource(value = Outcome.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"R3_6_1", "R3_6_2", "R3_4_3", "R3_6_3"})
    void anOutcomeWithNoPreconditionNeedsNothingRecorded(Outcome outcome) {
        assertThatCode(() -> OutcomePreconditions.require(outcome, AFTER_DEADLINE, NOTHING_RECORDED, null)).doesNotThrowAnyException();
    }

    @Test
    void failingToSupplementNeedsASupplementStillAwaited() {
        assertThatCode(() -> OutcomePreconditions.require(Outcome.R3_6_1, AFTER_DEADLINE, SUPPLEMENT_AWAITED, ""))
                .doesNotThrowAnyException();
        expectConflict(Outcome.R3_6_1, NOTHING_RECORDED, "OUTCOME_NEEDS_OPEN_SUPPLEMENT",
                "“逾期不补正”只适用于发出补正通知而未收到补正的申请");
        expectConflict(Outcome.R3_6_1, SUPPLEMENT_RECEIVED, "OUTCOME_NEEDS_OPEN_SUPPLEMENT", "逾期不补正");
    }

    @Test
    void failingToSupplementNeedsTheSupplementDeadlinePassedOnTheDayOfTheAnswer() {
        expectConflict(Outcome.R3_6_1, DEADLINE.minusDays(1), SUPPLEMENT_AWAITED, "SUPPLEMENT_DEADLINE_NOT_PASSED",
                "补正期限为 2026-05-29，答复日期（2026-05-28）尚在期限之内");
        expectConflict(Outcome.R3_6_1, DEADLINE, SUPPLEMENT_AWAITED, "SUPPLEMENT_DEADLINE_NOT_PASSED",
                "期限届满后（2026-05-30 起）申请人仍未补正的，才能答复“逾期不补正”");
    }

    @Test
    void failingToPayNeedsAFeeNoticeStillUnpaid() {
        assertThatCode(() -> OutcomePreconditions.require(Outcome.R3_6_2, AFTER_DEADLINE, FEE_UNPAID, ""))
                .doesNotThrowAnyException();
        expectConflict(Outcome.R3_6_2, NOTHING_RECORDED, "OUTCOME_NEEDS_OPEN_FEE",
                "“逾期未缴费”只适用于发出收费通知而未缴费的申请");
    }

    @Test
    void failingToPayNeedsThePaymentPeriodPassedOnTheDayOfTheAnswer() {
        expectConflict(Outcome.R3_6_2, DEADLINE.minusDays(1), FEE_UNPAID, "PAYMENT_DEADLINE_NOT_PASSED",
                "缴费期限为 2026-05-29（收费通知次日起第 20 个工作日），答复日期（2026-05-28）尚在期限之内");
        expectConflict(Outcome.R3_6_2, DEADLINE, FEE_UNPAID, "PAYMENT_DEADLINE_NOT_PASSED",
                "期限届满后（2026-05-30 起）申请人仍未缴费的，才能答复“逾期未缴费”");
    }

    @Test
    void stillUnclearAfterTheSupplementNeedsASupplementReceived() {
        assertThatCode(() -> OutcomePreconditions.require(Outcome.R3_4_3, AFTER_DEADLINE, SUPPLEMENT_RECEIVED, ""))
                .doesNotThrowAnyException();
        expectConflict(Outcome.R3_4_3, SUPPLEMENT_AWAITED, "OUTCOME_NEEDS_SUPPLEMENT",
                "“补正后申请内容仍不明确”只适用于已收到补正的申请");
    }

    @Test
    void otherHandlingNeedsItsReasonWrittenInTheNote() {
        assertThatCode(() -> OutcomePreconditions.require(Outcome.R3_6_3, AFTER_DEADLINE, NOTHING_RECORDED,
                "申请人书面撤回"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OutcomePreconditions.require(Outcome.R3_6_3, AFTER_DEADLINE, NOTHING_RECORDED, "  "))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.kind()).isEqualTo(Kind.INVALID);
                    assertThat(violation.field()).isEqualTo("note");
                })
                .hasMessageContaining("选择“其他处理·其他”时须写明具体原因");
    }

    private static void expectConflict(Outcome outcome, History history, String rule, String inWords) {
        expectConflict(outcome, AFTER_DEADLINE, history, rule, inWords);
    }

    private static void expectConflict(Outcome outcome, LocalDate answeredOn, History history, String rule,
                                       String inWords) {
        assertThatThrownBy(() -> OutcomePreconditions.require(outcome, answeredOn, history, ""))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(violation.rule()).isEqualTo(rule);
                })
                .hasMessageContaining(inWords);
    }
}
