package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A year whose notice is not declared (2027: the system ships 2019–2026) rests on the statutory holidays derived from
 * the law, and the due dates counting it are provisional until the notice is declared. A system of its own, so that no
 * other test has declared 2027 before.
 */
class ProvisionalDueDateApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    @Test
    void aDueDateOnTheDerivedHolidaysOf2027IsProvisionalUntilTheYearIsDeclared() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);

        JsonNode year = clerk.get("/api/calendar/2027").expect(200).json();
        assertThat(year.get("declared").asBoolean()).isFalse();
        assertThat(year.get("derived").asBoolean()).isTrue();
        assertThat(year.get("holidays").toString()).contains("2027-01-01", "2027-02-06", "2027-04-05", "2027-10-01");

        // Received Friday 2026-12-04: the 20th working day would be 2027-01-01 (元旦) on plain weekdays.
        String id = RequestLifecycleTest.register(clerk, agency, "2026-P01", "2026-12-04");
        system.awaitCaughtUp();
        JsonNode view = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(view.get("dueDate").asText()).isEqualTo("2027-01-04");
        assertThat(view.get("dueDateProvisional").asBoolean()).isTrue();
        JsonNode board = clerk.get("/api/agencies/" + agency + "/deadlines").expect(200).json();
        assertThat(board.get("requests").get(0).get("dueDateProvisional").asBoolean()).isTrue();

        // The notice gives Monday 01-04 off too (hypothetically): the open request is recomputed and final.
        system.admin().post("/api/calendar/years", Map.of("year", 2027,
                "holidays", List.of("2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"), "makeUpWorkdays",
                List.of(), "source", "国务院办公厅关于2027年部分节假日安排的通知")).expect(200);
        // The open requests are recomputed after the declaration, by the calendar's propagation: wait for it.
        await("the open request is recomputed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    system.awaitCaughtUp();
                    return clerk.get("/api/requests/" + id).json().get("dueDate").asText();
                }, "2027-01-05"::equals);
        view = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(view.get("dueDateProvisional").asBoolean()).isFalse();
        assertThat(clerk.get("/api/calendar/2027").expect(200).json().get("derived").asBoolean()).isFalse();
    }
}
