package cn.foi.query.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.SupplementRequested;
import cn.foi.query.ProjectedRequests;
import cn.foi.query.TestFixtures;
import cn.foi.query.request.RequestQueries;
import cn.foi.query.request.RequestView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overdue reminder follows the list's rule (open, the clock running, the due date before today), read on the day
 * asked: it does not wait for the scheduler's overdue event, and a paused request is never reminded as overdue.
 */
class RemindersOverdueTest {

    private static final String AGENCY = "JD01";
    private static final String HANDLER = "wang";
    private static final Instant AT = Instant.parse("2026-10-12T02:00:00Z");
    private static final LocalDate RECEIVED = LocalDate.of(2026, 10, 12);
    /** The 20th working day after 2026-10-12, a Monday. */
    private static final LocalDate DUE = LocalDate.of(2026, 11, 9);
    private static final LocalDate DAY_AFTER = LocalDate.of(2026, 11, 10);

    private static ProjectedRequests projected;

    @BeforeAll
    static void database() {
        projected = new ProjectedRequests("reminders_overdue_test", AT);
    }

    @AfterAll
    static void close() {
        projected.close();
    }

    @BeforeEach
    void fresh() {
        projected.resetToShippedCalendar();
    }

    private static void handledRequest(String id, String caseNo) {
        projected.deliver(TestFixtures.received(id, AGENCY, caseNo, "张某", RECEIVED),
                new AnswerDueDateChanged(id, DUE, DueDateReason.RECEIVED, "第 20 个工作日"),
                new RequestAssigned(id, HANDLER, "clerk", RECEIVED));
    }

    private static List<String> overdueListed(LocalDate today) {
        return List.copyOf(projected.queriesOn(today).list(ProjectedRequests.anyRequest(),
                new RequestQueries.Refinement(List.of(AGENCY), null, null, true, null, null, null,
                        RequestQueries.Sort.RECEIVED_ON, false), 0, 10).items().stream()
                .map(view -> view.caseNo()).toList());
    }

    @Test
    void aRequestDueYesterdayIsRemindedTodayWithoutTheSchedulersEvent() {
        handledRequest("request-1", "2026-001");

        List<Reminders.Reminder> reminders = projected.remindersOn(DAY_AFTER).of(HANDLER);

        assertThat(reminders).hasSize(1);
        Reminders.Reminder overdue = reminders.get(0);
        assertThat(overdue.kind()).isEqualTo(Reminders.Kind.OVERDUE);
        assertThat(overdue.key()).as("the key the scheduler's event gave: read marks still match")
                .isEqualTo("request-1:OVERDUE:2026-11-09");
        assertThat(overdue.deadline()).isEqualTo(DUE);
        assertThat(overdue.days()).isEqualTo(1);
        assertThat(overdue.message()).contains("2026-001").contains("已逾期 1 个工作日");
        assertThat(projected.remindersOn(DAY_AFTER).counts(List.of(AGENCY), HANDLER))
                .isEqualTo(new Reminders.Counts(1, 0, 1, 0));
        assertThat(overdueListed(DAY_AFTER)).containsExactly("2026-001");
        assertThat(requestPageReminders(DAY_AFTER)).as("the request page's own reminders").containsExactly("OVERDUE");
    }

    /** The kinds of reminder the request page shows on {@code today}. */
    private static List<String> requestPageReminders(LocalDate today) {
        return projected.queriesOn(today).find("request-1").orElseThrow().reminders().stream()
                .map(RequestView.Reminder::kind).toList();
    }

    @Test
    void onTheDueDateItselfNothingIsOverdue() {
        handledRequest("request-1", "2026-001");

        assertThat(projected.remindersOn(DUE).of(HANDLER)).isEmpty();
        assertThat(projected.remindersOn(DUE).counts(List.of(AGENCY), HANDLER).overdue()).isZero();
        assertThat(overdueListed(DUE)).isEmpty();
        assertThat(requestPageReminders(DUE)).isEmpty();
    }

    @Test
    void aRequestAwaitingASupplementIsNotRemindedAsOverdueEvenWithTheSchedulersEvent() {
        handledRequest("request-1", "2026-001");
        projected.deliver(new RequestBecameOverdue("request-1", DUE),
                new SupplementRequested("request-1", DAY_AFTER, LocalDate.of(2026, 11, 25), "请写明文件名称", 1, false));

        assertThat(projected.remindersOn(LocalDate.of(2026, 11, 12)).of(HANDLER)).isEmpty();
        assertThat(projected.remindersOn(LocalDate.of(2026, 11, 12)).counts(List.of(AGENCY), HANDLER))
                .isEqualTo(new Reminders.Counts(0, 0, 0, 0));
        assertThat(overdueListed(LocalDate.of(2026, 11, 12))).isEmpty();
        assertThat(requestPageReminders(LocalDate.of(2026, 11, 12))).doesNotContain("OVERDUE");
    }

    @Test
    void aClosedOrAnotherHandlersRequestIsNotTheHandlersReminder() {
        handledRequest("request-1", "2026-001");
        projected.deliver(new RequestAssigned("request-1", "li", "clerk", RECEIVED));

        assertThat(projected.remindersOn(DAY_AFTER).of(HANDLER)).isEmpty();
        assertThat(projected.remindersOn(DAY_AFTER).of("li")).extracting(Reminders.Reminder::caseNo)
                .containsExactly("2026-001");
    }
}
