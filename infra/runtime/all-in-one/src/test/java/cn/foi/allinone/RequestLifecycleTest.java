package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path in one process: a clerk's command, the aggregate, the event store in PostgreSQL, Kafka, the projections
 * in PostgreSQL, and back through the API.
 */
class RequestLifecycleTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    static Map<String, Object> registration(String caseNo, String receivedOn) {
        return Map.of("caseNo", caseNo,
                "applicant", Map.of("category", "自然人", "name", "张三"),
                "channel", "网络",
                "receivedOn", receivedOn,
                "description", "申请公开2025年度老旧小区改造资金使用情况");
    }

    static String register(FoiApi clerk, String agency, String caseNo, String receivedOn) {
        return clerk.post("/api/agencies/" + agency + "/requests", registration(caseNo, receivedOn))
                .expect(201).json().get("id").asText();
    }

    @Test
    void aRegisteredRequestIsReadBackWithItsDueDateAndTimeline() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);

        String id = register(clerk, agency, "2025-001", "2025-09-26");
        system.awaitCaughtUp();

        JsonNode request = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("caseNo").asText()).isEqualTo("2025-001");
        assertThat(request.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(request.get("receivedOn").asText()).isEqualTo("2025-09-26");
        assertThat(request.get("dueDate").asText()).isEqualTo("2025-10-30");
        assertThat(request.get("applicant").get("category").asText()).isEqualTo("自然人");
        assertThat(request.get("timeline")).hasSize(2);
        JsonNode received = request.get("timeline").get(0);
        assertThat(received.get("title").asText()).isEqualTo("收到申请");
        assertThat(received.get("businessDate").asText()).isEqualTo("2025-09-26");
        assertThat(received.get("recordedBy").asText()).isEqualTo("clerk-" + agency.toLowerCase());
        assertThat(received.get("recordedAt").asText()).isNotBlank();

        JsonNode list = clerk.get("/api/agencies/" + agency + "/requests?caseNo=2025-001").expect(200).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
        assertThat(list.get(0).get("dueDate").asText()).isEqualTo("2025-10-30");
    }

    @Test
    void aRequestGoesThroughEveryStepOfItsLife() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "2026-007", "2026-02-10");
        String base = "/api/requests/" + id;

        clerk.post(base + "/supplement-request", Map.of("requestedOn", "2026-02-12", "dueOn", "2026-02-27",
                "items", "请明确所需信息的年份")).expect(200);
        clerk.post(base + "/supplement", Map.of("receivedOn", "2026-02-13")).expect(200);
        clerk.post(base + "/consultations", Map.of("party", "THIRD_PARTY", "startedOn", "2026-02-24")).expect(200)
                .json().get("no").asInt();
        clerk.post(base + "/consultations/1/end", Map.of("endedOn", "2026-03-05", "opinion", "同意公开")).expect(200);
        clerk.post(base + "/extension", Map.of("extendedOn", "2026-03-06", "workingDays", 20)).expect(200);
        clerk.post(base + "/fee-notice", Map.of("noticeOn", "2026-03-09", "amount", 100, "method", "PER_REQUEST"))
                .expect(200);
        clerk.post(base + "/fee-payment", Map.of("paidOn", "2026-03-10")).expect(200);
        clerk.post(base + "/decision", Map.of("outcome", "R3_2", "decidedOn", "2026-03-20", "servedOn", "2026-03-21"))
                .expect(200);
        int reconsideration = clerk.post(base + "/reconsiderations", Map.of("filedOn", "2026-04-01")).expect(200)
                .json().get("no").asInt();
        clerk.post(base + "/reconsiderations/" + reconsideration + "/result",
                Map.of("result", "UPHELD", "decidedOn", "2026-05-20")).expect(200);
        int lawsuit = clerk.post(base + "/lawsuits", Map.of("filedOn", "2026-06-01", "afterReconsideration", true))
                .expect(200).json().get("no").asInt();
        clerk.post(base + "/lawsuits/" + lawsuit + "/result", Map.of("result", "CORRECTED", "decidedOn", "2026-09-01"))
                .expect(200);
        system.awaitCaughtUp();

        JsonNode request = clerk.get(base).expect(200).json();
        assertThat(request.get("status").asText()).isEqualTo("CLOSED");
        assertThat(request.get("outcome").asText()).isEqualTo("R3_2");
        assertThat(request.get("decidedOn").asText()).isEqualTo("2026-03-20");
        assertThat(request.get("extended").asBoolean()).isTrue();
        assertThat(request.get("reconsiderations").asInt()).isEqualTo(1);
        assertThat(request.get("lawsuits").asInt()).isEqualTo(1);
        List<String> titles = new ArrayList<>();
        request.get("timeline").forEach(item -> titles.add(item.get("title").asText()));
        assertThat(titles).containsSubsequence("收到申请", "告知补正", "收到补正", "征求意见", "征求意见结束",
                "延长答复期限", "收费通知", "缴费", "作出答复", "行政复议", "行政复议决定", "行政诉讼", "行政诉讼判决");
        // The supplement restarted the period from 2026-02-13; the consultation and the unpaid fee stopped the clock,
        // and the extension added 20 working days: every change is in the history, with its reason.
        List<String> reasons = new ArrayList<>();
        request.get("dueDateHistory").forEach(change -> reasons.add(change.get("reason").asText()));
        assertThat(reasons).containsExactly("收到申请，起算答复期限", "收到补正申请，答复期限重新起算", "答复期限恢复计算",
                "延长答复期限", "答复期限恢复计算");
        assertThat(request.get("dueDateHistory").get(1).get("dueDate").asText()).isEqualTo("2026-03-19");
        assertThat(titles).contains("暂停计算", "恢复计算");
    }

    @Test
    void aRefusedCommandIsAProblemInTheClerksWordsAndStoresNothing() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "R-1", "2026-03-02");
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "予以公开", "decidedOn", "2026-03-10"))
                .expect(200);
        long eventsBefore = storedEvents();

        FoiApi.Response second = clerk.post("/api/requests/" + id + "/decision",
                Map.of("outcome", "R3_3_1", "decidedOn", "2026-03-11"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asText()).contains("每件申请只有一个办理结果");
        assertThat(second.json().get("rule").asText()).isEqualTo("ALREADY_DECIDED");

        FoiApi.Response beforeReceipt = clerk.post("/api/requests/" + id + "/reconsiderations",
                Map.of("filedOn", "2026-02-01"));
        assertThat(beforeReceipt.status()).isEqualTo(400);
        assertThat(beforeReceipt.json().get("field").asText()).isEqualTo("filedOn");

        FoiApi.Response future = clerk.post("/api/agencies/" + agency + "/requests", registration("R-2", "2099-01-05"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asText()).contains("晚于今天");

        FoiApi.Response duplicate = clerk.post("/api/agencies/" + agency + "/requests", registration("R-1", "2026-03-03"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asText()).contains("受理编号 R-1");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void malformedInputIsA400NamingTheFieldAndStoresNothing() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String path = "/api/agencies/" + agency + "/requests";
        long eventsBefore = storedEvents();

        FoiApi.Response malformed = clerk.postRaw(path, "{\"caseNo\": \"X-1\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("field").asText()).isEqualTo("body");

        FoiApi.Response unknownCategory = clerk.post(path, Map.of("caseNo", "X-2",
                "applicant", Map.of("category", "外星人", "name", "张三"), "channel", "网络", "receivedOn", "2026-03-02"));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("field").asText()).isEqualTo("applicant.category");
        assertThat(unknownCategory.json().get("detail").asText()).contains("自然人");

        FoiApi.Response missing = clerk.post(path, Map.of("applicant", Map.of("category", "自然人", "name", "张三"),
                "channel", "网络", "receivedOn", "2026-03-02"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("caseNo");

        FoiApi.Response notIso = clerk.post(path, Map.of("caseNo", "X-3",
                "applicant", Map.of("category", "自然人", "name", "张三"), "channel", "网络", "receivedOn", "2026/03/02"));
        assertThat(notIso.status()).isEqualTo(400);
        assertThat(notIso.json().get("field").asText()).isEqualTo("receivedOn");
        assertThat(notIso.json().get("detail").asText()).contains("YYYY-MM-DD");

        FoiApi.Response wrongType = clerk.post("/api/requests/none/extension",
                Map.of("extendedOn", "2026-03-02", "workingDays", "twenty"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).isEqualTo("workingDays");

        FoiApi.Response tooLarge = clerk.post(path, Map.of("caseNo", "X-4",
                "applicant", Map.of("category", "自然人", "name", "张三"), "channel", "网络", "receivedOn", "2026-03-02",
                "description", "很".repeat(70_000)));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("detail").asText()).contains("上限");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void concurrentRegistrationsOfOneCaseNumberLetExactlyOneThrough() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> clerk.post("/api/agencies/" + agency + "/requests",
                        registration("SAME-1", "2026-04-01")).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        system.awaitCaughtUp();
        assertThat(clerk.get("/api/agencies/" + agency + "/requests?caseNo=SAME-1").json()).hasSize(1);
    }

    @Test
    void clerksSeeAndChangeOnlyTheirOwnAgencysRequests() {
        String agencyA = AllInOne.uniqueCode();
        String agencyB = AllInOne.uniqueCode();
        FoiApi clerkA = system.agencyWithClerk(agencyA);
        FoiApi clerkB = system.agencyWithClerk(agencyB);
        String id = register(clerkA, agencyA, "A-1", "2026-05-06");
        system.awaitCaughtUp();

        assertThat(clerkB.get("/api/requests/" + id).status()).isEqualTo(404);
        assertThat(clerkB.post("/api/requests/" + id + "/withdrawal", Map.of("withdrawnOn", "2026-05-07")).status())
                .isEqualTo(404);
        assertThat(clerkB.get("/api/agencies/" + agencyA + "/requests").status()).isEqualTo(403);
        assertThat(clerkB.post("/api/agencies/" + agencyA + "/requests", registration("B-1", "2026-05-06")).status())
                .isEqualTo(403);
        assertThat(clerkA.post("/api/agencies", Map.of("code", "X", "name", "某局")).status()).isEqualTo(403);
        assertThat(clerkA.post("/api/users", Map.of("username", "x1", "password", "password-1", "role", "ADMIN"))
                .status()).isEqualTo(403);
        FoiApi.Response anonymous = system.anonymous().get("/api/requests/" + id);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(system.anonymous().as("admin", "wrong-password").get("/api/agencies").status()).isEqualTo(401);
        assertThat(system.admin().get("/api/requests/" + id).status()).isEqualTo(200);
    }

    @Test
    void everyEventRecordsTheActingUserAndIsStoredAsByteaWithADenseGlobalIndex() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "M-1", "2026-05-06");

        List<String> metaData = system.commandDatabase().queryForList(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, id);
        assertThat(metaData).isNotEmpty().allSatisfy(m -> assertThat(m).contains("\"actor\":\"clerk-"
                + agency.toLowerCase() + "\""));
        assertThat(system.commandDatabase().queryForList("select data_type from information_schema.columns "
                        + "where table_name = 'domain_event_entry' and column_name in ('payload', 'meta_data')",
                String.class)).containsOnly("bytea");
        List<Long> indexes = system.commandDatabase().queryForList(
                "select global_index from domain_event_entry order by global_index", Long.class);
        assertThat(indexes.get(indexes.size() - 1) - indexes.get(0)).isLessThan(indexes.size() + 10L);
        assertThat(system.commandDatabase().queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);
    }

    @Test
    void eventsStoredBeforeThePublisherFirstRanReachTheQuerySideToo() {
        system.awaitCaughtUp();
        // The administrator is created at the very first start, before any processor has run.
        JsonNode users = system.admin().get("/api/users").expect(200).json();
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.get("username").asText()));
        assertThat(names).contains("admin");
    }

    @Test
    void aRegionalHolidayMovesTheDueDatesOfOpenRequestsAndLeavesClosedOnesAlone() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String open = register(clerk, agency, "C-1", "2026-11-02");
        String closed = register(clerk, agency, "C-2", "2026-11-02");
        clerk.post("/api/requests/" + closed + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2026-11-05"))
                .expect(200);
        system.awaitCaughtUp();
        assertThat(clerk.get("/api/requests/" + open).json().get("dueDate").asText()).isEqualTo("2026-11-30");
        int closedTimeline = clerk.get("/api/requests/" + closed).json().get("timeline").size();

        assertThat(clerk.post("/api/calendar/regions/" + agency, Map.of("year", 2026,
                "holidays", List.of("2026-11-18"), "reason", "某地民族节日")).status()).isEqualTo(403);
        system.admin().post("/api/calendar/regions/" + agency, Map.of("year", 2026,
                "holidays", List.of("2026-11-18"), "reason", "某地民族节日")).expect(200);

        JsonNode moved = await("the open request's due date moves").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    system.awaitCaughtUp();
                    return clerk.get("/api/requests/" + open).json();
                }, view -> !view.get("dueDate").asText().equals("2026-11-30"));
        assertThat(moved.get("dueDate").asText()).isEqualTo("2026-12-01");
        JsonNode history = moved.get("dueDateHistory");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("reason").asText()).isEqualTo("工作日历调整");
        assertThat(last.get("explanation").asText()).contains("某地民族节日");
        assertThat(last.get("recordedBy").asText()).as("the administrator who declared the days").isEqualTo("admin");
        assertThat(clerk.get("/api/requests/" + closed).json().get("timeline")).hasSize(closedTimeline);
    }

    @Test
    void theShippedNationalYearsAreDeclaredAsEventsAndBadDeclarationsAreRefused() {
        assertThat(system.commandDatabase().queryForList(
                "select year from calendar_year where scope = 'CN' order by year", Integer.class))
                .contains(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        // Agencies, users and calendars live in separate streams: one name may be an agency's code and a user's name.
        String shared = AllInOne.uniqueCode();
        system.admin().post("/api/agencies", Map.of("code", shared, "name", "某局")).expect(201);
        system.admin().post("/api/users", Map.of("username", shared, "password", "password-123", "role", "CLERK",
                "agencyCode", shared)).expect(201);
        FoiApi.Response weekdayMakeUp = system.admin().post("/api/calendar/years", Map.of("year", 2027,
                "holidays", List.of("2027-01-01"), "makeUpWorkdays", List.of("2027-02-22")));
        assertThat(weekdayMakeUp.status()).isEqualTo(400);
        assertThat(weekdayMakeUp.json().get("field").asText()).isEqualTo("makeUpWorkdays");
        assertThat(system.admin().post("/api/calendar/years", Map.of("year", 2027,
                "holidays", List.of("2027-01-01", "2027-01-02", "2027-01-03"), "makeUpWorkdays", List.of(),
                "source", "测试")).status()).isEqualTo(200);
    }

    @Test
    void theDeadlineBoardShowsOverduePausedAndNormalRequests() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        register(clerk, agency, "B-overdue", today.minusDays(70).toString());
        register(clerk, agency, "B-normal", today.minusDays(1).toString());
        String consulting = register(clerk, agency, "B-paused", today.minusDays(1).toString());
        clerk.post("/api/requests/" + consulting + "/consultations",
                Map.of("party", "OTHER_AGENCY", "startedOn", today.toString())).expect(200);
        system.awaitCaughtUp();

        JsonNode board = clerk.get("/api/agencies/" + agency + "/deadlines?within=5").expect(200).json();
        assertThat(board.get("counts").get("OVERDUE").asInt()).isEqualTo(1);
        assertThat(board.get("counts").get("PAUSED").asInt()).isEqualTo(1);
        assertThat(board.get("counts").get("NORMAL").asInt()).isEqualTo(1);
        assertThat(board.get("requests").get(0).get("caseNo").asText()).isEqualTo("B-overdue");
        JsonNode paused = clerk.get("/api/requests/" + consulting).json();
        assertThat(paused.get("clockPaused").asBoolean()).isTrue();
        assertThat(paused.get("pausedBecause").asText()).isEqualTo("CONSULTATION");
        assertThat(clerk.get("/api/agencies/" + agency + "/deadlines?within=99").status()).isEqualTo(400);
    }

    @Test
    void theApiIsDocumented() {
        FoiApi.Response docs = system.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/agencies/{code}/requests")).isTrue();
        assertThat(docs.json().get("paths").has("/api/requests/{id}/decision")).isTrue();
        assertThat(system.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(system.anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    private static long storedEvents() {
        return system.commandDatabase().queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
