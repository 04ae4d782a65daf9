package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadlines the system watches are kept in PostgreSQL: one scheduled before a restart comes after it, once. The
 * office clock is moved to a few seconds before a due date ends, so the test waits seconds instead of a day; the
 * scheduler and the requests read the same clock.
 */
class PersistentDeadlinesTest {

    private static final ZoneId OFFICE = FoiPlatformConfiguration.OFFICE_ZONE;
    private static final ShiftedClock CLOCK = new ShiftedClock(OFFICE);

    private static AllInOne system;

    @TestConfiguration(proxyBeanMethods = false)
    static class OfficeClockOfTheTest {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh(OfficeClockOfTheTest.class);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOverdueScheduledBeforeARestartIsRecordedOnceAfterIt() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        LocalDate received = LocalDate.of(2026, 10, 12);
        LocalDate due = WorkingDayCalendar.national().addWorkingDays(received, 20);
        Instant dueDateEnds = due.plusDays(1).atStartOfDay(OFFICE).toInstant();
        CLOCK.setNow(dueDateEnds.minusSeconds(8));

        String id = RequestLifecycleTest.register(clerk, agency, "2026-D01", received.toString());
        JdbcTemplate store = system.commandDatabase();
        assertThat(store.queryForObject("select execution_time from scheduled_tasks where task_instance = ?",
                java.sql.Timestamp.class, "ANSWER:" + id).toInstant()).isEqualTo(dueDateEnds);
        assertThat(overdueRecords(store, id)).as("nothing fired before the stop").isZero();
        system.stop();

        await("the due date passes while the system is down").atMost(Duration.ofSeconds(30))
                .until(() -> CLOCK.instant().isAfter(dueDateEnds.plusSeconds(1)));
        system.start();
        JdbcTemplate restarted = system.commandDatabase();
        await("the deadline fires after the restart").atMost(Duration.ofSeconds(30))
                .until(() -> overdueRecords(restarted, id) > 0);
        // Three polls of the scheduler more: a second firing would show within them.
        await("the deadline fires once").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> overdueRecords(restarted, id) == 1);
        assertThat(restarted.queryForObject("select count(*) from scheduled_tasks where task_instance like ?",
                Integer.class, "%" + id)).as("nothing left to watch").isZero();

        system.awaitCaughtUp();
        JsonNode request = system.anonymous().as("clerk-" + agency.toLowerCase(), "clerk-pass-1")
                .get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("reminders").findValuesAsText("kind")).containsExactly("OVERDUE");
        List<String> titles = new ArrayList<>();
        request.get("timeline").forEach(item -> titles.add(item.get("title").asText()));
        assertThat(titles).containsOnlyOnce("逾期未答复");
        JsonNode overdue = request.get("timeline").get(titles.indexOf("逾期未答复"));
        assertThat(overdue.get("recordedBy").asText()).isEqualTo("system");
        assertThat(overdue.get("businessDate").asText()).isEqualTo(due.plusDays(1).toString());
    }

    @Test
    void aSupplementDeadlineThatPassedTellsTheClerkAndLeavesTheRequestOpen() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        LocalDate noticeDue = LocalDate.of(2026, 11, 10);
        CLOCK.setNow(noticeDue.plusDays(1).atStartOfDay(OFFICE).toInstant().minusSeconds(2));
        String id = RequestLifecycleTest.register(clerk, agency, "2026-D02", "2026-11-02");
        clerk.post("/api/requests/" + id + "/supplement-request", Map.of("requestedOn", "2026-11-03",
                "dueOn", noticeDue.toString(), "items", "请写明所需信息的具体名称")).expect(200);

        system.awaitCaughtUp();
        await("the supplement deadline's reminder").atMost(Duration.ofSeconds(30))
                .until(() -> reminders(clerk, id).contains("SUPPLEMENT_DEADLINE_PASSED"));
        JsonNode request = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(request.get("reminders").get(0).get("message").asText()).contains("逾期不补正");
        assertThat(request.has("closedOn")).isFalse();
    }

    @Test
    void aRequestEnteredAfterItsDueDateIsCheckedOnlyAfterTheGraceSoItsAnswerCanBeEnteredFirst() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        CLOCK.setNow(Instant.now());
        String id = RequestLifecycleTest.register(clerk, agency, "2025-D03", "2025-09-26");

        Instant check = system.commandDatabase().queryForObject("select execution_time from scheduled_tasks "
                + "where task_instance = ?", java.sql.Timestamp.class, "ANSWER:" + id).toInstant();
        assertThat(check).isBetween(CLOCK.instant().plus(Duration.ofMinutes(59)),
                CLOCK.instant().plus(Duration.ofMinutes(61)));
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2025-10-20"))
                .expect(200);
        assertThat(system.commandDatabase().queryForObject("select count(*) from scheduled_tasks "
                + "where task_instance like ?", Integer.class, "%" + id)).as("an answered request is not watched")
                .isZero();
    }

    private static List<String> reminders(FoiApi clerk, String id) {
        system.awaitCaughtUp();
        return clerk.get("/api/requests/" + id).expect(200).json().get("reminders").findValuesAsText("kind");
    }

    private static int overdueRecords(JdbcTemplate store, String id) {
        return store.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%.RequestBecameOverdue'", Integer.class, id);
    }

    /** The real clock moved by an offset the test sets: time runs on, from where the test put it. */
    static final class ShiftedClock extends Clock {
        private final ZoneId zone;
        private volatile Duration offset = Duration.ZERO;

        ShiftedClock(ZoneId zone) {
            this.zone = zone;
        }

        void setNow(Instant now) {
            offset = Duration.between(Instant.now(), now);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            throw new UnsupportedOperationException("the office clock has one zone");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
