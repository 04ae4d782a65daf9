package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the pages rely on to tell the truth: the report says which actions the signed-in user may take, and the command
 * side agrees for every role on the agency's own report and on one under it; the report lists every prerequisite a
 * publication still lacks, the first of which is the one a publication is refused with; a registration with several
 * bad fields is answered with all of them at once.
 */
class HonestPageApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    @Test
    void theReportOffersEachRoleExactlyWhatTheCommandSideAccepts() {
        FoiApi admin = system.admin();
        String district = AllInOne.uniqueCode();
        String street = AllInOne.uniqueCode();
        admin.post("/api/agencies", Map.of("code", district, "name", "某区人民政府")).expect(201);
        admin.post("/api/agencies", Map.of("code", street, "name", "甲街道办事处", "parentCode", district)).expect(201);
        Map<String, FoiApi> users = new LinkedHashMap<>();
        users.put("管理员", admin);
        users.put("区主管", user("SUPERVISOR", district));
        users.put("区经办人", user("CLERK", district));
        users.put("街道主管", user("SUPERVISOR", street));
        users.put("街道经办人", user("CLERK", street));

        // Expected by role × agency: the district's supervisor reads the street's report but neither enters nor
        // publishes it (the 403 seen before); a clerk enters but never publishes.
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("管理员@" + district, List.of("ENTER", "PUBLISH"));
        expected.put("管理员@" + street, List.of("ENTER", "PUBLISH"));
        expected.put("区主管@" + district, List.of("ENTER", "PUBLISH"));
        expected.put("区主管@" + street, List.of());
        expected.put("区经办人@" + district, List.of("ENTER"));
        expected.put("街道主管@" + street, List.of("ENTER", "PUBLISH"));
        expected.put("街道经办人@" + street, List.of("ENTER"));

        for (var user : users.entrySet()) {
            for (String agency : List.of(district, street)) {
                String who = user.getKey() + "@" + agency;
                String base = "/api/agencies/" + agency + "/reports/2025";
                FoiApi.Response read = user.getValue().get(base);
                List<String> allowed;
                if (read.status() == 403) {
                    allowed = List.of(); // who may not read a report may do nothing with it
                } else {
                    JsonNode report = read.expect(200).json();
                    allowed = new ArrayList<>();
                    report.get("allowedActions").forEach(a -> allowed.add(a.asText()));
                    assertThat(allowed).as(who).isEqualTo(expected.get(who));
                }
                // The command side agrees: refused (403) exactly where the report does not offer the action.
                int publish = user.getValue().post(base + "/publication", Map.of()).status();
                assertThat(publish).as(who + " publishes").isNotEqualTo(201);
                assertThat(publish == 403).as(who + " publishes: " + publish).isEqualTo(!allowed.contains("PUBLISH"));
                int enter = user.getValue().put(base + "/texts", Map.of("overview", "本年度依法做好政府信息公开工作。"))
                        .status();
                assertThat(enter == 403).as(who + " enters: " + enter).isEqualTo(!allowed.contains("ENTER"));
                assertThat(enter).as(who + " enters").isIn(200, 403);
            }
        }
        system.awaitCaughtUp();
        JsonNode rollUp = users.get("区主管").get("/api/agencies/" + district + "/reports/2025?includeSubordinates=true")
                .expect(200).json();
        assertThat(rollUp.get("allowedActions")).as("a roll-up is for reading").isEmpty();
        assertThat(rollUp.has("publicationBlockers")).isFalse();
    }

    @Test
    void everyMissingPrerequisiteIsListedAndAPublicationIsRefusedWithTheFirst() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        FoiApi supervisor = user("SUPERVISOR", agency);
        String base = "/api/agencies/" + agency + "/reports/2025";

        JsonNode fresh = supervisor.get(base).expect(200).json();
        assertThat(rules(fresh)).containsExactly("TABLE2_NOT_ENTERED", "TEXTS_NOT_ENTERED");
        assertThat(fresh.get("publicationBlockers").get(1).get("message").asText()).contains("总体情况");
        FoiApi.Response refused = supervisor.post(base + "/publication", Map.of("report", fresh.get("publishable")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("rule").asText()).isEqualTo("TABLE2_NOT_ENTERED");

        // The year not over is one more, listed with the others rather than instead of them.
        JsonNode current = supervisor.get("/api/agencies/" + agency + "/reports/2026").expect(200).json();
        assertThat(rules(current)).containsExactly("REPORT_YEAR_NOT_ENDED", "TABLE2_NOT_ENTERED", "TEXTS_NOT_ENTERED");

        clerk.put(base + "/table2", Map.of("figures", table2())).expect(200);
        system.awaitCaughtUp();
        JsonNode table2Entered = supervisor.get(base).expect(200).json();
        assertThat(rules(table2Entered)).containsExactly("TEXTS_NOT_ENTERED");
        assertThat(rules(supervisor.get(base + "?template=2019").expect(200).json()))
                .as("Table 二 entered in the 2021 template does not serve a 2019 publication")
                .containsExactly("REPORT_TEMPLATE_MISMATCH", "TEXTS_NOT_ENTERED");
        FoiApi.Response stillRefused = supervisor.post(base + "/publication",
                Map.of("report", table2Entered.get("publishable")));
        assertThat(stillRefused.status()).isEqualTo(409);
        assertThat(stillRefused.json().get("rule").asText()).isEqualTo("TEXTS_NOT_ENTERED");

        clerk.put(base + "/texts", Map.of("overview", "本年度依法做好政府信息公开工作。")).expect(200);
        system.awaitCaughtUp();
        JsonNode ready = supervisor.get(base).expect(200).json();
        assertThat(ready.get("publicationBlockers")).isEmpty();
        supervisor.post(base + "/publication", Map.of("report", ready.get("publishable"),
                "expectedHash", ready.get("contentHash").asText())).expect(201);
    }

    @Test
    void aRegistrationWithSeveralBadFieldsIsAnsweredWithEachUnderItsField() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("caseNo", " ");
        registration.put("applicant", Map.of("category", "自然人", "name", ""));
        registration.put("channel", "当面");
        registration.put("receivedOn", "2099-01-05");
        registration.put("description", "申请公开本区老旧小区改造资金使用情况");

        FoiApi.Response answer = clerk.post("/api/agencies/" + agency + "/requests", registration);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode problem = answer.json();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrder("applicant.name", "caseNo");
        assertThat(problem.get("field").asText()).isEqualTo("applicant.name");
        assertThat(problem.get("detail").asText()).contains("请填写申请人姓名或名称", "请填写受理编号");
        system.awaitCaughtUp();
        assertThat(clerk.get("/api/agencies/" + agency + "/requests").expect(200).json()).isEmpty();
    }

    @Test
    void theTimelineIsInTheOrderThingsHappenedNotTheOrderTheyWereEntered() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        LocalDate today = LocalDate.parse(clerk.get("/api/agencies/" + agency + "/deadlines").expect(200).json()
                .get("today").asText());
        String id = RequestLifecycleTest.register(clerk, agency, "T-1", today.minusDays(10).toString());
        // Entered first, happened today; entered next, happened a week ago.
        clerk.post("/api/requests/" + id + "/assignment", Map.of("handler", "clerk-" + agency.toLowerCase()))
                .expect(200);
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_1",
                "decidedOn", today.minusDays(7).toString())).expect(200);
        system.awaitCaughtUp();

        JsonNode timeline = clerk.get("/api/requests/" + id).expect(200).json().get("timeline");
        List<String> titles = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        timeline.forEach(item -> {
            titles.add(item.get("title").asText());
            if (item.hasNonNull("businessDate")) { // a worked-out due date has none: it goes with its step
                dates.add(LocalDate.parse(item.get("businessDate").asText()));
            }
        });
        assertThat(titles.indexOf("作出答复")).as(titles.toString()).isLessThan(titles.indexOf("指定承办人"));
        assertThat(dates).as(titles.toString()).isSorted();
        assertThat(titles.subList(0, 2)).as("the first due date goes with the receipt").containsExactly("收到申请", "答复期限");
    }

    private static FoiApi user(String role, String agency) {
        String username = role.toLowerCase().substring(0, 3) + "-" + agency.toLowerCase();
        system.admin().post("/api/users", Map.of("username", username, "password", "user-pass-1", "role", role,
                "agencyCode", agency)).expect(201);
        return system.anonymous().as(username, "user-pass-1");
    }

    private static List<String> rules(JsonNode report) {
        List<String> rules = new ArrayList<>();
        report.get("publicationBlockers").forEach(b -> rules.add(b.get("rule").asText()));
        return rules;
    }

    private static Map<String, Object> table2() {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String key : List.of("RULES_ISSUED", "RULES_REPEALED", "RULES_IN_FORCE", "NORMATIVE_ISSUED",
                "NORMATIVE_REPEALED", "NORMATIVE_IN_FORCE", "LICENSING_DECISIONS", "PENALTY_DECISIONS",
                "ENFORCEMENT_DECISIONS")) {
            figures.put(key, 1);
        }
        figures.put("FEES_AMOUNT", 0);
        return figures;
    }
}
