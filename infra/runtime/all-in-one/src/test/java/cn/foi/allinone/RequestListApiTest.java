package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handler (承办人) of a request and the clerk's and supervisor's lists: sorted on the server, filtered by the
 * deadlines, the handler, the outcome and the year, searched by substring, exported as XLSX.
 */
class RequestListApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static List<String> caseNos(FoiApi caller, String path) {
        List<String> numbers = new ArrayList<>();
        caller.get(path).expect(200).json().forEach(row -> numbers.add(row.get("caseNo").asText()));
        return numbers;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Four requests of the street: overdue, due soon, due in about twenty working days, closed. */
    private record Requests(String overdue, String dueSoon, String dueLater, String closed) {
    }

    private static Requests fourRequests(Office office) {
        String overdue = office.register("L-1", "王小明", "申请公开某小区旧改补偿方案",
                TODAY.minusDays(70));
        String dueSoon = office.register("L-2", "北京某科技有限公司",
                "申请公开二〇二五年道路养护经费预算", TODAY.minusDays(26));
        String dueLater = office.register("L-3", "赵六", "申请公开垃圾分类驿站选址依据", TODAY);
        String closed = office.register("L-4", "钱七", "申请公开停车场收费标准",
                TODAY.minusDays(10));
        office.clerk().post("/api/requests/" + closed + "/decision", Map.of("outcome", "R3_1",
                "decidedOn", TODAY.minusDays(1).toString())).expect(200);
        system.awaitCaughtUp();
        return new Requests(overdue, dueSoon, dueLater, closed);
    }

    @Test
    void theHandlerIsShownOnTheRequestAndInItsTimelineAndChangesHands() {
        Office office = Office.of(system);
        String id = office.register("H-1", "张三", "申请公开某文件", TODAY);

        office.clerk().post("/api/requests/" + id + "/assignment", Map.of("handler", office.clerkName())).expect(200);
        system.awaitCaughtUp();
        JsonNode request = office.clerk().get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("handler").asText()).isEqualTo(office.clerkName());
        assertThat(request.get("timeline").toString()).contains("指定承办人：" + office.clerkName());

        Map<String, Object> none = new java.util.HashMap<>();
        none.put("handler", null);
        office.clerk().post("/api/requests/" + id + "/assignment", none).expect(200);
        system.awaitCaughtUp();
        request = office.clerk().get("/api/requests/" + id).expect(200).json();
        assertThat(request.has("handler")).isFalse();
        assertThat(request.get("timeline").toString()).contains("取消承办人");
    }

    @Test
    void aUserOfAnotherAgencyOrAnUnknownOneCannotBeTheHandler() {
        Office office = Office.of(system);
        String id = office.register("H-2", "张三", "申请公开某文件", TODAY);

        FoiApi.Response otherAgency = office.clerk().post("/api/requests/" + id + "/assignment",
                Map.of("handler", office.supervisorName()));
        assertThat(otherAgency.status()).isEqualTo(409);
        assertThat(otherAgency.json().get("detail").asText()).contains("不是本机关").contains(office.supervisorName());

        FoiApi.Response unknown = office.clerk().post("/api/requests/" + id + "/assignment",
                Map.of("handler", "nobody-here"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("handler");
        assertThat(unknown.json().get("detail").asText()).contains("不是本系统的用户");

        FoiApi.Response malformed = office.clerk().post("/api/requests/" + id + "/assignment",
                Map.of("handler", "张三"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("handler");
        system.awaitCaughtUp();
        assertThat(office.clerk().get("/api/requests/" + id).expect(200).json().has("handler")).isFalse();
    }

    @Test
    void aBatchAssignsEveryRequestItCanAndSaysWhichFailedAndWhy() {
        Office office = Office.of(system);
        String first = office.register("B-1", "张三", "申请公开某文件", TODAY);
        String second = office.register("B-2", "李四", "申请公开另一文件", TODAY);
        String elsewhere = office.registerInSibling("B-3", "王五", "申请公开某文件", TODAY);

        JsonNode answer = office.clerk().post("/api/agencies/" + office.street() + "/requests/assignment",
                Map.of("requestIds", List.of(first, "no-such-request", second, elsewhere),
                        "handler", office.clerkName())).expect(200).json();

        assertThat(answer.get("assigned").asInt()).isEqualTo(2);
        assertThat(answer.get("failed").asInt()).isEqualTo(2);
        JsonNode results = answer.get("results");
        assertThat(results.get(0).get("assigned").asBoolean()).isTrue();
        assertThat(results.get(1).get("requestId").asText()).isEqualTo("no-such-request");
        assertThat(results.get(1).get("assigned").asBoolean()).isFalse();
        assertThat(results.get(1).get("message").asText()).contains("未找到该申请");
        assertThat(results.get(2).get("assigned").asBoolean()).isTrue();
        assertThat(results.get(3).get("assigned").asBoolean()).as("another agency's request").isFalse();
        system.awaitCaughtUp();
        assertThat(caseNos(office.clerk(), "/api/agencies/" + office.street() + "/requests?handler=me&sort=receivedOn"
                + "&direction=asc")).containsExactly("B-1", "B-2");
        assertThat(office.siblingClerk().get("/api/requests/" + elsewhere).json().has("handler")).isFalse();
    }

    @Test
    void theListFiltersByHandlerMineAndNone() {
        Office office = Office.of(system);
        String mine = office.register("M-1", "张三", "申请公开某文件", TODAY);
        office.register("M-2", "李四", "申请公开另一文件", TODAY);
        office.clerk().post("/api/requests/" + mine + "/assignment", Map.of("handler", office.clerkName()))
                .expect(200);
        system.awaitCaughtUp();
        String list = "/api/agencies/" + office.street() + "/requests";

        assertThat(caseNos(office.clerk(), list + "?handler=me")).containsExactly("M-1");
        assertThat(caseNos(office.clerk(), list + "?handler=" + office.clerkName())).containsExactly("M-1");
        assertThat(caseNos(office.clerk(), list + "?handler=none")).containsExactly("M-2");
        assertThat(caseNos(office.supervisor(), list + "?handler=me")).isEmpty();
        assertThat(office.clerk().get(list + "?handler=me").json().get(0).get("handler").asText())
                .isEqualTo(office.clerkName());
    }

    @Test
    void theListSortsByDueDateReceiptAndWorkingDaysLeftOnTheServer() {
        Office office = Office.of(system);
        fourRequests(office);
        String list = "/api/agencies/" + office.street() + "/requests";

        assertThat(caseNos(office.clerk(), list)).as("default: newest receipt first")
                .containsExactly("L-3", "L-4", "L-2", "L-1");
        assertThat(caseNos(office.clerk(), list + "?sort=receivedOn&direction=asc"))
                .containsExactly("L-1", "L-2", "L-4", "L-3");
        assertThat(caseNos(office.clerk(), list + "?sort=dueDate&direction=asc"))
                .containsExactly("L-1", "L-2", "L-4", "L-3");
        assertThat(caseNos(office.clerk(), list + "?sort=dueDate&direction=desc"))
                .containsExactly("L-3", "L-4", "L-2", "L-1");
        assertThat(caseNos(office.clerk(), list + "?sort=workingDaysLeft")).as("closed last, nearest first")
                .containsExactly("L-1", "L-2", "L-3", "L-4");
        assertThat(caseNos(office.clerk(), list + "?sort=workingDaysLeft&size=2&page=1")).containsExactly("L-3", "L-4");
    }

    @Test
    void theListFiltersByTheDeadlinesTheOutcomeAndTheYear() {
        Office office = Office.of(system);
        Requests requests = fourRequests(office);
        String paused = office.register("L-5", "孙八", "申请公开某企业环评报告", TODAY);
        office.clerk().post("/api/requests/" + paused + "/consultations", Map.of("party", "THIRD_PARTY",
                "startedOn", TODAY.toString(), "addressee", "某企业")).expect(200);
        system.awaitCaughtUp();
        String list = "/api/agencies/" + office.street() + "/requests";

        assertThat(caseNos(office.clerk(), list + "?overdue=true")).containsExactly("L-1");
        assertThat(caseNos(office.clerk(), list + "?dueWithin=10")).containsExactly("L-2");
        List<String> within40 = caseNos(office.clerk(), list + "?dueWithin=40&sort=dueDate");
        assertThat(within40).as("a request whose clock stands still is paused, not due soon")
                .containsExactlyInAnyOrder("L-2", "L-3");
        assertThat(within40.get(0)).isEqualTo("L-2");
        assertThat(caseNos(office.clerk(), list + "?paused=true")).containsExactly("L-5");
        assertThat(caseNos(office.clerk(), list + "?outcome=R3_1")).containsExactly("L-4");
        assertThat(caseNos(office.clerk(), list + "?year=" + TODAY.getYear() + "&sort=receivedOn&direction=asc"))
                .isEqualTo(caseNos(office.clerk(), list + "?sort=receivedOn&direction=asc").stream()
                        .filter(no -> !no.equals("L-1") || TODAY.minusDays(70).getYear() == TODAY.getYear())
                        .filter(no -> !no.equals("L-2") || TODAY.minusDays(26).getYear() == TODAY.getYear())
                        .filter(no -> !no.equals("L-4") || TODAY.minusDays(10).getYear() == TODAY.getYear())
                        .toList());
        assertThat(caseNos(office.clerk(), list + "?year=2019")).isEmpty();
        assertThat(office.clerk().get(list + "?overdue=true").header("X-Total-Count")).isEqualTo("1");
        assertThat(requests.closed()).isNotBlank();
    }

    @Test
    void aRequestAwaitingItsSupplementIsPausedNotOverdueThoughItsFormerDueDateHasPassed() {
        Office office = Office.of(system);
        LocalDate received = TODAY.minusDays(70);
        String waiting = office.register("P-1", "李四", "申请公开某路段拓宽工程批复",
                received);
        // Asked within the week of receipt; the applicant has not answered since, so the period has not restarted
        // (条例 30): the due date the row still holds, some 40 days ago, is not one the request can be late for.
        office.clerk().post("/api/requests/" + waiting + "/supplement-request", Map.of("requestedOn",
                received.plusDays(2).toString(), "dueOn", received.plusDays(20).toString(),
                "items", "请明确所需信息的路段名称")).expect(200);
        String late = office.register("P-2", "王五", "申请公开某地块出让合同", received);
        system.awaitCaughtUp();
        String list = "/api/agencies/" + office.street() + "/requests";

        assertThat(caseNos(office.clerk(), list + "?overdue=true")).containsExactly("P-2");
        assertThat(caseNos(office.clerk(), list + "?overdue=false&open=true")).containsExactly("P-1");
        assertThat(caseNos(office.clerk(), list + "?paused=true")).containsExactly("P-1");
        assertThat(caseNos(office.clerk(), list + "?dueWithin=3")).isEmpty();
        JsonNode badges = office.clerk().get("/api/reminders/badges").expect(200).json();
        assertThat(badges.get("overdue").asInt()).as("the menu's count agrees with the list").isEqualTo(1);
        assertThat(late).isNotBlank();
    }

    @Test
    void aSupervisorsListCoversTheAgenciesUnderThemAndAStreetClerkSeesNoSibling() {
        Office office = Office.of(system);
        office.register("S-1", "张三", "申请公开某文件", TODAY);
        office.registerInSibling("S-2", "李四", "申请公开另一文件", TODAY);
        system.awaitCaughtUp();

        assertThat(caseNos(office.supervisor(), "/api/agencies/" + office.district()
                + "/requests?includeSubordinates=true&sort=receivedOn&direction=asc"))
                .containsExactlyInAnyOrder("S-1", "S-2");
        assertThat(caseNos(office.supervisor(), "/api/agencies/" + office.district() + "/requests")).isEmpty();
        assertThat(caseNos(office.clerk(), "/api/agencies/" + office.street() + "/requests?includeSubordinates=true"))
                .containsExactly("S-1");
        assertThat(office.clerk().get("/api/agencies/" + office.sibling() + "/requests?includeSubordinates=true")
                .status()).isEqualTo(403);
        assertThat(office.clerk().get("/api/agencies/" + office.district() + "/requests?includeSubordinates=true")
                .status()).isEqualTo(403);
    }

    @Test
    void theSearchFindsChineseSubstringsOfTheApplicantAndTheContent() {
        Office office = Office.of(system);
        fourRequests(office);
        String list = "/api/agencies/" + office.street() + "/requests?sort=receivedOn&direction=asc&q=";

        assertThat(caseNos(office.clerk(), list + encoded("小明"))).containsExactly("L-1");
        assertThat(caseNos(office.clerk(), list + encoded("科技"))).containsExactly("L-2");
        assertThat(caseNos(office.clerk(), list + encoded("养护经费"))).containsExactly("L-2");
        assertThat(caseNos(office.clerk(), list + encoded("驿"))).containsExactly("L-3");
        assertThat(caseNos(office.clerk(), list + encoded("申请公开"))).hasSize(4);
        assertThat(caseNos(office.clerk(), list + encoded("养护预算"))).as("not a substring").isEmpty();
        assertThat(caseNos(office.clerk(), list + encoded("明小"))).isEmpty();
        assertThat(caseNos(office.clerk(), list + encoded("100%"))).isEmpty();
    }

    @Test
    void theExportHoldsTheFilteredListWithChineseHeadersAndMaskedPersonalData() throws Exception {
        Office office = Office.of(system);
        Requests requests = fourRequests(office);
        office.clerk().post("/api/requests/" + requests.dueSoon() + "/assignment",
                Map.of("handler", office.clerkName())).expect(200);
        system.awaitCaughtUp();

        FoiApi.Download download = office.clerk().download("/api/agencies/" + office.street()
                + "/requests.xlsx?sort=dueDate&open=true");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.expectOk()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("受理编号");
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).contains("申请人", "证件号码", "联系方式", "承办人", "答复期限", "剩余工作日");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("L-1");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("L-2");
            int idColumn = headers.indexOf("证件号码");
            int contactColumn = headers.indexOf("联系方式");
            int handlerColumn = headers.indexOf("承办人");
            assertThat(sheet.getRow(2).getCell(idColumn).getStringCellValue()).isEqualTo("110105********123X");
            assertThat(sheet.getRow(2).getCell(contactColumn).getStringCellValue()).isEqualTo("139****5678");
            assertThat(sheet.getRow(2).getCell(handlerColumn).getStringCellValue()).isEqualTo(office.clerkName());
        }
        assertThat(office.siblingClerk().download("/api/agencies/" + office.street() + "/requests.xlsx").status())
                .isEqualTo(403);
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() {
        Office office = Office.of(system);
        String list = "/api/agencies/" + office.street() + "/requests";
        Map<String, String> bad = Map.of(
                "sort", "?sort=caseNo",
                "direction", "?sort=dueDate&direction=up",
                "dueWithin", "?dueWithin=-1",
                "overdue", "?overdue=yes",
                "paused", "?paused=1",
                "year", "?year=abc",
                "includeSubordinates", "?includeSubordinates=maybe",
                "q", "?q=" + "字".repeat(101),
                "outcome", "?outcome=R9");
        bad.forEach((field, query) -> {
            for (String path : List.of(list + query, list + ".xlsx" + query)) {
                FoiApi.Response response = office.clerk().get(path);
                assertThat(response.status()).as(path).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("field").asText()).as(path).isEqualTo(field);
                assertThat(response.json().get("detail").asText()).as(path).containsPattern("\\p{IsHan}");
            }
        });
    }
}
