package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.CheckDeadline;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.FeePaymentDeadlinePassed;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.SupplementDeadlinePassed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The deadlines the system watches (条例 30, 33; 国办函〔2020〕109号): each recorded once, and only once passed.
 */
class DisclosureRequestWatchedDeadlineTest extends DisclosureRequestFixture {

    @Test
    void anAnswerPeriodPassedWithTheRequestOpenIsRecordedAsOverdue() {
        clock.set(DUE.plusDays(1));
        givenReceived()
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectEvents(new RequestBecameOverdue(ID, DUE))
                .expectResultMessagePayload(null);
    }

    @Test
    void aCheckOnTheDueDateItselfIsTooEarlyAndNamesTheDayAfter() {
        clock.set(DUE);
        givenReceived()
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectNoEvents()
                .expectResultMessagePayload(DUE.plusDays(1));
    }

    @Test
    void anOverdueIsRecordedOnceForTheSameDueDate() {
        givenReceived(new RequestBecameOverdue(ID, DUE))
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aLaterDueDateThatPassedTooIsOverdueAgain() {
        LocalDate extended = LocalDate.of(2026, 6, 12);
        givenReceived(new RequestBecameOverdue(ID, DUE),
                new AnswerDueDateChanged(ID, extended, DueDateReason.CALENDAR_CHANGED, "重新计算"))
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectEvents(new RequestBecameOverdue(ID, extended));
    }

    @Test
    void anAnsweredRequestIsNeverOverdue() {
        givenReceived(decided())
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void theAnswerPeriodDoesNotRunWhileASupplementIsAwaited() {
        givenReceived(supplementRequested())
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    /** Fifteen working days after the consultation sent on 2026-05-15. */
    private static final LocalDate CONSULTATION_DAYS_END = LocalDate.of(2026, 6, 5);

    @Test
    void theAnswerPeriodDoesNotRunWhileTheClockStandsStillAndIsCheckedAgainAfterTheFifteenDays() {
        clock.set(LocalDate.of(2026, 6, 1));
        givenReceived(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted())
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectNoEvents()
                .expectResultMessagePayload(CONSULTATION_DAYS_END.plusDays(1));
    }

    @Test
    void anUnansweredConsultationHoldsTheClockOnlyUntilItsFifteenthWorkingDay() {
        // Still open on 2026-07-01: the standstill ends on 06-05 (15 working days), the period of 20 working days
        // from 05-11 lengthened by them ends on 06-30 (端午 06-19 off), so the request is overdue.
        LocalDate due = LocalDate.of(2026, 6, 30);
        clock.set(LocalDate.of(2026, 7, 1));
        givenReceived(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted())
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.equalTo(
                                        new AnswerClockResumed(ID, CONSULTED, CONSULTATION_DAYS_END, 15)),
                                org.axonframework.test.matchers.Matchers.predicate(event ->
                                        event instanceof AnswerDueDateChanged changed
                                                && changed.reason() == DueDateReason.CLOCK_RESUMED
                                                && changed.dueOn().equals(due)),
                                org.axonframework.test.matchers.Matchers.equalTo(new RequestBecameOverdue(ID, due)),
                                org.axonframework.test.matchers.Matchers.andNoMore())))
                .expectResultMessagePayload(null);
    }

    @Test
    void anUnpaidFeeHoldsTheClockWithNoEndToWatchFor() {
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice())
                .when(new CheckDeadline(ID, DeadlineKind.ANSWER))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aPassedSupplementDeadlineTellsTheClerkButClosesNothing() {
        givenReceived(supplementRequested())
                .when(new CheckDeadline(ID, DeadlineKind.SUPPLEMENT))
                .expectEvents(new SupplementDeadlinePassed(ID, 1, SUPPLEMENT_DUE))
                .expectResultMessagePayload(null);
    }

    @Test
    void aSupplementDeadlineNotYetPassedNamesTheDayAfterIt() {
        clock.set(SUPPLEMENT_DUE);
        givenReceived(supplementRequested())
                .when(new CheckDeadline(ID, DeadlineKind.SUPPLEMENT))
                .expectNoEvents()
                .expectResultMessagePayload(SUPPLEMENT_DUE.plusDays(1));
    }

    @Test
    void aSupplementThatArrivedEndsTheWatch() {
        givenReceived(supplementRequested(), supplementReceived(), supplementDueDate())
                .when(new CheckDeadline(ID, DeadlineKind.SUPPLEMENT))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aSupplementDeadlineIsToldOncePerRound() {
        givenReceived(supplementRequested(), new SupplementDeadlinePassed(ID, 1, SUPPLEMENT_DUE))
                .when(new CheckDeadline(ID, DeadlineKind.SUPPLEMENT))
                .expectNoEvents();
    }

    @Test
    void anUnpaidFeePastItsTwentyWorkingDaysTellsTheClerk() {
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice())
                .when(new CheckDeadline(ID, DeadlineKind.FEE))
                .expectEvents(new FeePaymentDeadlinePassed(ID, FEE_NOTICE, PAY_BY))
                .expectResultMessagePayload(null);
    }

    @Test
    void aFeeCheckBeforeTheLastDayToPayNamesTheDayAfterIt() {
        clock.set(FEE_NOTICE.plusDays(21));
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice())
                .when(new CheckDeadline(ID, DeadlineKind.FEE))
                .expectNoEvents()
                .expectResultMessagePayload(PAY_BY.plusDays(1));
    }

    @Test
    void theLastDayToPayFollowsTheCalendarAsItIsWhenChecked() {
        calendar = nationalWithHoliday(PAY_BY);
        clock.set(PAY_BY.plusDays(1));
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice())
                .when(new CheckDeadline(ID, DeadlineKind.FEE))
                .expectNoEvents()
                .expectResultMessagePayload(LocalDate.of(2026, 6, 19));
    }

    @Test
    void aPaidFeeEndsTheWatch() {
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice(), new FeePaid(ID, PAY_BY))
                .when(new CheckDeadline(ID, DeadlineKind.FEE))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }
}
