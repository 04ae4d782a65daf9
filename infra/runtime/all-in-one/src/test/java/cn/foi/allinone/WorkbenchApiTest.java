package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 工作台 (GET /api/workbench): a clerk's counts of their agency and their own, 我的待办 by working days left with the
 * next step, a supervisor's counts over the agencies under them with the table by agency and its 按期答复率, an
 * administrator's system state; each count equals the list its filter gives.
 */
class WorkbenchApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();
    private static Office office;
    private static Map<String, String> ids;

    @BeforeAll
    static void officeWithRequestsInKnownStates() {
        office = Office.of(system);
        ids = requestsInKnownStates();
    }

    /**
     * A receipt date whose 20-working-day period ends one or two working days from today (national calendar): due
     * within three working days.
     */
    private static LocalDate receivedForDueSoon() {
        WorkingDayCalendar calendar = WorkingDayCalendar.national();
        for (int back = 20; back < 60; back++) {
            LocalDate received = TODAY.minusDays(back);
            int left = calendar.workingDaysBetween(TODAY, calendar.addWorkingDays(received, 20));
            if (left >= 1 && left <= 2) {
                return received;
            }
        }
        throw new IllegalStateException("no receipt date due within three working days");
    }

    /**
     * The street: W-1 overdue, W-2 due soon, W-3 waiting for 补正, W-4 for the fee, W-5 in consultation (W-3 to W-5
     * received today), W-6 answered on time, W-7 answered late; W-1, W-2, W-3 and W-5 are the clerk's. The sibling
     * street: S-1 overdue, nothing answered.
     */
    private static Map<String, String> requestsInKnownStates() {
        FoiApi clerk = office.clerk();
        String street = office.street();
        Map<String, String> ids = new HashMap<>();
        ids.put("W-1", office.register("W-1", "王小明", "申请公开某文件", TODAY.minusDays(70)));
        ids.put("W-2", office.register("W-2", "北京某科技有限公司", "申请公开某文件", receivedForDueSoon()));
        ids.put("W-3", office.register("W-3", "赵六", "申请公开某文件", TODAY));
        ids.put("W-4", office.register("W-4", "钱七", "申请公开某文件", TODAY));
        ids.put("W-5", office.register("W-5", "孙八", "申请公开某文件", TODAY));
        ids.put("W-6", office.register("W-6", "周九", "申请公开某文件", TODAY.minusDays(10)));
        ids.put("W-7", office.register("W-7", "吴十", "申请公开某文件", TODAY.minusDays(70)));
        ids.put("S-1", office.registerInSibling("S-1", "郑一", "申请公开某文件", TODAY.minusDays(70)));
        clerk.post("/api/requests/" + ids.get("W-3") + "/supplement-request", Map.of("requestedOn", TODAY.toString(),
                "dueOn", TODAY.plusDays(15).toString(), "items", "请明确所需信息的年份")).expect(200);
        clerk.post("/api/requests/" + ids.get("W-4") + "/fee-notice", Map.of("noticeOn", TODAY.toString(),
                "amount", 100, "method", "PER_REQUEST")).expect(200);
        clerk.post("/api/requests/" + ids.get("W-5") + "/consultations", Map.of("party", "THIRD_PARTY",
                "startedOn", TODAY.toString(), "addressee", "某企业")).expect(200);
        clerk.post("/api/requests/" + ids.get("W-6") + "/decision", Map.of("outcome", "R3_1",
                "decidedOn", TODAY.toString())).expect(200);
        clerk.post("/api/requests/" + ids.get("W-7") + "/decision", Map.of("outcome", "R3_1",
                "decidedOn", TODAY.toString())).expect(200);
        for (String mine : List.of("W-1", "W-2", "W-3", "W-5")) {
            clerk.post("/api/requests/" + ids.get(mine) + "/assignment", Map.of("handler", office.clerkName()))
                    .expect(200);
        }
        system.awaitCaughtUp();
        return ids;
    }

    private static Map<String, JsonNode> counts(JsonNode workbench) {
        Map<String, JsonNode> counts = new HashMap<>();
        workbench.get("counts").forEach(count -> counts.put(count.get("key").asText(), count));
        return counts;
    }

    /** key → [all, mine] */
    private static Map<String, List<Long>> figures(JsonNode workbench) {
        return counts(workbench).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue().get("count").asLong(), e.getValue().get("mine").asLong())));
    }

    private static String queryString(JsonNode query) {
        List<String> parts = new ArrayList<>();
        query.fields().forEachRemaining(field -> parts.add(field.getKey() + "="
                + URLEncoder.encode(field.getValue().asText(), StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    /** The list a count links to holds exactly as many requests as the count says, for the scope and "mine". */
    private static void everyCountIsItsList(FoiApi caller, String agency, JsonNode workbench) {
        for (JsonNode count : workbench.get("counts")) {
            String list = "/api/agencies/" + agency + "/requests?";
            assertThat(caller.get(list + queryString(count.get("query"))).expect(200).header("X-Total-Count"))
                    .as(count.get("key").asText()).isEqualTo(count.get("count").asText());
            assertThat(caller.get(list + queryString(count.get("mineQuery"))).expect(200).header("X-Total-Count"))
                    .as(count.get("key").asText() + " (mine)").isEqualTo(count.get("mine").asText());
        }
    }

    @Test
    void aClerksWorkbenchCountsTheirAgencysListsAndTheirOwn() {
        JsonNode workbench = office.clerk().get("/api/workbench").expect(200).json();

        assertThat(workbench.get("role").asText()).isEqualTo("CLERK");
        assertThat(workbench.get("scope").get("agencyCode").asText()).isEqualTo(office.street());
        assertThat(workbench.get("scope").get("includeSubordinates").asBoolean()).isFalse();
        assertThat(figures(workbench)).isEqualTo(Map.of(
                "open", List.of(5L, 4L),
                "receivedThisWeek", List.of(3L, 2L),
                "dueSoon", List.of(1L, 1L),
                "overdue", List.of(1L, 1L),
                "awaitingSupplement", List.of(1L, 1L),
                "awaitingFee", List.of(1L, 0L),
                "consulting", List.of(1L, 1L)));
        Map<String, JsonNode> counts = counts(workbench);
        assertThat(counts.get("overdue").get("label").asText()).isEqualTo("已逾期");
        assertThat(counts.get("dueSoon").get("query").get("dueWithin").asText()).isEqualTo("3");
        assertThat(counts.get("overdue").get("mineQuery").get("handler").asText()).isEqualTo("me");
        assertThat(counts.get("receivedThisWeek").get("query").get("receivedFrom").asText())
                .isEqualTo(workbench.get("weekStart").asText());
        assertThat(workbench.has("agencies")).as("the table by agency is a supervisor's").isFalse();
        assertThat(workbench.has("system")).isFalse();
        everyCountIsItsList(office.clerk(), office.street(), workbench);
    }

    @Test
    void myTodoListsTheClerksOpenRequestsOverdueFirstWithTheNextStepEachNeeds() {
        JsonNode todo = office.clerk().get("/api/workbench").expect(200).json().get("todo");

        assertThat(todo.get("total").asInt()).isEqualTo(4);
        List<String> order = new ArrayList<>();
        Map<String, JsonNode> byCase = new HashMap<>();
        todo.get("items").forEach(item -> {
            order.add(item.get("caseNo").asText());
            byCase.put(item.get("caseNo").asText(), item);
        });
        assertThat(order).hasSize(4).startsWith("W-1", "W-2").containsExactlyInAnyOrder("W-1", "W-2", "W-3", "W-5");
        assertThat(byCase.get("W-1").get("workingDaysLeft").asInt()).isNegative();
        assertThat(byCase.get("W-2").get("workingDaysLeft").asInt()).isBetween(0, 3);
        assertThat(byCase.get("W-1").get("applicantName").asText()).isEqualTo("王小明");
        assertThat(byCase.get("W-1").get("nextStep").asText()).isEqualTo("ANSWER");
        assertThat(byCase.get("W-1").get("nextStepLabel").asText()).isEqualTo("待答复");
        assertThat(byCase.get("W-3").get("nextStep").asText()).isEqualTo("SUPPLEMENT");
        assertThat(byCase.get("W-3").get("nextStepLabel").asText()).isEqualTo("待补正");
        assertThat(byCase.get("W-5").get("nextStepLabel").asText()).isEqualTo("征求意见中");
        assertThat(byCase.get("W-1").get("id").asText()).isEqualTo(ids.get("W-1"));
        assertThat(todo.get("query").get("handler").asText()).isEqualTo("me");
    }

    @Test
    void aSupervisorsWorkbenchCoversTheAgenciesUnderThemWithTheOnTimeRateOfEach() {
        JsonNode workbench = office.supervisor().get("/api/workbench").expect(200).json();

        assertThat(workbench.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(workbench.get("scope").get("includeSubordinates").asBoolean()).isTrue();
        Map<String, List<Long>> figures = figures(workbench);
        assertThat(figures.get("open")).isEqualTo(List.of(6L, 0L));
        assertThat(figures.get("overdue")).isEqualTo(List.of(2L, 0L));
        assertThat(figures.get("receivedThisWeek")).isEqualTo(List.of(3L, 0L));
        assertThat(counts(workbench).get("overdue").get("query").get("includeSubordinates").asText())
                .isEqualTo("true");
        assertThat(workbench.get("todo").get("total").asInt()).isZero();

        Map<String, JsonNode> lines = new HashMap<>();
        workbench.get("agencies").forEach(line -> lines.put(line.get("code").asText(), line));
        assertThat(lines.keySet()).containsExactlyInAnyOrder(office.district(), office.street(), office.sibling());
        JsonNode street = lines.get(office.street());
        assertThat(street.get("name").asText()).isEqualTo("甲街道办事处");
        assertThat(street.get("open").asInt()).isEqualTo(5);
        assertThat(street.get("overdue").asInt()).isEqualTo(1);
        assertThat(street.get("answered").asInt()).isEqualTo(2);
        assertThat(street.get("answeredOnTime").asInt()).isEqualTo(1);
        assertThat(street.get("onTimeRate").asDouble()).isEqualTo(0.5);
        JsonNode sibling = lines.get(office.sibling());
        assertThat(sibling.get("open").asInt()).isEqualTo(1);
        assertThat(sibling.get("overdue").asInt()).isEqualTo(1);
        assertThat(sibling.get("answered").asInt()).isZero();
        assertThat(sibling.get("onTimeRate").isNull()).as("no answer this year: no rate").isTrue();
        assertThat(lines.get(office.district()).get("open").asInt()).isZero();
        everyCountIsItsList(office.supervisor(), office.district(), workbench);
    }

    @Test
    void aClerkSeesOnlyTheirOwnAgencysFigures() {
        JsonNode workbench = office.siblingClerk().get("/api/workbench").expect(200).json();

        assertThat(workbench.get("scope").get("agencyCode").asText()).isEqualTo(office.sibling());
        assertThat(figures(workbench).get("open")).isEqualTo(List.of(1L, 0L));
        assertThat(figures(workbench).get("overdue")).isEqualTo(List.of(1L, 0L));
        assertThat(figures(workbench).get("awaitingFee")).isEqualTo(List.of(0L, 0L));
        assertThat(workbench.get("todo").get("items")).isEmpty();
        // The workbench takes no agency: asking for the street's changes nothing.
        JsonNode asked = office.siblingClerk().get("/api/workbench?agency=" + office.street()).expect(200).json();
        assertThat(figures(asked)).isEqualTo(figures(workbench));
        assertThat(system.anonymous().get("/api/workbench").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorsWorkbenchShowsTheSystemsState() {
        JsonNode workbench = system.admin().get("/api/workbench").expect(200).json();

        assertThat(workbench.get("role").asText()).isEqualTo("ADMIN");
        assertThat(workbench.has("counts")).isFalse();
        JsonNode state = workbench.get("system");
        assertThat(state.get("projections").get("caughtUp").asBoolean()).isTrue();
        assertThat(state.get("projections").get("parked").asLong()).isZero();
        assertThat(state.get("projections").get("processors")).isNotEmpty();
        assertThat(state.get("disk").get("freeBytes").asLong()).isPositive();
        assertThat(state.get("disk").get("totalBytes").asLong())
                .isGreaterThanOrEqualTo(state.get("disk").get("freeBytes").asLong());
        List<String> databases = new ArrayList<>();
        state.get("databases").forEach(db -> {
            databases.add(db.get("name").asText());
            assertThat(db.get("bytes").asLong()).isPositive();
        });
        assertThat(databases).contains("foi_query", "foi_command");
        JsonNode accounts = state.get("accounts");
        List<String> users = new ArrayList<>();
        system.admin().get("/api/users").expect(200).json().forEach(u -> users.add(u.get("username").asText()));
        assertThat(accounts.get("users").asInt()).isEqualTo(users.size());
        assertThat(accounts.get("agencies").asInt())
                .isEqualTo(system.admin().get("/api/agencies").expect(200).json().size());
    }
}
