package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registration aids (issue 16 point 4): the next case number of the agency's series, the applicant's earlier requests,
 * possible repeated requests (重复申请) and the link of a request to an earlier one of the same agency.
 */
class RegistrationAidApiTest {

    private static final String CONTENT = "申请公开某路段改造工程的招标文件和中标结果";

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static String register(FoiApi clerk, String agency, String caseNo, String applicant, String receivedOn,
                                   String description) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", applicant, "idNumber", "11010519900307123X",
                                "contact", "13912345678"),
                        "channel", "当面", "receivedOn", receivedOn, "description", description))
                .expect(201).json().get("id").asText();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode similar(FoiApi clerk, String agency, String applicant, String description,
                                    String receivedOn) {
        return clerk.get("/api/agencies/" + agency + "/requests/similar?applicantName=" + encoded(applicant)
                + "&description=" + encoded(description) + "&receivedOn=" + receivedOn).expect(200).json();
    }

    private static List<String> caseNos(JsonNode items) {
        List<String> numbers = new ArrayList<>();
        items.forEach(item -> numbers.add(item.get("caseNo").asText()));
        return numbers;
    }

    private static int thisYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    @Test
    void afterRegistering007TheNextCaseNumberIs008AndAnotherAgencysSeriesIsUnaffected() {
        String agency = AllInOne.uniqueCode();
        String other = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        FoiApi otherClerk = system.agencyWithClerk(other);
        int year = thisYear();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        assertThat(clerk.get("/api/agencies/" + agency + "/next-case-number").expect(200).json().get("caseNo").asText())
                .isEqualTo(year + "-001");
        register(clerk, agency, year + "-007", "王五", today, "申请公开某文件");
        register(clerk, agency, "旧编号-099", "王五", today, "申请公开另一文件");

        // No wait for the query side: the command side's registry holds the number from the registering transaction.
        assertThat(clerk.get("/api/agencies/" + agency + "/next-case-number").expect(200).json().get("caseNo").asText())
                .isEqualTo(year + "-008");
        assertThat(otherClerk.get("/api/agencies/" + other + "/next-case-number").expect(200).json().get("caseNo")
                .asText()).isEqualTo(year + "-001");
        assertThat(clerk.get("/api/agencies/" + agency + "/next-case-number?receivedOn=" + (year - 1) + "-12-30")
                .expect(200).json().get("caseNo").asText()).as("a receipt of last year: last year's series")
                .isEqualTo((year - 1) + "-001");
        assertThat(otherClerk.get("/api/agencies/" + agency + "/next-case-number").status())
                .as("another agency's series is not shown").isEqualTo(403);
        assertThat(clerk.get("/api/agencies/" + agency + "/next-case-number?receivedOn=" + (year + 1) + "-01-02")
                .expect(400).body()).contains("receivedOn");
    }

    private static FoiApi supervisorOf(String agency) {
        String name = "sup-" + agency.toLowerCase();
        system.admin().post("/api/users", Map.of("username", name, "password", "super-pass-1", "role", "SUPERVISOR",
                "agencyCode", agency)).expect(201);
        return system.anonymous().as(name, "super-pass-1");
    }

    private static String nextCaseNo(FoiApi user, String agency) {
        return user.get("/api/agencies/" + agency + "/next-case-number").expect(200).json().get("caseNo").asText();
    }

    @Test
    void twoAgenciesWithTheirOwnPatternsAreOfferedNumbersOfTheirOwnSeries() {
        String district = AllInOne.uniqueCode();
        String street = AllInOne.uniqueCode();
        FoiApi districtClerk = system.agencyWithClerk(district);
        FoiApi streetClerk = system.agencyWithClerk(street);
        FoiApi districtSupervisor = supervisorOf(district);
        int year = thisYear();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        JsonNode set = districtSupervisor.post("/api/agencies/" + district + "/case-number-settings",
                Map.of("caseNumberPattern", " 区依申〔{年}〕{序号}号 ")).expect(200).json();
        assertThat(set.get("caseNumberPattern").asText()).isEqualTo("区依申〔{年}〕{序号}号");
        system.admin().post("/api/agencies/" + street + "/case-number-settings",
                Map.of("caseNumberPattern", "JD{年}{序号:4}")).expect(200);
        register(districtClerk, district, "区依申〔" + year + "〕41号", "王五", today, "申请公开某文件");

        JsonNode offered = districtClerk.get("/api/agencies/" + district + "/next-case-number").expect(200).json();
        assertThat(offered.get("caseNo").asText()).isEqualTo("区依申〔" + year + "〕42号");
        assertThat(offered.get("pattern").asText()).isEqualTo("区依申〔{年}〕{序号}号");
        assertThat(offered.get("agencyPattern").asText()).isEqualTo("区依申〔{年}〕{序号}号");
        assertThat(offered.get("defaultPattern").asText()).isEqualTo("{年}-{序号:3}");
        assertThat(nextCaseNo(streetClerk, street)).isEqualTo("JD" + year + "0001");
        assertThat(districtClerk.get("/api/agencies/" + district + "/next-case-number?pattern="
                + encoded("Q{年}/{序号:2}")).expect(200).json().get("caseNo").asText())
                .as("a pattern tried in the settings form is previewed, not saved").isEqualTo("Q" + year + "/01");
        assertThat(nextCaseNo(districtClerk, district)).isEqualTo("区依申〔" + year + "〕42号");

        assertThat(streetClerk.post("/api/agencies/" + street + "/case-number-settings",
                Map.of("caseNumberPattern", "X{年}{序号}")).status()).as("a clerk may not").isEqualTo(403);
        assertThat(districtSupervisor.post("/api/agencies/" + street + "/case-number-settings",
                Map.of("caseNumberPattern", "X{年}{序号}")).status()).as("nor another agency's supervisor")
                .isEqualTo(403);

        districtSupervisor.post("/api/agencies/" + district + "/case-number-settings",
                Map.of("caseNumberPattern", "")).expect(200);
        assertThat(nextCaseNo(districtClerk, district)).as("blank: the deployment's pattern again")
                .isEqualTo(year + "-001");
    }

    @Test
    void aSupervisorSetsThePatternOfAnAgencyUnderThemButNotOfAnotherTree() {
        String district = AllInOne.uniqueCode();
        String street = AllInOne.uniqueCode();
        String otherDistrict = AllInOne.uniqueCode();
        FoiApi admin = system.admin();
        admin.post("/api/agencies", Map.of("code", district, "name", "某区人民政府")).expect(201);
        admin.post("/api/agencies", Map.of("code", street, "name", "甲街道办事处", "parentCode", district)).expect(201);
        admin.post("/api/agencies", Map.of("code", otherDistrict, "name", "另一区人民政府")).expect(201);
        FoiApi districtSupervisor = supervisorOf(district);
        FoiApi otherSupervisor = supervisorOf(otherDistrict);
        FoiApi streetClerk = system.clerkOf(street);
        int year = thisYear();

        assertThat(districtSupervisor.get("/api/agencies/" + street + "/next-case-number?pattern="
                + encoded("JD〔{年}〕{序号}号")).expect(200).json().get("caseNo").asText())
                .as("the dialog's preview for the agency under them").isEqualTo("JD〔" + year + "〕1号");
        JsonNode set = districtSupervisor.post("/api/agencies/" + street + "/case-number-settings",
                Map.of("caseNumberPattern", "JD〔{年}〕{序号}号")).expect(200).json();
        assertThat(set.get("code").asText()).isEqualTo(street);
        assertThat(set.get("caseNumberPattern").asText()).isEqualTo("JD〔{年}〕{序号}号");
        assertThat(nextCaseNo(streetClerk, street)).as("registration offers it").isEqualTo("JD〔" + year + "〕1号");

        FoiApi.Response clerk = streetClerk.post("/api/agencies/" + street + "/case-number-settings",
                Map.of("caseNumberPattern", "X{年}{序号}"));
        assertThat(clerk.status()).as("a clerk, even of the agency").isEqualTo(403);
        assertThat(clerk.json().get("detail").asText()).contains("主管");
        assertThat(otherSupervisor.post("/api/agencies/" + street + "/case-number-settings",
                Map.of("caseNumberPattern", "X{年}{序号}")).status()).as("a supervisor of another tree").isEqualTo(403);
        assertThat(otherSupervisor.get("/api/agencies/" + street + "/next-case-number").status())
                .as("nor previews its numbers").isEqualTo(403);
        assertThat(districtSupervisor.post("/api/agencies/" + otherDistrict + "/case-number-settings",
                Map.of("caseNumberPattern", "X{年}{序号}")).status()).as("nor the agency above another").isEqualTo(403);
        assertThat(nextCaseNo(streetClerk, street)).as("the refused ones changed nothing")
                .isEqualTo("JD〔" + year + "〕1号");
    }

    @Test
    void aBadPatternIsRefusedNamingTheFieldAndNothingIsStored() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        system.admin().post("/api/agencies/" + agency + "/case-number-settings",
                Map.of("caseNumberPattern", "A{年}-{序号:3}")).expect(200);

        FoiApi.Response refused = system.admin().post("/api/agencies/" + agency + "/case-number-settings",
                Map.of("caseNumberPattern", "A{年}-号")).expect(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.toString()).contains("caseNumberPattern", "{序号}");
        assertThat(nextCaseNo(clerk, agency)).as("the pattern in force stays").isEqualTo("A" + thisYear() + "-001");
        assertThat(clerk.get("/api/agencies/" + agency + "/next-case-number?pattern=" + encoded("{序号}"))
                .expect(400).body()).contains("pattern", "{年}");
        assertThat(system.admin().post("/api/agencies/NOSUCH1/case-number-settings",
                Map.of("caseNumberPattern", "{年}{序号}")).status()).isEqualTo(404);
    }

    @Test
    void theApplicantsEarlierRequestsShowWhateverTheBlanksAndWidthOfTheTypedName() {
        String agency = AllInOne.uniqueCode();
        String other = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        FoiApi otherClerk = system.agencyWithClerk(other);
        register(clerk, agency, "E-1", "ABC 科技有限公司", "2026-01-05", "申请公开甲文件");
        register(clerk, agency, "E-2", "ABC科技有限公司", "2026-02-05", "申请公开乙文件");
        register(clerk, agency, "E-3", "另一申请人", "2026-02-06", "申请公开丙文件");
        register(otherClerk, other, "E-9", "ABC科技有限公司", "2026-02-07", "申请公开丁文件");
        system.awaitCaughtUp();

        FoiApi.Response found = clerk.get("/api/agencies/" + agency + "/requests/by-applicant?applicantName="
                + encoded("  ａｂｃ　科技有限公司 ")).expect(200);
        assertThat(caseNos(found.json())).containsExactly("E-2", "E-1");
        assertThat(found.header("X-Total-Count")).isEqualTo("2");
        assertThat(found.body()).as("no personal data in a list").doesNotContain("11010519900307123X", "13912345678");
        assertThat(clerk.get("/api/agencies/" + agency + "/requests/by-applicant?applicantName=%20").expect(400).body())
                .contains("applicantName");
    }

    @Test
    void aSimilarRequestOfTheSameApplicantWithinTwelveMonthsIsFoundWithReorderedAndExtraWords() {
        String agency = AllInOne.uniqueCode();
        String other = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        FoiApi otherClerk = system.agencyWithClerk(other);
        String earlier = register(clerk, agency, "S-1", "张三", "2025-06-10", CONTENT);
        register(clerk, agency, "S-2", "张三", "2025-06-11", "申请公开本街道2024年度低保发放名单");
        register(clerk, agency, "S-3", "李四", "2025-06-12", CONTENT);
        register(clerk, agency, "S-OLD", "张三", "2024-03-01", CONTENT);
        register(otherClerk, other, "S-9", "张三", "2025-06-10", CONTENT);
        system.awaitCaughtUp();

        JsonNode hits = similar(clerk, agency, "张 三", "关于某路段改造工程，请公开其招标文件、中标结果以及施工合同", "2026-03-02");
        assertThat(caseNos(hits)).containsExactly("S-1");
        JsonNode hit = hits.get(0);
        assertThat(hit.get("id").asText()).isEqualTo(earlier);
        assertThat(hit.get("receivedOn").asText()).isEqualTo("2025-06-10");
        assertThat(hit.get("similarity").asDouble()).isBetween(0.4, 1.0);

        assertThat(caseNos(similar(clerk, agency, "张三", CONTENT, "2025-06-20")))
                .as("the same words: the most similar first; the request of 2024-03-01 is more than 12 months before")
                .containsExactly("S-1");
        assertThat(similar(clerk, agency, "张三", CONTENT, "2026-06-11")).as("twelve months and a day later").isEmpty();
        assertThat(similar(otherClerk, other, "张三", "申请公开本街道2024年度低保发放名单", "2026-03-02"))
                .as("the other agency's requests are its own").isEmpty();
        assertThat(clerk.get("/api/agencies/" + other + "/requests/similar?applicantName=" + encoded("张三")
                + "&description=" + encoded(CONTENT)).status()).isEqualTo(403);
    }

    @Test
    void aRequestIsLinkedToAnEarlierOneOfItsAgencyAndBothPagesShowTheLink() {
        String agency = AllInOne.uniqueCode();
        String other = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        FoiApi otherClerk = system.agencyWithClerk(other);
        String earlier = register(clerk, agency, "L-1", "张三", "2026-01-05", CONTENT);
        String later = register(clerk, agency, "L-2", "张三", "2026-02-05", CONTENT);
        String foreign = register(otherClerk, other, "L-9", "张三", "2026-01-05", CONTENT);

        assertThat(clerk.post("/api/requests/" + later + "/related", Map.of("earlierRequestId", foreign))
                .expect(400).body()).contains("earlierRequestId", "同一机关");
        assertThat(clerk.post("/api/requests/" + later + "/related", Map.of("earlierRequestId", "no-such-request"))
                .expect(400).body()).contains("earlierRequestId");
        clerk.post("/api/requests/" + later + "/related", Map.of("earlierRequestId", earlier, "reason", "同一事项再次申请"))
                .expect(200);
        assertThat(clerk.post("/api/requests/" + later + "/related", Map.of("earlierRequestId", earlier)).status())
                .isEqualTo(409);
        system.awaitCaughtUp();

        JsonNode page = clerk.get("/api/requests/" + later).expect(200).json();
        JsonNode link = page.get("relatedRequests").get(0);
        assertThat(link.get("id").asText()).isEqualTo(earlier);
        assertThat(link.get("caseNo").asText()).isEqualTo("L-1");
        assertThat(link.get("relation").asText()).isEqualTo("EARLIER");
        assertThat(link.get("reason").asText()).isEqualTo("同一事项再次申请");
        assertThat(page.get("timeline").toString()).contains("关联既往申请", "L-1");

        JsonNode earlierPage = clerk.get("/api/requests/" + earlier).expect(200).json();
        assertThat(earlierPage.get("relatedRequests").get(0).get("caseNo").asText()).isEqualTo("L-2");
        assertThat(earlierPage.get("relatedRequests").get(0).get("relation").asText()).isEqualTo("LATER");
        assertThat(otherClerk.get("/api/requests/" + foreign).expect(200).json().get("relatedRequests")).isEmpty();
    }
}
