package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RecordFeeLapse;
import cn.foi.command.request.RequestCommands.RecordFeePayment;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.Channel;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Fees (条例 42; 国办函〔2020〕109号): the notice, the payment, the lapse.
 */
class DisclosureRequestFeeTest extends DisclosureRequestFixture {

    @Test
    void issuingAFeeNoticeRecordsTheAmountInYuanAndFen() {
        givenReceived()
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("200"), FeeMethod.PER_PAGE))
                .expectEvents(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice());
    }

    @Test
    void theFeeIsRoundedToTheFen() {
        givenReceived()
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("1250.505"), FeeMethod.PER_REQUEST))
                .expectEvents(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"),
                        new FeeNoticeIssued(ID, FEE_NOTICE, new BigDecimal("1250.51"), FeeMethod.PER_REQUEST));
    }

    @Test
    void recordingThePayment() {
        LocalDate paidOn = LocalDate.of(2026, 5, 25);
        givenReceived(feeNotice())
                .when(new RecordFeePayment(ID, paidOn))
                .expectEvents(new FeePaid(ID, paidOn));
    }

    @Test
    void aNewFeeNoticeMayFollowAPaidOne() {
        LocalDate second = LocalDate.of(2026, 5, 27);
        givenReceived(feeNotice(), new FeePaid(ID, LocalDate.of(2026, 5, 25)))
                .when(new IssueFeeNotice(ID, second, new BigDecimal("100.00"), FeeMethod.PER_PAGE))
                .expectEvents(new AnswerClockPaused(ID, second, "FEE"),
                        new FeeNoticeIssued(ID, second, new BigDecimal("100.00"), FeeMethod.PER_PAGE));
    }

    @Test
    void recordingTheFeeLapseAfterTwentyWorkingDays() {
        LocalDate lapsedOn = PAY_BY.plusDays(1);
        givenReceived(feeNotice())
                .when(new RecordFeeLapse(ID, lapsedOn))
                .expectEvents(new FeeLapseRecorded(ID, lapsedOn));
    }

    @Test
    void cannotIssueASecondFeeNoticeWhileOneIsOpen() {
        expectRefusal(givenReceived(feeNotice())
                        .when(new IssueFeeNotice(ID, LocalDate.of(2026, 5, 21), BigDecimal.TEN, FeeMethod.PER_PAGE)),
                Kind.CONFLICT, "FEE_NOTICE_OPEN", "已于 2026-05-20 发出收费通知，尚未缴费或逾期");
    }

    @Test
    void aFeeNoticeChargingTheQuoteNeedsNoReason() {
        givenReceived()
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("1100"), FeeMethod.PER_PAGE, false,
                        new BigDecimal("1100.00"), " "))
                .expectEvents(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"),
                        new FeeNoticeIssued(ID, FEE_NOTICE, new BigDecimal("1100.00"), FeeMethod.PER_PAGE,
                                new BigDecimal("1100.00"), null));
    }

    @Test
    void aFeeNoticeBelowTheQuoteRecordsTheQuoteAndTheReductionReason() {
        givenReceived()
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("550"), FeeMethod.PER_PAGE, false,
                        new BigDecimal("1100"), " 申请人经济困难，减半收取 "))
                .expectEvents(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"),
                        new FeeNoticeIssued(ID, FEE_NOTICE, new BigDecimal("550.00"), FeeMethod.PER_PAGE,
                                new BigDecimal("1100.00"), "申请人经济困难，减半收取"));
    }

    @Test
    void aFeeNoticeThatDiffersFromTheQuoteIsRefusedWithoutAReductionReason() {
        expectRefusal(givenReceived()
                        .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("550"), FeeMethod.PER_PAGE, false,
                                new BigDecimal("1100"), "")),
                Kind.INVALID, "FEE_REDUCTION_REASON_REQUIRED",
                "收费金额（550.00 元）与按标准计算的金额（1100.00 元）不同，请填写减免理由");
    }

    @Test
    void aNegativeQuoteIsRefused() {
        expectRefusal(givenReceived()
                        .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("100"), FeeMethod.PER_PAGE, false,
                                new BigDecimal("-1"), "减免")),
                Kind.INVALID, "FEE_QUOTE", "按标准计算的金额须在 0 至 1000000.00 元之间");
    }

    @Test
    void aFeeNoticeDatedBeforeTheFeeMeasuresCameIntoForceIsRefused() {
        LocalDate received = LocalDate.of(2020, 12, 1);
        expectRefusal(fixture.given(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received,
                                null, received, DESCRIPTION, 2, RequestedForm.ELECTRONIC))
                        .when(new IssueFeeNotice(ID, LocalDate.of(2020, 12, 31), new BigDecimal("100"),
                                FeeMethod.PER_REQUEST)),
                Kind.INVALID, "FEE_BEFORE_2021", "收费通知日期（2020-12-31）早于《政府信息公开信息处理费管理办法》"
                        + "（国办函〔2020〕109号）施行之日 2021-01-01，此前不得收取信息处理费");
    }

    @Test
    void aFeeNoticeOnTheDayTheFeeMeasuresCameIntoForceIsAccepted() {
        LocalDate received = LocalDate.of(2020, 12, 30);
        LocalDate notice = LocalDate.of(2021, 1, 1);
        fixture.given(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null,
                                received, DESCRIPTION, 2, RequestedForm.ELECTRONIC))
                .when(new IssueFeeNotice(ID, notice, new BigDecimal("100"), FeeMethod.PER_REQUEST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AnswerClockPaused(ID, notice, "FEE"),
                        new FeeNoticeIssued(ID, notice, new BigDecimal("100.00"), FeeMethod.PER_REQUEST));
    }

    @Test
    void cannotIssueAFeeNoticeOfNothing() {
        expectRefusal(givenReceived()
                        .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("0.00"), FeeMethod.PER_PAGE)),
                Kind.INVALID, "FEE_AMOUNT", "收费金额须大于 0 元");
    }

    @Test
    void cannotIssueAFeeNoticeOfANegativeAmount() {
        expectRefusal(givenReceived()
                        .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("-100"), FeeMethod.PER_PAGE)),
                Kind.INVALID, "FEE_AMOUNT", "收费金额须大于 0 元");
    }

    @Test
    void cannotIssueAFeeNoticeWithoutTheAmount() {
        expectRefusal(givenReceived().when(new IssueFeeNotice(ID, FEE_NOTICE, null, FeeMethod.PER_PAGE)),
                Kind.INVALID, "FEE_AMOUNT", "收费金额须大于 0 元");
    }

    @Test
    void cannotIssueAFeeNoticeWithoutTheMethod() {
        expectRefusal(givenReceived().when(new IssueFeeNotice(ID, FEE_NOTICE, BigDecimal.TEN, null)),
                Kind.INVALID, "FEE_METHOD", "请选择收费方式：按件（PER_REQUEST）或按量（PER_PAGE）");
    }

    @Test
    void cannotIssueAFeeNoticeAfterTheAnswer() {
        expectRefusal(givenReceived(decided())
                        .when(new IssueFeeNotice(ID, SERVED, BigDecimal.TEN, FeeMethod.PER_PAGE)),
                Kind.CONFLICT, "ALREADY_ANSWERED", "办结后不能再收费");
    }

    @Test
    void cannotRecordAPaymentWithoutAFeeNotice() {
        expectRefusal(givenReceived().when(new RecordFeePayment(ID, LocalDate.of(2026, 5, 25))),
                Kind.CONFLICT, "NO_FEE_NOTICE", "该申请没有发出过收费通知");
    }

    @Test
    void cannotRecordAPaymentTwice() {
        expectRefusal(givenReceived(feeNotice(), new FeePaid(ID, LocalDate.of(2026, 5, 25)))
                        .when(new RecordFeePayment(ID, LocalDate.of(2026, 5, 26))),
                Kind.CONFLICT, "NO_FEE_NOTICE", "该申请没有待缴费的收费通知");
    }

    @Test
    void cannotRecordAPaymentBeforeTheFeeNotice() {
        expectRefusal(givenReceived(feeNotice()).when(new RecordFeePayment(ID, LocalDate.of(2026, 5, 19))),
                Kind.INVALID, "DATE_BEFORE_PAIDON", "缴费日期（2026-05-19）不能早于收费通知日期（2026-05-20）");
    }

    @Test
    void cannotRecordTheFeeLapseBeforeThePaymentDeadlinePassed() {
        expectRefusal(givenReceived(feeNotice()).when(new RecordFeeLapse(ID, PAY_BY)),
                Kind.CONFLICT, "FEE_NOT_YET_DUE", "缴费期限为 2026-06-17，期限届满之后才能登记逾期未缴费");
    }

    @Test
    void cannotRecordTheSameFeeLapseTwice() {
        expectRefusal(givenReceived(feeNotice(), new FeeLapseRecorded(ID, PAY_BY.plusDays(1)))
                        .when(new RecordFeeLapse(ID, PAY_BY.plusDays(2))),
                Kind.CONFLICT, "FEE_LAPSE_RECORDED", "已登记过该收费通知逾期未缴费");
    }

    @Test
    void cannotRecordAFeeLapseWithoutAFeeNotice() {
        expectRefusal(givenReceived().when(new RecordFeeLapse(ID, PAY_BY.plusDays(1))),
                Kind.CONFLICT, "NO_FEE_NOTICE", "该申请没有发出过收费通知");
    }
}
