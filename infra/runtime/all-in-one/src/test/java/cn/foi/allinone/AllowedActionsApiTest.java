package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code allowedActions} of {@code GET /api/requests/{id}} says what the command side would accept: for requests in a
 * set of states, every step it offers is accepted and every step it does not offer is refused (each tried on a fresh
 * request brought to that state, so that one step does not change the state the next one is tried in). And the terms
 * the web UI renders from come from the server's enums.
 */
class AllowedActionsApiTest {

    private static AllInOne system;
    private static String agency;
    private static FoiApi clerk;
    private static int caseNo;
    private static final Map<String, String> CASE_NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every step of RequestCommandController but registration, with a body it would accept in a state allowing it. */
    private static final Map<String, Map<String, Object>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("supplement-request", Map.of("requestedOn", "2025-03-04", "dueOn", "2025-03-11", "items", "请写明年份"));
        STEPS.put("supplement", Map.of("receivedOn", "2025-03-10"));
        STEPS.put("supplement-lapse", Map.of("lapsedOn", "2025-04-01"));
        STEPS.put("extension", Map.of("extendedOn", "2025-03-05", "workingDays", 10, "reason", "需要调档"));
        STEPS.put("consultations", Map.of("party", "THIRD_PARTY", "addressee", "某公司", "startedOn", "2025-03-05"));
        STEPS.put("consultation-end", Map.of("endedOn", "2025-03-07", "ending", "REPLIED"));
        STEPS.put("fee-notice", Map.of("noticeOn", "2025-03-05", "amount", 100, "method", "PER_REQUEST"));
        STEPS.put("fee-payment", Map.of("paidOn", "2025-03-07"));
        STEPS.put("fee-lapse", Map.of("lapsedOn", "2025-05-06"));
        STEPS.put("later-answer-date", Map.of("setOn", "2025-03-05", "answerBy", "2025-06-30", "reason", "数量明显超过合理范围"));
        STEPS.put("decision", Map.of("outcome", "R3_1", "decidedOn", "2025-03-12"));
        STEPS.put("withdrawal", Map.of("withdrawnOn", "2025-03-12"));
        STEPS.put("reconsiderations", Map.of("filedOn", "2025-04-10"));
        STEPS.put("reconsideration-result", Map.of("result", "UPHELD", "decidedOn", "2025-05-20"));
        STEPS.put("lawsuits", Map.of("filedOn", "2025-05-26", "afterReconsideration", false));
        STEPS.put("lawsuit-result", Map.of("result", "UPHELD", "decidedOn", "2025-07-01"));
        STEPS.put("redecision", Map.of("outcome", "R3_2", "decidedOn", "2025-06-03"));
        STEPS.put("decision-correction", Map.of("outcome", "R3_2", "decidedOn", "2025-03-12", "reason", "结果登记有误"));
    }

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        agency = AllInOne.uniqueCode();
        clerk = system.agencyWithClerk(agency);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOpenRequestOffersTheHandlingStepsAndTheCommandSideAgreesStepByStep() {
        assertOfferedMeansAccepted("in progress", (id, post) -> {
        }, List.of("supplement-request", "extension", "consultations", "fee-notice", "later-answer-date", "decision",
                "withdrawal", "registration-correction"));
    }

    @Test
    void aRequestAwaitingSupplementOffersItsReceiptOrLapseAndNoSecondNotice() {
        assertOfferedMeansAccepted("awaiting 补正", (id, post) -> post.accept("supplement-request", 0),
                List.of("supplement", "supplement-lapse", "extension", "consultations", "fee-notice",
                        "later-answer-date", "decision", "withdrawal", "registration-correction"));
    }

    @Test
    void aRequestWithAnOpenConsultationAndAFeeNoticeOffersTheirEnds() {
        assertOfferedMeansAccepted("consulting, fee unpaid, extended", (id, post) -> {
            post.accept("consultations", 0);
            post.accept("fee-notice", 0);
            post.accept("extension", 0);
        }, List.of("supplement-request", "consultations", "consultation-end", "fee-payment", "fee-lapse",
                "later-answer-date", "decision", "withdrawal", "registration-correction"));
    }

    @Test
    void aDecidedRequestOffersAppealsAndCorrectionsOnly() {
        assertOfferedMeansAccepted("closed", (id, post) -> post.accept("decision", 0),
                List.of("reconsiderations", "lawsuits", "registration-correction", "decision-correction"));
    }

    @Test
    void aCorrectedReconsiderationOffersTheNewAnswer() {
        assertOfferedMeansAccepted("closed, reconsideration corrected", (id, post) -> {
            post.accept("decision", 0);
            post.accept("reconsiderations", 0);
            clerk.post("/api/requests/" + id + "/reconsiderations/1/result",
                    Map.of("result", "CORRECTED", "decidedOn", "2025-05-20")).expect(200);
        }, List.of("reconsiderations", "lawsuits", "redecision", "registration-correction", "decision-correction"));
    }

    @Test
    void aWithdrawnRequestWithPendingAppealsOffersTheirResults() {
        assertOfferedMeansAccepted("withdrawn, reconsideration and lawsuit pending", (id, post) -> {
            post.accept("withdrawal", 0);
            post.accept("reconsiderations", 0);
            post.accept("lawsuits", 0);
        }, List.of("reconsiderations", "reconsideration-result", "lawsuits", "lawsuit-result",
                "registration-correction", "decision-correction"));
    }

    @Test
    void theActionsStandBesideTheRequestsFieldsAndAnAdministratorMayTakeThemToo() {
        String id = register();
        system.awaitCaughtUp();
        JsonNode asClerk = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(asClerk.get("allowedActions")).isNotEmpty();
        // The request's own fields stay where they were: the actions are added beside them.
        assertThat(asClerk.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(asClerk.get("allowedActions").get(0).get("label").asText()).isEqualTo("告知补正");
        assertThat(asClerk.get("allowedActions").get(0).get("groupLabel").asText()).isEqualTo("办理");

        FoiApi admin = system.admin();
        JsonNode asAdmin = admin.get("/api/requests/" + id).expect(200).json();
        assertThat(keys(asAdmin)).contains("decision");
    }

    @Test
    void theTermsAreTheServersEnumsAndTheTemplatesRows() {
        JsonNode terms = clerk.get("/api/terms").expect(200).json();

        JsonNode outcomes = terms.get("outcomes");
        assertThat(outcomes).hasSize(21);
        JsonNode secret = outcomes.get(2);
        assertThat(secret.get("key").asText()).isEqualTo("R3_3_1");
        assertThat(secret.get("label").asText()).isEqualTo("属于国家秘密");
        assertThat(secret.get("fullLabel").asText()).isEqualTo("不予公开·属于国家秘密");
        assertThat(secret.get("group").asText()).isEqualTo("（三）不予公开");
        assertThat(secret.get("row").asText()).isEqualTo("1.属于国家秘密");

        List<String> rows = StreamSupport.stream(terms.get("table3Rows").spliterator(), false)
                .map(row -> row.get("key").asText()).toList();
        assertThat(rows).startsWith("R1", "R2", "R3_1", "R3_2", "R3_3_1").endsWith("R3_6", "R3_6_1", "R3_6_2",
                "R3_6_3", "R3_7", "R4");
        assertThat(terms.get("table3Rows").get(0).get("label").asText()).isEqualTo("一、本年新收政府信息公开申请数量");

        assertThat(terms.get("applicantCategories").get(0).toString()).isEqualTo("{\"key\":\"C1\",\"label\":\"自然人\"}");
        assertThat(terms.get("requestStatuses").get(1).toString())
                .isEqualTo("{\"key\":\"AWAITING_SUPPLEMENT\",\"label\":\"待补正\"}");
        assertThat(terms.get("flags")).hasSize(7);
        assertThat(terms.get("deadlineStates")).hasSize(4);
        assertThat(terms.get("channels").get(0).get("label").asText()).isEqualTo("当面");
        for (String list : List.of("pauseReasons", "appealKinds", "appealResults", "consultedParties",
                "consultationEndings", "feeMethods", "requestedForms")) {
            assertThat(terms.get(list)).as(list).isNotEmpty();
        }

        assertThat(system.anonymous().get("/api/terms").status()).isEqualTo(401);
    }

    /**
     * The outcomes of 作出答复 the page greys out are exactly those of the three with preconditions that the command
     * side refuses; the others of the three it accepts. Two states: nothing asked of the applicant (all three refused),
     * and a 补正 awaited past its deadline and a fee unpaid past its last day (逾期不补正 and 逾期未缴费 accepted).
     */
    @Test
    void theOutcomesExcludedFromAnAnswerAreThoseTheCommandSideRefuses() {
        List<String> conditional = List.of("R3_6_1", "R3_6_2", "R3_4_3");
        Map<String, BiConsumer<String, Poster>> states = new LinkedHashMap<>();
        states.put("nothing asked", (id, post) -> {
        });
        states.put("补正 awaited and fee unpaid, both past their deadline", (id, post) -> {
            post.accept("supplement-request", 0);
            post.accept("fee-notice", 0);
        });
        for (Map.Entry<String, BiConsumer<String, Poster>> state : states.entrySet()) {
            String probe = inState(state.getValue());
            system.awaitCaughtUp();
            JsonNode decision = StreamSupport.stream(clerk.get("/api/requests/" + probe).expect(200).json()
                    .get("allowedActions").spliterator(), false)
                    .filter(action -> action.get("key").asText().equals("decision")).findFirst().orElseThrow();
            List<String> excluded = decision.has("excluded") ? StreamSupport.stream(decision.get("excluded")
                    .spliterator(), false).map(e -> e.get("key").asText()).toList() : List.of();
            for (String outcome : conditional) {
                String id = inState(state.getValue());
                FoiApi.Response answer = clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", outcome,
                        "decidedOn", "2025-06-30"));
                assertThat(answer.status() / 100 == 2).as("%s when %s: excluded %s, answered %s %s", outcome,
                        state.getKey(), excluded, answer.status(), answer.body()).isEqualTo(!excluded.contains(outcome));
            }
        }
    }

    private interface Poster {
        void accept(String key, int no);
    }

    /**
     * Brings a fresh request to the state, checks the offered steps, then tries every step on a fresh request in that
     * state: offered ones must be accepted (2xx), the others refused (4xx with a problem).
     */
    private static void assertOfferedMeansAccepted(String state, BiConsumer<String, Poster> reach,
                                                   List<String> expectedOffered) {
        String probe = inState(reach);
        system.awaitCaughtUp();
        List<String> offered = keys(clerk.get("/api/requests/" + probe).expect(200).json());
        assertThat(offered).as("offered when " + state).containsExactlyInAnyOrderElementsOf(expectedOffered);

        List<String> mismatches = new ArrayList<>();
        List<String> every = new ArrayList<>(STEPS.keySet());
        every.add("registration-correction");
        for (String key : every) {
            String id = inState(reach);
            FoiApi.Response answer = clerk.post(stepPath(id, key, 1), body(id, key));
            boolean accepted = answer.status() / 100 == 2;
            if (offered.contains(key) != accepted) {
                mismatches.add(key + (accepted ? " was not offered but accepted" : " was offered but refused: "
                        + answer.status() + " " + answer.body()));
            } else if (!accepted) {
                assertThat(answer.status()).as(key).isBetween(400, 499);
                assertThat(answer.contentType()).as(key).startsWith("application/problem+json");
            }
        }
        assertThat(mismatches).as("when " + state).isEmpty();
    }

    private static String inState(BiConsumer<String, Poster> reach) {
        String id = register();
        reach.accept(id, (key, no) -> clerk.post(stepPath(id, key, 1), body(id, key)).expect(200));
        return id;
    }

    private static Map<String, Object> body(String id, String key) {
        if (key.equals("registration-correction")) {
            // The request's own case number: another's would be refused as taken.
            return Map.of("registration", RequestLifecycleTest.registration(CASE_NUMBERS.get(id), "2025-03-04"),
                    "reason", "收到日期登记有误");
        }
        return STEPS.get(key);
    }

    private static String stepPath(String id, String key, int no) {
        String base = "/api/requests/" + id + "/";
        return switch (key) {
            case "consultation-end" -> base + "consultations/" + no + "/end";
            case "reconsideration-result" -> base + "reconsiderations/" + no + "/result";
            case "lawsuit-result" -> base + "lawsuits/" + no + "/result";
            default -> base + key;
        };
    }

    private static String register() {
        String number = "AA-" + (++caseNo);
        String id = RequestLifecycleTest.register(clerk, agency, number, "2025-03-03");
        CASE_NUMBERS.put(id, number);
        return id;
    }

    private static List<String> keys(JsonNode request) {
        return StreamSupport.stream(request.get("allowedActions").spliterator(), false)
                .map(action -> action.get("key").asText()).toList();
    }
}
