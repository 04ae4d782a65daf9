package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The annual report over HTTP: counted from requests registered through the API, rolled up for a supervisor of the
 * parent agency, refused to those who may not read it, and following the agency's choice of Table 四's year rule.
 */
class AnnualReportApiTest {

    private static AllInOne system;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aDistrictSupervisorRollsUpTheStreetsUnderTheDistrict() {
        FoiApi admin = system.admin();
        String district = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", district, "name", "某区人民政府")).expect(201);
        String streetA = AllInOne.uniqueCode();
        String streetB = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", streetA, "name", "甲街道办事处", "parentCode", district)).expect(201);
        admin.post("/api/agencies", Map.of("code", streetB, "name", "乙街道办事处", "parentCode", district)).expect(201);
        FoiApi clerkA = system.clerkOf(streetA);
        FoiApi clerkB = system.clerkOf(streetB);
        admin.post("/api/users", Map.of("username", "sup-" + district.toLowerCase(), "password", "super-pass-1",
                "role", "SUPERVISOR", "agencyCode", district)).expect(201);
        FoiApi supervisor = system.anonymous().as("sup-" + district.toLowerCase(), "super-pass-1");

        String a1 = RequestLifecycleTest.register(clerkA, streetA, "A-1", "2025-03-03");
        clerkA.post("/api/requests/" + a1 + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2025-03-10"))
                .expect(200);
        RequestLifecycleTest.register(clerkA, streetA, "A-2", "2025-12-29");
        String b1 = RequestLifecycleTest.register(clerkB, streetB, "B-1", "2025-05-06");
        clerkB.post("/api/requests/" + b1 + "/decision", Map.of("outcome", "R3_4_1", "decidedOn", "2025-05-20"))
                .expect(200);
        clerkB.post("/api/requests/" + b1 + "/reconsiderations", Map.of("filedOn", "2025-06-02")).expect(200);
        system.awaitCaughtUp();

        JsonNode street = clerkA.get("/api/agencies/" + streetA + "/reports/2025").expect(200).json();
        assertThat(street.get("template").asText()).isEqualTo("2021");
        assertThat(street.get("title").asText()).isEqualTo("甲街道办事处2025年度政府信息公开工作年度报告");
        assertThat(numbers(street.get("table3").get("R1"))).containsExactly(2L, 0L, 0L, 0L, 0L, 0L, 2L);
        assertThat(numbers(street.get("table3").get("R3_1"))).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(numbers(street.get("table3").get("R4"))).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        street.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean())
                .as(check.get("rule").asText()).isTrue());

        JsonNode rollUp = supervisor.get("/api/agencies/" + district + "/reports/2025?includeSubordinates=true")
                .expect(200).json();
        assertThat(numbers(rollUp.get("table3").get("R1"))).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 3L);
        assertThat(numbers(rollUp.get("table3").get("R3_7"))).containsExactly(2L, 0L, 0L, 0L, 0L, 0L, 2L);
        assertThat(numbers(rollUp.get("table4").get("reconsideration"))).containsExactly(0L, 0L, 0L, 1L, 1L);
        List<String> agencies = new ArrayList<>();
        rollUp.get("agencies").forEach(code -> agencies.add(code.asText()));
        assertThat(agencies).containsExactlyInAnyOrder(district, streetA, streetB);

        JsonNode comparison = supervisor.get("/api/agencies/" + district + "/reports/2025/comparison").expect(200)
                .json();
        assertThat(comparison).hasSize(3);
        assertThat(comparison.get(0).get("code").asText()).isEqualTo(district);

        assertThat(clerkA.get("/api/agencies/" + streetB + "/reports/2025").status()).isEqualTo(403);
        assertThat(clerkA.get("/api/agencies/" + district + "/reports/2025?includeSubordinates=true").status())
                .isEqualTo(403);
        FoiApi.Response badYear = clerkA.get("/api/agencies/" + streetA + "/reports/1999");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("field").asText()).isEqualTo("year");
        assertThat(clerkA.get("/api/agencies/" + streetA + "/reports/2025?template=2020").status()).isEqualTo(400);
        JsonNode old = clerkA.get("/api/agencies/" + streetA + "/reports/2025?template=2019").expect(200).json();
        assertThat(old.get("table3").has("R3_6")).isTrue();
    }

    @Test
    void theAgencysChoiceOfTable4sYearRuleIsUsedAndStated() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        assertThat(clerk.post("/api/agencies/" + agency + "/report-settings", Map.of("appealYearRule",
                "DECIDED_IN_YEAR")).status()).isEqualTo(403);
        FoiApi.Response wrong = system.admin().post("/api/agencies/" + agency + "/report-settings",
                Map.of("appealYearRule", "SOMETIMES"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("field").asText()).isEqualTo("appealYearRule");
        system.admin().post("/api/agencies/" + agency + "/report-settings", Map.of("appealYearRule",
                "DECIDED_IN_YEAR")).expect(200);
        system.awaitCaughtUp();

        JsonNode report = clerk.get("/api/agencies/" + agency + "/reports/2025").expect(200).json();
        assertThat(report.get("table4Rule").asText()).isEqualTo("DECIDED_IN_YEAR");
        assertThat(report.get("table4RuleLabel").asText()).contains("尚未审结");
    }

    private static List<Long> numbers(JsonNode row) {
        List<Long> values = new ArrayList<>();
        row.forEach(value -> values.add(value.asLong()));
        return values;
    }
}
