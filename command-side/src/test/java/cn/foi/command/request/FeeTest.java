package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** 收费 as a value (docs/domain.md §1.5), apart from any request, on the national calendar. */
class FeeTest {

    private static final WorkingDayCalendar NATIONAL = WorkingDayCalendar.national();
    private static final AgencyCounting.Counting FEE_PAUSES = new AgencyCounting.Counting(NATIONAL, false, true);
    private static final AgencyCounting.Counting FEE_RUNS = new AgencyCounting.Counting(NATIONAL, false, false);
    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final LocalDate NOTICE = LocalDate.of(2026, 5, 12);
    /** The twentieth working day after the notice. */
    private static final LocalDate PAY_BY = LocalDate.of(2026, 6, 9);
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 7, 1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));
    private static final Fee UNPAID = Fee.NONE.noticeIssued(NOTICE);

    @Test
    void theApplicantHasTwentyWorkingDaysAfterTheNoticeToPay() {
        assertThat(UNPAID.payBy(NATIONAL)).isEqualTo(PAY_BY);
        assertThat(UNPAID.unpaidPayBy(NATIONAL)).isEqualTo(PAY_BY);
        assertThat(UNPAID.paid(PAY_BY).unpaidPayBy(NATIONAL)).isNull();
    }

    @Test
    void oneNoticeAtATimeUntilItIsPaid() {
        assertThatThrownBy(UNPAID::requireNoNoticeUnpaid).isInstanceOf(RuleViolation.class)
                .hasMessage("已于 2026-05-12 发出收费通知，尚未缴费或逾期");
        assertThatThrownBy(UNPAID.lapsed()::requireNoNoticeUnpaid).isInstanceOf(RuleViolation.class);
        UNPAID.paid(PAY_BY).requireNoNoticeUnpaid();
    }

    @Test
    void aPaymentOrLapseNeedsANoticeUnpaid() {
        assertThatThrownBy(Fee.NONE::requireNoticeUnpaid).hasMessage("该申请没有发出过收费通知");
        assertThatThrownBy(UNPAID.paid(PAY_BY)::requireNoticeUnpaid).hasMessage("该申请没有待缴费的收费通知");
        assertThatThrownBy(() -> UNPAID.checkedPayment(NOTICE.minusDays(1), RECEIVED, TODAY))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aLapseIsRecordedOnceAndOnlyAfterTheLastDayToPay() {
        assertThatThrownBy(() -> UNPAID.checkedLapse(PAY_BY, RECEIVED, TODAY, NATIONAL))
                .hasMessage("缴费期限为 2026-06-09，期限届满之后才能登记逾期未缴费");
        assertThat(UNPAID.checkedLapse(PAY_BY.plusDays(1), RECEIVED, TODAY, NATIONAL)).isEqualTo(PAY_BY.plusDays(1));
        assertThatThrownBy(() -> UNPAID.lapsed().checkedLapse(PAY_BY.plusDays(1), RECEIVED, TODAY, NATIONAL))
                .hasMessage("已登记过该收费通知逾期未缴费");
    }

    @Test
    void anUnpaidFeeHoldsTheClockUpToTheDayOfPaymentOnlyWhereTheAgencySoChose() {
        assertThat(UNPAID.holdsClock(FEE_PAUSES)).isTrue();
        assertThat(UNPAID.holdsClock(FEE_RUNS)).isFalse();

        Fee paid = UNPAID.paid(LocalDate.of(2026, 5, 20));

        assertThat(paid.holdsClock(FEE_PAUSES)).isFalse();
        assertThat(paid.holdsUntil(NOTICE, FEE_PAUSES)).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(paid.holdsUntil(LocalDate.of(2026, 5, 25), FEE_PAUSES)).isEqualTo(LocalDate.of(2026, 5, 25));
        assertThat(paid.holdsUntil(NOTICE, FEE_RUNS)).isEqualTo(NOTICE);
    }

    @Test
    void theSystemWatchesThePaymentPeriodUntilItIsFoundPassedOrRecordedLapsed() {
        assertThat(Fee.NONE.deadlineWatched()).isFalse();
        assertThat(UNPAID.deadlineWatched()).isTrue();
        assertThat(UNPAID.deadlinePassedFound().deadlineWatched()).isFalse();
        assertThat(UNPAID.lapsed().deadlineWatched()).isFalse();
        assertThat(UNPAID.deadlinePassedFound().noticeIssued(PAY_BY).deadlineWatched()).isTrue();
    }
}
