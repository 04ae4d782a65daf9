package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Declaring a year already under way again with fewer days moves due dates: it needs a confirmation and a reason, the
 * preview counts the open requests it would move, and the declaration is recorded with who made it and why.
 */
// The confirmed change comes last: it takes back the Spring Festival the other tests count on.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarChangeApiTest {

    private static AllInOne system;
    private static FoiApi clerk;
    /** Received just before the 2025 Spring Festival: its answer period counts the holiday. */
    private static String beforeSpringFestival;
    private static String dueBefore;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        String agency = AllInOne.uniqueCode();
        clerk = system.agencyWithClerk(agency);
        beforeSpringFestival = RequestLifecycleTest.register(clerk, agency, "2025-CAL-1", "2025-01-20");
        // Received in November 2025, due in December: no 2025 holiday in its period.
        RequestLifecycleTest.register(clerk, agency, "2025-CAL-2", "2025-11-10");
        system.awaitCaughtUp();
        dueBefore = clerk.get("/api/requests/" + beforeSpringFestival).expect(200).json().get("dueDate").asText();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static Map<String, Object> without2025Holidays() {
        return Map.of("year", 2025, "holidays", List.of(), "makeUpWorkdays", List.of(), "source", "误操作");
    }

    private static long declarationsOf2025() {
        return system.commandDatabase().queryForObject("select count(*) from domain_event_entry "
                + "where payload_type like '%CalendarYearDeclared' and convert_from(payload, 'UTF8') like '%\"year\":2025%'",
                Long.class);
    }

    @Test
    @Order(1)
    void withoutConfirmationAnEmptyPastYearIsRefusedAndNothingMoves() {
        long before = declarationsOf2025();

        FoiApi.Response refused = system.admin().post("/api/calendar/years", without2025Holidays());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("取消已公布的", "1 件未办结申请", "更改原因");
        FoiApi.Response withoutReason = system.admin().post("/api/calendar/years", Map.of("year", 2025,
                "holidays", List.of(), "makeUpWorkdays", List.of(), "source", "误操作", "confirm", true));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("field").asText()).isEqualTo("reason");
        system.awaitCaughtUp();
        assertThat(declarationsOf2025()).isEqualTo(before);
        assertThat(clerk.get("/api/requests/" + beforeSpringFestival).json().get("dueDate").asText())
                .isEqualTo(dueBefore);
        assertThat(system.admin().get("/api/calendar/2025").json().get("holidays")).isNotEmpty();
    }

    @Test
    @Order(2)
    void thePreviewCountsTheOpenRequestsWhoseDueDateWouldMoveAndStoresNothing() {
        long before = declarationsOf2025();

        JsonNode preview = system.admin().post("/api/calendar/years/preview", without2025Holidays()).expect(200).json();

        assertThat(preview.get("year").asInt()).isEqualTo(2025);
        assertThat(preview.get("removedDays").toString()).contains("2025-01-28", "2025-10-01");
        assertThat(preview.get("addedDays")).isEmpty();
        assertThat(preview.get("openRequestsMoved").asInt()).isEqualTo(1);
        assertThat(preview.get("confirmationRequired").asBoolean()).isTrue();
        assertThat(declarationsOf2025()).isEqualTo(before);
        // Adding a day to a future year needs no confirmation.
        JsonNode future = system.admin().post("/api/calendar/years/preview", Map.of("year", 2031,
                "holidays", List.of("2031-01-01"), "makeUpWorkdays", List.of())).expect(200).json();
        assertThat(future.get("confirmationRequired").asBoolean()).isFalse();
        assertThat(system.anonymous().as("clerk-x", "x").post("/api/calendar/years/preview",
                without2025Holidays()).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aConfirmedChangeWithAReasonIsStoredWithWhoMadeItAndMovesTheDueDate() throws Exception {
        JsonNode year = system.admin().get("/api/calendar/2025").json();
        List<String> holidays = texts(year.get("holidays"));
        List<String> workdays = texts(year.get("workdays"));
        holidays.removeIf(day -> day.startsWith("2025-01-") || day.startsWith("2025-02-"));
        workdays.removeIf(day -> day.startsWith("2025-01-") || day.startsWith("2025-02-"));

        system.admin().post("/api/calendar/years", Map.of("year", 2025, "holidays", holidays,
                "makeUpWorkdays", workdays, "source", "测试更正", "confirm", true,
                "reason", "春节安排录入有误，按原文更正")).expect(200);

        JsonNode moved = await("the open request's due date moves").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    system.awaitCaughtUp();
                    return clerk.get("/api/requests/" + beforeSpringFestival).json();
                }, view -> !view.get("dueDate").asText().equals(dueBefore));
        assertThat(moved.get("dueDate").asText()).isLessThan(dueBefore);
        JsonNode declarations = system.admin().get("/api/calendar/2025").json().get("declarations");
        assertThat(declarations.get(0).get("declaredBy").asText()).isEqualTo("admin");
        assertThat(declarations.get(0).get("reason").asText()).isEqualTo("春节安排录入有误，按原文更正");
        assertThat(declarations.get(0).get("source").asText()).isEqualTo("测试更正");
        // The shipped declaration, by the system at the first start, is older.
        assertThat(declarations.get(declarations.size() - 1).get("declaredBy").asText()).isEqualTo("system");
    }

    private static List<String> texts(JsonNode array) {
        List<String> days = new java.util.ArrayList<>();
        array.forEach(day -> days.add(day.asText()));
        return days;
    }
}
