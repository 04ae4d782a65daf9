package cn.foi.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.query.TestFixtures;
import cn.foi.query.persistence.QueryDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history of a year's national declarations, on a real PostgreSQL: newest first, idempotent, rebuildable. */
class CalendarDeclarationsTest {

    private static QueryDatabase database;
    private static CalendarDeclarations declarations;

    @BeforeAll
    static void database() {
        database = TestFixtures.database("calendar_declarations_test");
        declarations = new CalendarDeclarations(database);
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    @BeforeEach
    void empty() {
        declarations.reset();
    }

    @Test
    void aYearsDeclarationsAreListedNewestFirstWithWhoAndWhy() {
        declarations.on(new CalendarYearDeclared(2025, List.of(LocalDate.of(2025, 1, 1)), List.of(), "随系统提供",
                null, "system"), Instant.parse("2026-01-05T01:00:00Z"), "event-1");
        declarations.on(new CalendarYearDeclared(2025, List.of(), List.of(), "更正", "误操作后恢复", "admin"),
                Instant.parse("2026-03-05T01:00:00Z"), "event-2");
        declarations.on(new CalendarYearDeclared(2026, List.of(), List.of(), "另一年"),
                Instant.parse("2026-03-06T01:00:00Z"), "event-3");

        List<Map<String, Object>> listed = declarations.ofYear(2025);

        assertThat(listed).extracting(d -> d.get("declaredBy")).containsExactly("admin", "system");
        assertThat(listed.get(0)).containsEntry("reason", "误操作后恢复").containsEntry("source", "更正")
                .containsEntry("holidays", 0).containsEntry("declaredAt", "2026-03-05T01:00:00Z");
        assertThat(listed.get(1)).containsEntry("holidays", 1).containsEntry("reason", null);
    }

    @Test
    void anEventAppliedTwiceIsListedOnceAndAResetEmptiesTheHistory() {
        CalendarYearDeclared event = new CalendarYearDeclared(2025, List.of(), List.of(), "更正", "原因", "admin");
        declarations.on(event, Instant.parse("2026-03-05T01:00:00Z"), "event-1");
        declarations.on(event, Instant.parse("2026-03-05T01:00:00Z"), "event-1");
        assertThat(declarations.ofYear(2025)).hasSize(1);

        declarations.reset();
        assertThat(declarations.ofYear(2025)).isEmpty();
    }
}
