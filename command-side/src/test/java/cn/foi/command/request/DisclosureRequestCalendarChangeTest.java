package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.calendar.CalendarCommands.RecomputeDueDate;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calendar changes: an open request's due date follows the official calendar as it is corrected.
 */
class DisclosureRequestCalendarChangeTest extends DisclosureRequestFixture {

    @Test
    void aCalendarChangeThatMovesTheDueDateIsRecordedWithItsReason() {
        // A regional holiday on Wednesday 2026-05-20 pushes the twentieth working day one day further.
        calendar = nationalWithHoliday(LocalDate.of(2026, 5, 20));
        givenReceived()
                .when(new RecomputeDueDate(ID, "某地民族节日"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(event ->
                                        event instanceof AnswerDueDateChanged changed
                                                && changed.reason() == DueDateReason.CALENDAR_CHANGED
                                                && changed.dueOn().equals(LocalDate.of(2026, 6, 9))
                                                && changed.explanation().contains("某地民族节日")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    /** The shipped dates, with the years after them derived from the law, as the running system counts. */
    private WorkingDayCalendar shippedWithDerivedYears(LocalDate... declared2027Holidays) {
        WorkingDayCalendar shipped = WorkingDayCalendar.national();
        Set<LocalDate> holidays = new HashSet<>(shipped.holidays());
        Set<Integer> declared = new HashSet<>(shipped.years());
        if (declared2027Holidays.length > 0) {
            holidays.addAll(List.of(declared2027Holidays));
            declared.add(2027);
        }
        return WorkingDayCalendar.withDerivedYears(holidays, shipped.makeUpWorkdays(), declared);
    }

    @Test
    void aRequestWhosePeriodRunsIntoAnUndeclaredYearSkipsTheStatutoryHolidaysDerivedForIt() {
        // Received Friday 2026-12-04: the twentieth working day would be Friday 2027-01-01, 元旦, before the
        // State Council has published 2027's notice.
        calendar = shippedWithDerivedYears();
        clock.set(LocalDate.of(2026, 12, 6));
        LocalDate received = LocalDate.of(2026, 12, 4);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, inPerson(received)))
                .expectEvents(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null,
                                received, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        dueOnReceipt(received, LocalDate.of(2027, 1, 4)));

        assertThat(calendar.countsDerivedDays(received, LocalDate.of(2027, 1, 4))).isTrue();
    }

    @Test
    void theDeclarationOfTheYearReplacesItsDerivedHolidays() {
        LocalDate received = LocalDate.of(2026, 12, 4);
        // Hypothetical notice: 元旦 from Friday to Monday, so that the recomputed date visibly moves.
        calendar = shippedWithDerivedYears(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 4));
        fixture.given(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null,
                                received, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        dueOnReceipt(received, LocalDate.of(2027, 1, 4)))
                .when(new RecomputeDueDate(ID, "国家 2027 年节假日安排"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(event ->
                                        event instanceof AnswerDueDateChanged changed
                                                && changed.reason() == DueDateReason.CALENDAR_CHANGED
                                                && changed.dueOn().equals(LocalDate.of(2027, 1, 5))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));

        assertThat(calendar.countsDerivedDays(received, LocalDate.of(2027, 1, 5))).isFalse();
    }

    @Test
    void aCalendarChangeThatDoesNotMoveTheDueDateRecordsNothing() {
        givenReceived()
                .when(new RecomputeDueDate(ID, "更正"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedRequestKeepsItsHistoryWhenTheCalendarChanges() {
        calendar = nationalWithHoliday(LocalDate.of(2026, 5, 20));
        givenReceived(new RequestDecided(ID, Outcome.R3_1, LocalDate.of(2026, 5, 15), null, ""))
                .when(new RecomputeDueDate(ID, "某地民族节日"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
