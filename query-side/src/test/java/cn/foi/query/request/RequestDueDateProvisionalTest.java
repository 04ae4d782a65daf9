package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.DueDateReason;
import cn.foi.query.ProjectedRequests;
import cn.foi.query.TestFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A due date counted on the derived holidays of a year whose notice is not declared yet is shown as provisional. */
class RequestDueDateProvisionalTest {

    private static final String ID = "request-1";
    private static final Instant AT = Instant.parse("2026-12-04T02:00:00Z");
    /** Received Friday 2026-12-04: the 20th working day skips 元旦 2027-01-01, derived from the law. */
    private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 4);
    private static final LocalDate DUE = LocalDate.of(2027, 1, 4);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static ProjectedRequests projected;

    @BeforeAll
    static void database() {
        projected = new ProjectedRequests("due_date_provisional_test", AT);
    }

    @AfterAll
    static void close() {
        projected.close();
    }

    @BeforeEach
    void shippedYearsOnly() {
        projected.resetToShippedCalendar();
        projected.deliver(TestFixtures.received(ID, "JD01", "2026-188", "张某", RECEIVED),
                new AnswerDueDateChanged(ID, DUE, DueDateReason.RECEIVED, "第 20 个工作日"));
    }

    private static RequestQueries queries() {
        return projected.queriesOn(TODAY);
    }

    @Test
    void aDueDateCountingDaysOfAnUndeclaredYearIsProvisional() throws Exception {
        RequestView view = queries().find(ID).orElseThrow();

        assertThat(view.dueDateProvisional()).isTrue();
        // Working days of 2027 count without 元旦: Dec 7 to 31 has 19, then Monday Jan 4.
        assertThat(view.workingDaysLeft()).isEqualTo(20);
        JsonNode body = projected.json().readTree(projected.json().writeValueAsString(view));
        assertThat(body.get("dueDateProvisional").asBoolean()).isTrue();
        assertThat(queries().list("JD01", ProjectedRequests.anyRequest(), 0, 10).items()).extracting(RequestView::dueDateProvisional).containsExactly(true);
    }

    @Test
    void theDeclarationOfTheYearMakesItFinal() {
        projected.calendar().on(new CalendarYearDeclared(2027, List.of(LocalDate.of(2027, 1, 1)), List.of(),
                "国务院办公厅关于2027年部分节假日安排的通知"));

        RequestView view = queries().find(ID).orElseThrow();

        assertThat(view.dueDateProvisional()).isFalse();
    }

    @Test
    void aDueDateWithinDeclaredYearsIsNotProvisional() {
        projected.deliver(new AnswerDueDateChanged(ID, LocalDate.of(2026, 12, 31), DueDateReason.LATER_DATE_SET, "约定"));

        assertThat(queries().find(ID).orElseThrow().dueDateProvisional()).isFalse();
    }
}
