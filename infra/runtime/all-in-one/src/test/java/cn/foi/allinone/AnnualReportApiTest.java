package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The annual report over HTTP: counted from requests registered through the API, rolled up for a supervisor of the
 * parent agency, refused to those who may not read it, and following the agency's choice of Table 四's year rule.
 */
class AnnualReportApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

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

        // The same report as documents, behind the same security and access rules as the JSON.
        FoiApi.Response html = clerkA.get("/api/agencies/" + streetA + "/reports/2025.html").expect(200);
        assertThat(html.contentType()).startsWith("text/html");
        // The report keeps its own stricter policy (no script at all); the one of the web UI does not replace it.
        assertThat(html.header("Content-Security-Policy")).startsWith("default-src 'none'").doesNotContain("script-src");
        assertThat(html.body()).contains("<h1>甲街道办事处2025年度政府信息公开工作年度报告</h1>", "<table id=\"table3\">");
        FoiApi.Response xlsx = clerkA.get("/api/agencies/" + streetA + "/reports/2025.xlsx").expect(200);
        // server.servlet.encoding.force adds a charset even to binary types; clients ignore it.
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).startsWith("attachment; ").contains("filename*=UTF-8''");
        assertThat(clerkA.get("/api/agencies/" + streetB + "/reports/2025.docx").status()).isEqualTo(403);
        // The 校验单 (checks, notes, annex) is a download of its own, under the same access rules.
        assertThat(clerkA.get("/api/agencies/" + streetA + "/reports/2025/checks.html").expect(200).body())
                .contains("<table id=\"checks\">").doesNotContain("<table id=\"table3\">");
        assertThat(clerkA.get("/api/agencies/" + streetB + "/reports/2025/checks.xlsx").status()).isEqualTo(403);
        assertThat(clerkA.get("/api/agencies/" + streetA + "/reports/2025.docx?version=1").status()).isEqualTo(404);

        // What the year-end page draws: the documents' grids, and the requests received and closed per month.
        JsonNode layout = clerkA.get("/api/agencies/" + streetA + "/reports/2025/layout").expect(200).json();
        List<String> tables = new ArrayList<>();
        layout.get("tables").forEach(table -> tables.add(table.get("name").asText()));
        assertThat(tables).containsExactly("table2", "table3", "table4", "checks");
        JsonNode table3 = layout.get("tables").get(1);
        assertThat(table3.get("cells").toString()).contains("\"text\":\"一、本年新收政府信息公开申请数量\"",
                "\"text\":\"三、本年度办理结果\"");
        JsonNode months = clerkA.get("/api/agencies/" + streetA + "/reports/2025/monthly").expect(200).json()
                .get("months");
        assertThat(months).hasSize(12);
        assertThat(months.get(2).get("received").asLong()).as("March received").isEqualTo(1);
        assertThat(months.get(2).get("closed").asLong()).as("March closed").isEqualTo(1);
        assertThat(months.get(11).get("received").asLong()).as("December received").isEqualTo(1);
        assertThat(clerkA.get("/api/agencies/" + streetB + "/reports/2025/monthly").status()).isEqualTo(403);

        // The district's supervisor reads the streets' requests (reading only); a street's clerk not the other's.
        assertThat(supervisor.get("/api/agencies/" + streetA + "/requests").expect(200).json()).hasSize(2);
        assertThat(supervisor.get("/api/requests/" + b1).expect(200).json().get("caseNo").asText()).isEqualTo("B-1");
        assertThat(supervisor.get("/api/agencies").expect(200).json()).hasSize(3);
        assertThat(clerkB.get("/api/agencies/" + streetA + "/requests").status()).isEqualTo(403);
        assertThat(clerkB.get("/api/requests/" + a1).status()).isEqualTo(404);

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

    @Test
    void theAgencyShowsTheSettingsItChose() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        system.awaitCaughtUp();
        JsonNode defaults = clerk.get("/api/agencies/" + agency).expect(200).json();
        assertThat(defaults.get("countFromReceiptDay").asBoolean()).isFalse();
        assertThat(defaults.get("feePausesClock").asBoolean()).isTrue();
        assertThat(defaults.get("appealYearRule").asText()).isEqualTo("FILED_IN_YEAR");

        system.admin().post("/api/agencies/" + agency + "/settings", Map.of("countFromReceiptDay", true,
                "feePausesClock", false)).expect(200);
        system.admin().post("/api/agencies/" + agency + "/report-settings", Map.of("appealYearRule",
                "DECIDED_IN_YEAR")).expect(200);
        system.awaitCaughtUp();

        JsonNode chosen = clerk.get("/api/agencies/" + agency).expect(200).json();
        assertThat(chosen.get("countFromReceiptDay").asBoolean()).isTrue();
        assertThat(chosen.get("feePausesClock").asBoolean()).isFalse();
        assertThat(chosen.get("appealYearRule").asText()).isEqualTo("DECIDED_IN_YEAR");
    }

    @Test
    void aPublishedReportIsFrozenAndALaterChangeNeedsACorrectionWithAReason() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        system.admin().post("/api/users", Map.of("username", "sup-" + agency.toLowerCase(), "password",
                "super-pass-1", "role", "SUPERVISOR", "agencyCode", agency)).expect(201);
        FoiApi supervisor = system.anonymous().as("sup-" + agency.toLowerCase(), "super-pass-1");
        String base = "/api/agencies/" + agency + "/reports/2025";

        String id = RequestLifecycleTest.register(clerk, agency, "P-1", "2025-04-01");
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2025-04-10"))
                .expect(200);
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        for (String key : List.of("RULES_ISSUED", "RULES_REPEALED", "RULES_IN_FORCE", "NORMATIVE_ISSUED",
                "NORMATIVE_REPEALED", "NORMATIVE_IN_FORCE", "LICENSING_DECISIONS", "PENALTY_DECISIONS",
                "ENFORCEMENT_DECISIONS")) {
            figures.put(key, 2);
        }
        figures.put("FEES_AMOUNT", 1.25);
        clerk.put(base + "/table2", Map.of("figures", figures)).expect(200);
        clerk.put(base + "/texts", Map.of("overview", "本年度依法做好政府信息公开工作。", "problems", "无",
                "otherMatters", "本年度未收取信息处理费。")).expect(200);
        system.awaitCaughtUp();

        JsonNode report = clerk.get(base).expect(200).json();
        assertThat(report.get("table2")).hasSize(10);
        assertThat(report.get("table2").get(9).get("value").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(report.get("texts").get("overview").asText()).startsWith("本年度依法");
        assertThat(report.get("publication").get("published").asBoolean()).isFalse();
        assertThat(clerk.post(base + "/publication", Map.of("report", report.get("publishable"))).status())
                .as("a clerk may not publish").isEqualTo(403);
        JsonNode first = supervisor.post(base + "/publication", Map.of("report", report.get("publishable"),
                "expectedHash", report.get("contentHash").asText())).expect(201).json();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("contentHash").asText()).isEqualTo(report.get("contentHash").asText());
        system.awaitCaughtUp();
        JsonNode published = clerk.get(base).expect(200).json().get("publication");
        assertThat(published.get("upToDate").asBoolean()).isTrue();
        assertThat(published.get("differences")).isEmpty();

        // A request of 2025 entered late changes a published figure: shown as a difference, not silently.
        RequestLifecycleTest.register(clerk, agency, "P-2", "2025-12-30");
        system.awaitCaughtUp();
        JsonNode changed = clerk.get(base).expect(200).json();
        assertThat(changed.get("publication").get("upToDate").asBoolean()).isFalse();
        List<String> cells = new ArrayList<>();
        changed.get("publication").get("differences").forEach(d -> cells.add(d.get("table").asText() + ":"
                + d.get("row").asText() + ":" + d.get("column").asText() + ":" + d.get("published").asText() + "→"
                + d.get("current").asText()));
        assertThat(cells).contains("table3:R1:自然人:1→2", "table3:R4:总计:0→1");
        assertThat(supervisor.post(base + "/publication", Map.of("report", changed.get("publishable"))).status())
                .isEqualTo(409);
        FoiApi.Response noReason = supervisor.post(base + "/republication",
                Map.of("report", changed.get("publishable")));
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode second = supervisor.post(base + "/republication", Map.of("report", changed.get("publishable"),
                "reason", "补录 12 月 30 日收到的申请")).expect(201).json();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        system.awaitCaughtUp();

        JsonNode versions = clerk.get(base + "/publications").expect(200).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("report").get("table3").get("R1").get(6).asLong()).isEqualTo(1);
        assertThat(versions.get(1).get("reason").asText()).contains("补录");
        assertThat(clerk.get(base).expect(200).json().get("publication").get("upToDate").asBoolean()).isTrue();

        // 2026's carry-over is checked against the published 2025 report too (2026 has not ended: not published).
        JsonNode next = clerk.get("/api/agencies/" + agency + "/reports/2026").expect(200).json();
        List<String> keys = new ArrayList<>();
        next.get("checks").forEach(c -> {
            keys.add(c.get("key").asText());
            assertThat(c.get("passed").asBoolean()).as(c.get("detail").asText()).isTrue();
        });
        assertThat(keys).contains("CARRY_OVER", "CARRY_OVER_PUBLISHED");
    }

    private static List<Long> numbers(JsonNode row) {
        List<Long> values = new ArrayList<>();
        row.forEach(value -> values.add(value.asLong()));
        return values;
    }
}
