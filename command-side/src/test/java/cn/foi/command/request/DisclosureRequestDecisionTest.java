package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The answer (条例 36–39): one outcome of Table 三 per request, with what each outcome needs recorded before.
 */
class DisclosureRequestDecisionTest extends DisclosureRequestFixture {

    @Test
    void decidingARequestClosesItWithOneOutcome() {
        givenReceived()
                .when(new DecideRequest(ID, Outcome.R3_1, DECIDED, SERVED, null))
                .expectEvents(decided());
    }

    @Test
    void anAnswerOnTheSpotIsDatedTheDayOfReceipt() {
        givenReceived()
                .when(new DecideRequest(ID, Outcome.R3_5_3, RECEIVED, RECEIVED, " "))
                .expectEvents(new RequestDecided(ID, Outcome.R3_5_3, RECEIVED, RECEIVED, ""));
    }

    @Test
    void aRequestWhoseSupplementNeverCameClosesAsNotSupplemented() {
        givenReceived(supplementRequested(), supplementLapsed())
                .when(new DecideRequest(ID, Outcome.R3_6_1, DECIDED, null, null))
                .expectEvents(new RequestDecided(ID, Outcome.R3_6_1, DECIDED, null, ""));
    }

    @Test
    void aRequestWhoseFeeWasNeverPaidClosesAsUnpaid() {
        LocalDate decidedOn = PAY_BY.plusDays(2);
        givenReceived(feeNotice(), new FeeLapseRecorded(ID, PAY_BY.plusDays(1)))
                .when(new DecideRequest(ID, Outcome.R3_6_2, decidedOn, decidedOn, null))
                .expectEvents(new RequestDecided(ID, Outcome.R3_6_2, decidedOn, decidedOn, ""));
    }

    @Test
    void theDayAfterTheSupplementDeadlineARequestClosesAsNotSupplementedWithoutALapseRecorded() {
        LocalDate dayAfter = SUPPLEMENT_DUE.plusDays(1);
        clock.set(dayAfter);
        givenReceived(supplementRequested())
                .when(new DecideRequest(ID, Outcome.R3_6_1, dayAfter, dayAfter, null))
                .expectEvents(new RequestDecided(ID, Outcome.R3_6_1, dayAfter, dayAfter, ""));
    }

    @Test
    void cannotCloseAsNotSupplementedTheDayBeforeTheSupplementDeadline() {
        LocalDate dayBefore = SUPPLEMENT_DUE.minusDays(1);
        clock.set(dayBefore);
        expectRefusal(givenReceived(supplementRequested())
                        .when(new DecideRequest(ID, Outcome.R3_6_1, dayBefore, null, null)),
                Kind.CONFLICT, "SUPPLEMENT_DEADLINE_NOT_PASSED",
                "补正期限为 2026-05-29，答复日期（2026-05-28）尚在期限之内；期限届满后（2026-05-30 起）申请人仍未补正的，"
                        + "才能答复“逾期不补正”");
    }

    @Test
    void cannotCloseAsNotSupplementedOnTheDayOfTheSupplementDeadline() {
        clock.set(SUPPLEMENT_DUE);
        expectRefusal(givenReceived(supplementRequested())
                        .when(new DecideRequest(ID, Outcome.R3_6_1, SUPPLEMENT_DUE, null, null)),
                Kind.CONFLICT, "SUPPLEMENT_DEADLINE_NOT_PASSED", "补正期限为 2026-05-29，答复日期（2026-05-29）尚在期限之内");
    }

    @Test
    void anAnswerDatedWithinTheSupplementDeadlineCannotBeNotSupplementedEvenWhenEnteredLater() {
        expectRefusal(givenReceived(supplementRequested())
                        .when(new DecideRequest(ID, Outcome.R3_6_1, SUPPLEMENT_DUE, null, null)),
                Kind.CONFLICT, "SUPPLEMENT_DEADLINE_NOT_PASSED", "补正期限为 2026-05-29");
    }

    @Test
    void theDayAfterThePaymentPeriodARequestClosesAsUnpaidWithoutALapseRecorded() {
        LocalDate dayAfter = PAY_BY.plusDays(1);
        clock.set(dayAfter);
        givenReceived(feeNotice())
                .when(new DecideRequest(ID, Outcome.R3_6_2, dayAfter, null, null))
                .expectEvents(new RequestDecided(ID, Outcome.R3_6_2, dayAfter, null, ""));
    }

    @Test
    void cannotCloseAsUnpaidTheDayBeforeThePaymentDeadline() {
        LocalDate dayBefore = PAY_BY.minusDays(1);
        clock.set(dayBefore);
        expectRefusal(givenReceived(feeNotice()).when(new DecideRequest(ID, Outcome.R3_6_2, dayBefore, null, null)),
                Kind.CONFLICT, "PAYMENT_DEADLINE_NOT_PASSED", "缴费期限为 2026-06-17（收费通知次日起第 20 个工作日），"
                        + "答复日期（2026-06-16）尚在期限之内；期限届满后（2026-06-18 起）申请人仍未缴费的，才能答复“逾期未缴费”");
    }

    @Test
    void cannotCloseAsUnpaidOnTheDayOfThePaymentDeadline() {
        clock.set(PAY_BY);
        expectRefusal(givenReceived(feeNotice()).when(new DecideRequest(ID, Outcome.R3_6_2, PAY_BY, null, null)),
                Kind.CONFLICT, "PAYMENT_DEADLINE_NOT_PASSED", "缴费期限为 2026-06-17");
    }

    @Test
    void thePaymentPeriodCountsTheWorkingDaysOfTheAgencysCalendar() {
        calendar = nationalWithHoliday(LocalDate.of(2026, 6, 10)); // a regional day off within the twenty days
        clock.set(LocalDate.of(2026, 6, 19));
        expectRefusal(givenReceived(feeNotice()).when(new DecideRequest(ID, Outcome.R3_6_2, PAY_BY.plusDays(1), null,
                        null)),
                Kind.CONFLICT, "PAYMENT_DEADLINE_NOT_PASSED", "缴费期限为 2026-06-18");
    }

    @Test
    void theDayAfterThePaymentPeriodOfTheAgencysCalendarARequestClosesAsUnpaid() {
        calendar = nationalWithHoliday(LocalDate.of(2026, 6, 10));
        LocalDate dayAfter = LocalDate.of(2026, 6, 19);
        clock.set(dayAfter);
        givenReceived(feeNotice())
                .when(new DecideRequest(ID, Outcome.R3_6_2, dayAfter, null, null))
                .expectEvents(new RequestDecided(ID, Outcome.R3_6_2, dayAfter, null, ""));
    }

    @Test
    void aRequestStillUnclearAfterItsSupplementClosesAsSuch() {
        givenReceived(supplementRequested(), supplementReceived(), supplementDueDate())
                .when(new DecideRequest(ID, Outcome.R3_4_3, DECIDED, SERVED, null))
                .expectEvents(new RequestDecided(ID, Outcome.R3_4_3, DECIDED, SERVED, ""));
    }

    @Test
    void anOtherOutcomeRecordsItsReason() {
        givenReceived()
                .when(new DecideRequest(ID, Outcome.R3_6_3, DECIDED, SERVED, " 申请人死亡，无人承继 "))
                .expectEvents(new RequestDecided(ID, Outcome.R3_6_3, DECIDED, SERVED, "申请人死亡，无人承继"));
    }

    @Test
    void cannotDecideARequestTwice() {
        expectRefusal(givenReceived(decided())
                        .when(new DecideRequest(ID, Outcome.R3_2, LocalDate.of(2026, 6, 3), null, null)),
                Kind.CONFLICT, "ALREADY_DECIDED",
                "该申请已于 2026-06-01 办结（予以公开），每件申请只有一个办理结果；如登记有误，请使用“更正答复”并写明原因");
    }

    @Test
    void cannotDecideAWithdrawnRequest() {
        expectRefusal(givenReceived(withdrawn())
                        .when(new DecideRequest(ID, Outcome.R3_1, DECIDED, null, null)),
                Kind.CONFLICT, "ALREADY_DECIDED", "该申请已于 2026-05-20 办结（其他处理·其他）");
    }

    @Test
    void cannotDecideWithoutAnOutcome() {
        expectRefusal(givenReceived().when(new DecideRequest(ID, null, DECIDED, SERVED, null)),
                Kind.INVALID, "OUTCOME_REQUIRED", "请选择办理结果");
    }

    @Test
    void cannotDecideWithoutTheAnswerDate() {
        expectRefusal(givenReceived().when(new DecideRequest(ID, Outcome.R3_1, null, null, null)),
                Kind.INVALID, "DATE_REQUIRED", "请填写答复日期");
    }

    @Test
    void cannotRecordAnAnswerDatedInTheFuture() {
        expectRefusal(givenReceived()
                        .when(new DecideRequest(ID, Outcome.R3_1, LocalDate.of(2026, 7, 1), null, null)),
                Kind.INVALID, "DATE_IN_FUTURE", "答复日期（2026-07-01）晚于今天（2026-06-30），不能登记尚未发生的事项");
    }

    @Test
    void cannotRecordAnAnswerDatedBeforeTheReceipt() {
        expectRefusal(givenReceived()
                        .when(new DecideRequest(ID, Outcome.R3_1, LocalDate.of(2026, 5, 10), null, null)),
                Kind.INVALID, "DATE_BEFORE_RECEIPT", "答复日期（2026-05-10）不能早于收到申请日期（2026-05-11）");
    }

    @Test
    void cannotRecordAnAnswerDatedBeforeTheLastStepOfTheRequest() {
        expectRefusal(givenReceived(new AnswerPeriodExtended(ID, LocalDate.of(2026, 6, 3), 20, ""),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 7, 7), DueDateReason.EXTENDED, "…"))
                        .when(new DecideRequest(ID, Outcome.R3_1, LocalDate.of(2026, 6, 2), null, null)),
                Kind.INVALID, "DATE_BEFORE_DECIDEDON", "答复日期（2026-06-02）不能早于该申请最近一次办理日期（2026-06-03）");
    }

    @Test
    void cannotServeTheAnswerBeforeItWasMade() {
        expectRefusal(givenReceived()
                        .when(new DecideRequest(ID, Outcome.R3_1, DECIDED, LocalDate.of(2026, 5, 29), null)),
                Kind.INVALID, "DATE_BEFORE_SERVEDON", "送达日期（2026-05-29）不能早于答复日期（2026-06-01）");
    }

    @Test
    void cannotRecordAServiceDateInTheFuture() {
        expectRefusal(givenReceived()
                        .when(new DecideRequest(ID, Outcome.R3_1, DECIDED, LocalDate.of(2026, 7, 3), null)),
                Kind.INVALID, "DATE_IN_FUTURE", "送达日期（2026-07-03）晚于今天（2026-06-30）");
    }

    @Test
    void cannotCloseAsNotSupplementedWithoutAnOpenSupplementNotice() {
        expectRefusal(givenReceived().when(new DecideRequest(ID, Outcome.R3_6_1, DECIDED, null, null)),
                Kind.CONFLICT, "OUTCOME_NEEDS_OPEN_SUPPLEMENT", "“逾期不补正”只适用于发出补正通知而未收到补正的申请");
    }

    @Test
    void cannotCloseAsNotSupplementedOnceTheSupplementArrived() {
        expectRefusal(givenReceived(supplementRequested(), supplementReceived(), supplementDueDate())
                        .when(new DecideRequest(ID, Outcome.R3_6_1, DECIDED, null, null)),
                Kind.CONFLICT, "OUTCOME_NEEDS_OPEN_SUPPLEMENT", "逾期不补正");
    }

    @Test
    void cannotCloseAsUnpaidWithoutAnOpenFeeNotice() {
        expectRefusal(givenReceived(feeNotice(), new FeePaid(ID, LocalDate.of(2026, 5, 25)))
                        .when(new DecideRequest(ID, Outcome.R3_6_2, DECIDED, null, null)),
                Kind.CONFLICT, "OUTCOME_NEEDS_OPEN_FEE", "“逾期未缴费”只适用于发出收费通知而未缴费的申请");
    }

    @Test
    void cannotCloseAsStillUnclearWithoutASupplement() {
        expectRefusal(givenReceived(supplementRequested())
                        .when(new DecideRequest(ID, Outcome.R3_4_3, DECIDED, null, null)),
                Kind.CONFLICT, "OUTCOME_NEEDS_SUPPLEMENT", "“补正后申请内容仍不明确”只适用于已收到补正的申请");
    }

    @Test
    void cannotCloseAsOtherWithoutTheSpecificReason() {
        expectRefusal(givenReceived().when(new DecideRequest(ID, Outcome.R3_6_3, DECIDED, null, "  ")),
                Kind.INVALID, "TEXT_REQUIRED", "选择“其他处理·其他”时须写明具体原因");
    }
}
