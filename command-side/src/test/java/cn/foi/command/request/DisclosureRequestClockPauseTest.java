package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.RecordFeePayment;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeePaid;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The answer clock stands still during consultations and until a fee is paid (domain §1.4, §1.5).
 */
class DisclosureRequestClockPauseTest extends DisclosureRequestFixture {

    private static final LocalDate FIRST_REPLY = LocalDate.of(2026, 5, 20);
    private static final LocalDate LAST_REPLY = LocalDate.of(2026, 5, 22);

    private org.hamcrest.Matcher<List<org.axonframework.messaging.Message<?>>> resumedThenDue(
            Object first, LocalDate pausedOn, LocalDate resumedOn, int standstill, LocalDate due) {
        return org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.equalTo(first),
                        org.axonframework.test.matchers.Matchers.equalTo(
                                new AnswerClockResumed(ID, pausedOn, resumedOn, standstill)),
                        org.axonframework.test.matchers.Matchers.predicate(event ->
                                event instanceof AnswerDueDateChanged changed
                                        && changed.reason() == DueDateReason.CLOCK_RESUMED
                                        && changed.dueOn().equals(due)
                                        && changed.explanation().contains("顺延 " + standstill + " 个工作日")),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void theDueDateMovesByTheWorkingDaysAConsultationTook() {
        // Sent on Friday 05-15, answered on Friday 05-22: five working days did not count.
        givenReceived(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted())
                .when(new EndConsultation(ID, 1, LAST_REPLY, ConsultationEnding.REPLIED, "同意"))
                .expectEventsMatching(resumedThenDue(
                        new ConsultationEnded(ID, 1, LAST_REPLY, ConsultationEnding.REPLIED, "同意"),
                        CONSULTED, LAST_REPLY, 5, LocalDate.of(2026, 6, 15)));
    }

    @Test
    void overlappingConsultationsHoldTheClockUntilTheLastEnds() {
        LocalDate second = LocalDate.of(2026, 5, 18);
        givenReceived(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted(),
                new ConsultationStarted(ID, 2, ConsultedParty.OTHER_AGENCY, "某局", second))
                .when(new EndConsultation(ID, 1, FIRST_REPLY, ConsultationEnding.REPLIED, ""))
                .expectEvents(new ConsultationEnded(ID, 1, FIRST_REPLY, ConsultationEnding.REPLIED, ""));
    }

    @Test
    void theLastOfOverlappingConsultationsResumesTheClockFromTheFirstStart() {
        LocalDate second = LocalDate.of(2026, 5, 18);
        givenReceived(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted(),
                new ConsultationStarted(ID, 2, ConsultedParty.OTHER_AGENCY, "某局", second),
                new ConsultationEnded(ID, 1, FIRST_REPLY, ConsultationEnding.REPLIED, ""))
                .when(new EndConsultation(ID, 2, LAST_REPLY, ConsultationEnding.REPLIED, ""))
                .expectEventsMatching(resumedThenDue(
                        new ConsultationEnded(ID, 2, LAST_REPLY, ConsultationEnding.REPLIED, ""),
                        CONSULTED, LAST_REPLY, 5, LocalDate.of(2026, 6, 15)));
    }

    @Test
    void aFeeNoticeHoldsTheClockUntilThePayment() {
        LocalDate paidOn = LocalDate.of(2026, 5, 25);
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice())
                .when(new RecordFeePayment(ID, paidOn))
                .expectEventsMatching(resumedThenDue(new FeePaid(ID, paidOn), FEE_NOTICE, paidOn, 3,
                        LocalDate.of(2026, 6, 11)));
    }

    @Test
    void aStartedConsultationWhileAFeeIsUnpaidDoesNotStopTheClockAgain() {
        givenReceived(new AnswerClockPaused(ID, FEE_NOTICE, "FEE"), feeNotice())
                .when(new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "某公司", LAST_REPLY))
                .expectEvents(new ConsultationStarted(ID, 1, ConsultedParty.THIRD_PARTY, "某公司", LAST_REPLY));
    }
}
