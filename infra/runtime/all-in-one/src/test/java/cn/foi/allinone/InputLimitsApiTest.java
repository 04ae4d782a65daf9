package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value the read side cannot hold never gets into the event store: every write body refuses a NUL, another control
 * character, a line break in a one-line field, a text one character over its limit, an absurd amount or count, with
 * 400 problem+json naming the field, and stores nothing. The projections keep up all along.
 */
class InputLimitsApiTest {

    private static final String NUL = "\u0000";

    private static AllInOne system;
    private static String agency;
    private static FoiApi clerk;
    private static String requestId;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        agency = AllInOne.uniqueCode();
        clerk = system.agencyWithClerk(agency);
        requestId = clerk.post("/api/agencies/" + agency + "/requests", registration(Map.of()))
                .expect(201).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /** A valid registration, with some of its fields replaced (a key "applicant.x" replaces the applicant's x). */
    private static Map<String, Object> registration(Map<String, Object> changes) {
        Map<String, Object> applicant = new HashMap<>(Map.of("category", "自然人", "name", "张三"));
        Map<String, Object> body = new HashMap<>(Map.of("caseNo", "2025-" + System.nanoTime(), "channel", "当面",
                "receivedOn", "2025-09-26", "description", "申请公开2025年度老旧小区改造资金使用情况"));
        changes.forEach((key, value) -> {
            if (key.startsWith("applicant.")) {
                applicant.put(key.substring("applicant.".length()), value);
            } else {
                body.put(key, value);
            }
        });
        body.put("applicant", applicant);
        return body;
    }

    private static Arguments refused(String what, String path, Map<String, Object> body, String field) {
        return Arguments.of(what, path, body, field);
    }

    static Stream<Arguments> unstorable() {
        String requests = "/api/agencies/{agency}/requests";
        String request = "/api/requests/{id}";
        return Stream.of(
                refused("NUL in the applicant's name", requests, registration(Map.of("applicant.name", "张" + NUL + "三")),
                        "applicant.name"),
                refused("NUL in the case number", requests, registration(Map.of("caseNo", "2025-" + NUL)), "caseNo"),
                refused("a newline in the case number", requests, registration(Map.of("caseNo", "2025\n-002")),
                        "caseNo"),
                refused("a 266-character contact", requests, registration(Map.of("applicant.contact", "1".repeat(266))),
                        "applicant.contact"),
                refused("a 201-character contact", requests, registration(Map.of("applicant.contact", "1".repeat(201))),
                        "applicant.contact"),
                refused("a newline in the contact", requests, registration(Map.of("applicant.contact", "电话\n地址")),
                        "applicant.contact"),
                refused("a bell in the ID number", requests,
                        registration(Map.of("applicant.idNumber", "110102\u0007")), "applicant.idNumber"),
                refused("a 201-character name", requests, registration(Map.of("applicant.name", "名".repeat(201))),
                        "applicant.name"),
                refused("NUL in the description", requests, registration(Map.of("description", "申请" + NUL)),
                        "description"),
                refused("a 5001-character description", requests,
                        registration(Map.of("description", "文".repeat(5001))), "description"),
                refused("2^31-1 items", requests, registration(Map.of("items", Integer.MAX_VALUE)), "items"),
                refused("NUL in the reason of a registration correction", request + "/registration-correction",
                        Map.of("registration", registration(Map.of()), "reason", "录入错误" + NUL), "reason"),
                refused("NUL in the items of a 补正", request + "/supplement-request", Map.of("requestedOn",
                        "2025-09-28", "dueOn", "2025-10-17", "items", "请明确" + NUL), "items"),
                refused("NUL in the reason of an extension", request + "/extension", Map.of("extendedOn", "2025-10-20",
                        "workingDays", 10, "reason", NUL), "reason"),
                refused("2^31-1 working days of extension", request + "/extension", Map.of("extendedOn", "2025-10-20",
                        "workingDays", Integer.MAX_VALUE), "workingDays"),
                refused("a newline in the consulted party", request + "/consultations", Map.of("party", "THIRD_PARTY",
                        "startedOn", "2025-09-29", "addressee", "某公司\n某部门"), "addressee"),
                refused("a fee of 1e308", request + "/fee-notice", Map.of("noticeOn", "2025-09-29",
                        "amount", new BigDecimal("1e308"), "method", "PER_REQUEST"), "amount"),
                refused("a fee a cent over the maximum", request + "/fee-notice", Map.of("noticeOn", "2025-09-29",
                        "amount", new BigDecimal("1000000.01"), "method", "PER_REQUEST"), "amount"),
                refused("NUL in the reason of a later answer date", request + "/later-answer-date", Map.of("setOn",
                        "2025-09-29", "answerBy", "2025-12-31", "reason", "听证" + NUL), "reason"),
                refused("NUL in the decision's note", request + "/decision", Map.of("outcome", "R3_1",
                        "decidedOn", "2025-10-09", "note", "已公开" + NUL), "note"),
                refused("2001 characters of decision note", request + "/decision", Map.of("outcome", "R3_6_3",
                        "decidedOn", "2025-10-09", "note", "因".repeat(2001)), "note"),
                refused("an escape in the withdrawal note", request + "/withdrawal", Map.of("withdrawnOn",
                        "2025-10-09", "note", "撤\u001B回"), "note"),
                refused("NUL in an agency's name", "/api/agencies", Map.of("code", "NUL01", "name", "某" + NUL + "街道"),
                        "name"),
                refused("a 201-character agency name", "/api/agencies", Map.of("code", "LONG01", "name",
                        "某".repeat(201)), "name"),
                refused("NUL in an agency's parent code", "/api/agencies", Map.of("code", "CHILD01", "name", "某街道",
                        "parentCode", "P" + NUL), "parentCode"),
                refused("NUL in a user's agency", "/api/users", Map.of("username", "nul-user", "password",
                        "clerk-pass-1", "role", "CLERK", "agencyCode", "A" + NUL), "agencyCode"),
                refused("NUL in a regional holiday's reason", "/api/calendar/regions/{agency}", Map.of("year", 2025,
                        "holidays", List.of("2025-12-24"), "reason", "节日" + NUL), "reason"),
                refused("NUL in the national calendar's source", "/api/calendar/years", Map.of("year", 2030,
                        "holidays", List.of("2030-01-01"), "makeUpWorkdays", List.of(), "source", "国办" + NUL),
                        "source"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorable")
    void isRefusedWith400NamingTheFieldAndNothingIsStored(String what, String path, Map<String, Object> body,
                                                          String field) {
        FoiApi caller = path.startsWith("/api/agencies/{") || path.startsWith("/api/requests/") ? clerk : system.admin();
        long eventsBefore = events();

        FoiApi.Response response = caller.post(path.replace("{agency}", agency).replace("{id}", requestId), body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain(NUL);
        assertThat(events()).as("events stored").isEqualTo(eventsBefore);
    }

    @Test
    void theReportTextsRefuseAControlCharacter() {
        long eventsBefore = events();
        FoiApi.Response response = clerk.put("/api/agencies/" + agency + "/reports/2025/texts",
                Map.of("overview", "本年度" + NUL));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("overview");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void textsAtTheirLimitsWithLineBreaksInFreeTextAreStoredAndProjected() {
        String contact = "1".repeat(200);
        String description = "第一项：2024年预算\r\n\t第二项：决算" + "文".repeat(4000);
        String id = clerk.post("/api/agencies/" + agency + "/requests", registration(Map.of("applicant.contact",
                        contact, "applicant.name", "名".repeat(200), "description", description, "items", 1000)))
                .expect(201).json().get("id").asText();
        clerk.post("/api/requests/" + id + "/fee-notice", Map.of("noticeOn", "2025-09-29",
                "amount", new BigDecimal("1000000.00"), "method", "PER_REQUEST")).expect(200);
        system.awaitCaughtUp();

        JsonNode request = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("applicant").get("contact").asText()).isEqualTo(contact);
        assertThat(request.get("description").asText()).isEqualTo(description);
    }

    @Test
    void aLedgerCellWithNulOrOverItsLimitIsAnErrorOfItsRowAndNothingIsStored() {
        // The first row is long enough that the NULs come after the bytes read to tell a CSV from a binary file.
        String ledger = "受理编号,申请人类型,申请人,收到日期,申请内容\r\n"
                + "L-1,自然人,周八,2025-03-03," + "文".repeat(2000) + "\r\n"
                + "L-2,自然人,张" + NUL + "三,2025-03-03,\r\n"
                + "L-3,自然人," + "名".repeat(201) + ",2025-03-03,\r\n"
                + "L-4,自然人,李四,2025-03-03,申请" + NUL + "公开\r\n";
        long eventsBefore = events();

        FoiApi.Response response = clerk.upload("/api/agencies/" + agency + "/ledger", "台账.csv",
                ledger.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> errors.add(e.get("row").asText() + ":"
                + e.get("column").asText() + ":" + e.get("message").asText()));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("3:申请人:").contains("控制字符");
        assertThat(errors.get(1)).startsWith("4:申请人:").contains("最多 200 个字符");
        assertThat(errors.get(2)).startsWith("5:申请内容:").contains("控制字符");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private static long events() {
        return system.commandDatabase().queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
