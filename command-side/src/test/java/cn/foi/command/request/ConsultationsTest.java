package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** 征求意见 as a value (docs/domain.md §1.4), apart from any request, on the national calendar. */
class ConsultationsTest {

    private static final WorkingDayCalendar NATIONAL = WorkingDayCalendar.national();
    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final LocalDate SENT = LocalDate.of(2026, 5, 12);
    /** The fifteenth working day after the sending. */
    private static final LocalDate REPLIES_DUE = LocalDate.of(2026, 6, 2);
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 7, 1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));
    private static final Consultations ONE_OPEN = Consultations.NONE.started(1, SENT, null);

    @Test
    void anOpenConsultationHoldsTheClockToItsFifteenthWorkingDayAndAReplyEndsItSooner() {
        assertThat(ONE_OPEN.holdUntil(SENT, NATIONAL)).isEqualTo(REPLIES_DUE);
        assertThat(ONE_OPEN.endedHoldUntil(SENT, NATIONAL)).isEqualTo(SENT);
        assertThat(ONE_OPEN.openOneHoldsPast(REPLIES_DUE.minusDays(1), NATIONAL)).isTrue();
        assertThat(ONE_OPEN.openOneHoldsPast(REPLIES_DUE, NATIONAL)).isFalse();

        Consultations replied = ONE_OPEN.ended(1, LocalDate.of(2026, 5, 20));

        assertThat(replied.holdUntil(SENT, NATIONAL)).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(replied.endedHoldUntil(SENT, NATIONAL)).isEqualTo(LocalDate.of(2026, 5, 20));
    }

    @Test
    void aReplyAfterTheFifteenDaysIsLateAndDoesNotHoldTheClockLonger() {
        Consultations.End end = ONE_OPEN.checkedEnd(new EndConsultation("r", 1, REPLIES_DUE.plusDays(1),
                ConsultationEnding.REPLIED, "同意"), RECEIVED, TODAY, NATIONAL);

        assertThat(end.ending()).isEqualTo(ConsultationEnding.REPLIED_LATE);
        assertThat(ONE_OPEN.ended(1, end.endedOn()).holdUntil(SENT, NATIONAL)).isEqualTo(REPLIES_DUE);
    }

    @Test
    void noReplyMayBeRecordedOnlyOnceTheFifteenDaysAreOver() {
        assertThatThrownBy(() -> ONE_OPEN.checkedEnd(new EndConsultation("r", 1, REPLIES_DUE.minusDays(1),
                ConsultationEnding.LAPSED, null), RECEIVED, TODAY, NATIONAL)).isInstanceOf(RuleViolation.class)
                .hasMessage("第 1 次征求意见的答复期限至 2026-06-02 止（自发出之日起 15 个工作日），期限届满之前不能登记逾期未答复");
    }

    @Test
    void anEndedOrUnknownConsultationCannotEndAgain() {
        Consultations ended = ONE_OPEN.ended(1, REPLIES_DUE);

        assertThatThrownBy(() -> ended.checkedEnd(new EndConsultation("r", 1, REPLIES_DUE, ConsultationEnding.REPLIED,
                null), RECEIVED, TODAY, NATIONAL)).hasMessage("第 1 次征求意见已经结束");
        assertThatThrownBy(() -> ended.checkedEnd(new EndConsultation("r", 2, REPLIES_DUE, ConsultationEnding.REPLIED,
                null), RECEIVED, TODAY, NATIONAL)).hasMessage("该申请没有第 2 次征求意见");
        assertThat(ended.nextNumber()).isEqualTo(2);
        assertThat(ended.lastStartedOn()).isEqualTo(SENT);
    }
}
