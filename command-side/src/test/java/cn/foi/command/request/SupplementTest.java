package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** 补正 as a value (docs/domain.md §1.2), apart from any request, on the national calendar. */
class SupplementTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final LocalDate ASKED = LocalDate.of(2026, 5, 13);
    private static final LocalDate DUE = LocalDate.of(2026, 5, 29);
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 7, 1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));
    private static final Supplement AWAITED = Supplement.NONE.requested(1, ASKED, DUE);

    @Test
    void aNoticeAwaitedForbidsAnotherUntilItsSupplementIsReceived() {
        assertThatThrownBy(AWAITED::requireMayAskAgain).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已于 2026-05-13 发出补正通知，尚未收到补正；补正应一次性告知");

        Supplement received = AWAITED.received(LocalDate.of(2026, 5, 20));

        received.requireMayAskAgain();
        assertThat(received.nextRound()).isEqualTo(2);
        assertThat(received.everReceived()).isTrue();
        assertThat(received.awaitedDueOn()).isNull();
    }

    @Test
    void aNoticeIsLateAfterTheSeventhWorkingDayFromTheReceipt() {
        WorkingDayCalendar national = WorkingDayCalendar.national();

        assertThat(Supplement.late(LocalDate.of(2026, 5, 20), RECEIVED, national)).isFalse();
        assertThat(Supplement.late(LocalDate.of(2026, 5, 21), RECEIVED, national)).isTrue();
    }

    @Test
    void theDeadlineMustComeAfterTheNotice() {
        assertThatThrownBy(() -> Supplement.checkedDueOn(ASKED, ASKED)).isInstanceOf(RuleViolation.class)
                .hasMessage("补正期限（2026-05-13）须晚于补正告知日期（2026-05-13）");
        assertThat(Supplement.checkedDueOn(DUE, ASKED)).isEqualTo(DUE);
    }

    @Test
    void aReceiptNeedsANoticeAwaitedAndSaysWhenTheLastSupplementCame() {
        assertThatThrownBy(() -> Supplement.NONE.checkedReceipt(ASKED, RECEIVED, TODAY))
                .hasMessage("该申请没有发出过补正通知，不能登记补正");
        assertThatThrownBy(() -> AWAITED.received(DUE).checkedReceipt(DUE, RECEIVED, TODAY))
                .hasMessage("该申请的补正已于 2026-05-29 收到，没有待补正的通知");
        assertThat(AWAITED.checkedReceipt(DUE, RECEIVED, TODAY)).isEqualTo(DUE);
    }

    @Test
    void aLapseIsRecordedOnceAndOnlyAfterTheLastDayToSupplement() {
        assertThatThrownBy(() -> AWAITED.checkedLapse(DUE, RECEIVED, TODAY))
                .hasMessage("补正期限为 2026-05-29，期限届满之后才能登记逾期未补正");
        assertThat(AWAITED.checkedLapse(DUE.plusDays(1), RECEIVED, TODAY)).isEqualTo(DUE.plusDays(1));
        assertThatThrownBy(() -> AWAITED.lapsed().checkedLapse(DUE.plusDays(1), RECEIVED, TODAY))
                .hasMessage("已登记过该补正通知逾期未补正");
    }

    @Test
    void theSystemWatchesTheDeadlineOfEachRoundUntilItIsFoundPassedOrRecordedLapsed() {
        assertThat(Supplement.NONE.deadlineWatched()).isFalse();
        assertThat(AWAITED.deadlineWatched()).isTrue();
        assertThat(AWAITED.deadlinePassed(1).deadlineWatched()).isFalse();
        assertThat(AWAITED.lapsed().deadlineWatched()).isFalse();

        Supplement secondRound = AWAITED.deadlinePassed(1).received(DUE).requested(2, DUE.plusDays(3),
                DUE.plusDays(20));

        assertThat(secondRound.deadlineWatched()).isTrue();
        assertThat(secondRound.awaitedDueOn()).isEqualTo(DUE.plusDays(20));
    }
}
