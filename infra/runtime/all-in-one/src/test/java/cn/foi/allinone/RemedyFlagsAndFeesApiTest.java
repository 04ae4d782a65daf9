package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14 points 8–9 through the API: remedy time limits and fee quotes are flagged on the request and counted in the
 * report's annex, and never refuse the appeal; a fee notice apart from its quote needs a 减免 reason.
 */
class RemedyFlagsAndFeesApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static String register(FoiApi clerk, String agency, String caseNo, String receivedOn, String name) {
        return clerk.post("/api/agencies/" + agency + "/requests", Map.of("caseNo", caseNo,
                        "applicant", Map.of("category", "自然人", "name", name),
                        "channel", "IN_PERSON", "receivedOn", receivedOn, "description", "申请公开道路养护合同"))
                .expect(201).json().get("id").asText();
    }

    private static List<String> codes(JsonNode flags) {
        List<String> codes = new ArrayList<>();
        flags.forEach(flag -> codes.add(flag.get("code").asText()));
        return codes;
    }

    @Test
    void lateAppealsAndADirectSuitAgainstARefusalAreAcceptedFlaggedAndCountedInTheAnnex() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String refused = register(clerk, agency, "R-1", "2025-01-06", "张三");
        String base = "/api/requests/" + refused;
        clerk.post(base + "/decision", Map.of("outcome", "R3_3_1", "decidedOn", "2025-01-20",
                "servedOn", "2025-01-22")).expect(200);
        // 60 days from the service on 2025-01-22 end on 2025-03-23.
        clerk.post(base + "/reconsiderations", Map.of("filedOn", "2025-03-24")).expect(200);
        clerk.post(base + "/reconsiderations/1/result", Map.of("result", "UPHELD", "decidedOn", "2025-04-01"))
                .expect(200);
        // 15 days from the decision end on 2025-04-16.
        clerk.post(base + "/lawsuits", Map.of("filedOn", "2025-04-17", "afterReconsideration", true)).expect(200);
        // 6 months from the service end on 2025-07-22; and a refusal goes to reconsideration first since 2024.
        clerk.post(base + "/lawsuits", Map.of("filedOn", "2025-07-23", "afterReconsideration", false)).expect(200);

        String inTime = register(clerk, agency, "R-2", "2025-01-06", "李四");
        clerk.post("/api/requests/" + inTime + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2025-01-20"))
                .expect(200);
        clerk.post("/api/requests/" + inTime + "/reconsiderations", Map.of("filedOn", "2025-03-21")).expect(200);

        String withdrawn = register(clerk, agency, "R-3", "2025-02-03", "王五");
        clerk.post("/api/requests/" + withdrawn + "/withdrawal", Map.of("withdrawnOn", "2025-02-05")).expect(200);
        clerk.post("/api/requests/" + withdrawn + "/reconsiderations", Map.of("filedOn", "2025-02-10")).expect(200);
        system.awaitCaughtUp();

        JsonNode flags = clerk.get(base).expect(200).json().get("flags");
        assertThat(codes(flags)).containsExactly("RECONSIDERATION_LATE", "LAWSUIT_AFTER_RECONSIDERATION_LATE",
                "LAWSUIT_LATE", "LAWSUIT_WITHOUT_RECONSIDERATION");
        assertThat(flags.get(0).get("message").asText()).contains("2025-03-24", "60 日", "2025-03-23");
        assertThat(codes(clerk.get("/api/requests/" + inTime).expect(200).json().get("flags"))).isEmpty();
        assertThat(codes(clerk.get("/api/requests/" + withdrawn).expect(200).json().get("flags")))
                .containsExactly("APPEAL_AGAINST_WITHDRAWN");

        JsonNode counts = clerk.get("/api/agencies/" + agency + "/reports/2025").expect(200).json()
                .get("annex").get("flags");
        assertThat(counts.get("RECONSIDERATION_LATE").asLong()).isEqualTo(1);
        assertThat(counts.get("LAWSUIT_AFTER_RECONSIDERATION_LATE").asLong()).isEqualTo(1);
        assertThat(counts.get("LAWSUIT_LATE").asLong()).isEqualTo(1);
        assertThat(counts.get("LAWSUIT_WITHOUT_RECONSIDERATION").asLong()).isEqualTo(1);
        assertThat(counts.get("APPEAL_AGAINST_WITHDRAWN").asLong()).isEqualTo(1);
        assertThat(counts.get("FEE_DIFFERS_FROM_QUOTE").asLong()).isZero();
        JsonNode lastYear = clerk.get("/api/agencies/" + agency + "/reports/2024").expect(200).json()
                .get("annex").get("flags");
        assertThat(lastYear.get("RECONSIDERATION_LATE").asLong()).isZero();
    }

    @Test
    void theFeeQuoteByPagesIsProgressive() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "F-1", "2026-03-02", "赵六");
        system.awaitCaughtUp();

        JsonNode quote = clerk.get("/api/requests/" + id + "/fee-quote?method=PER_PAGE&pages=120").expect(200).json();
        assertThat(quote.get("amount").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(quote.get("explanation").asText()).contains("前 30 页不收费", "合计 1100.00 元");
        assertThat(clerk.get("/api/requests/" + id + "/fee-quote?method=按量&pages=30").expect(200).json()
                .get("amount").decimalValue()).isZero();
    }

    @Test
    void anotherAgencysClerkGetsNoQuoteAsIfTheRequestDidNotExist() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        FoiApi otherClerk = system.agencyWithClerk(AllInOne.uniqueCode());
        String id = register(clerk, agency, "F-2", "2026-03-02", "赵六");
        system.awaitCaughtUp();

        FoiApi.Response refused = otherClerk.get("/api/requests/" + id + "/fee-quote?method=PER_PAGE&pages=120");
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body()).doesNotContain("1100", "赵六");
        FoiApi.Response unknown = otherClerk.get("/api/requests/no-such-request/fee-quote?method=PER_PAGE&pages=120");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(refused.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        clerk.get("/api/requests/" + id + "/fee-quote?method=PER_PAGE&pages=120").expect(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "negative pages, method=PER_PAGE&pages=-1, pages",
            "too many pages, method=PER_PAGE&pages=20001, pages",
            "pages missing, method=PER_PAGE, pages",
            "an unknown method, method=PER_WORD&pages=1, method",
    })
    void aBadFeeQuoteIsRefusedNamingTheField(String what, String query, String field) {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "Q-1", "2026-03-02", "赵六");
        system.awaitCaughtUp();
        FoiApi.Response response = clerk.get("/api/requests/" + id + "/fee-quote?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void pagesThatAreNotANumberAreRefused() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "Q-2", "2026-03-02", "赵六");
        system.awaitCaughtUp();
        FoiApi.Response response = clerk.get("/api/requests/" + id + "/fee-quote?method=PER_PAGE&pages=abc");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
    }

    @Test
    void theEleventhRequestOfAnApplicantInAMonthIsQuotedOneHundredYuan() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String tenth = null;
        for (int n = 1; n <= 10; n++) {
            tenth = register(clerk, agency, "M-" + n, "2026-04-0" + (n < 10 ? 1 : 2), "孙 七");
        }
        register(clerk, agency, "OTHER", "2026-04-02", "周八");       // another applicant
        register(clerk, agency, "MARCH", "2026-03-31", "孙七");       // another month
        String eleventh = register(clerk, agency, "M-11", "2026-04-03", "孙七");
        system.awaitCaughtUp();

        assertThat(clerk.get("/api/requests/" + tenth + "/fee-quote?method=PER_REQUEST").expect(200).json()
                .get("amount").decimalValue()).isZero();
        JsonNode quote = clerk.get("/api/requests/" + eleventh + "/fee-quote?method=PER_REQUEST").expect(200).json();
        assertThat(quote.get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(quote.get("explanation").asText()).contains("第 11 件");
    }

    @Test
    void aFeeNoticeApartFromItsQuoteNeedsAReasonAndIsFlagged() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "FN-1", "2026-03-02", "吴九");
        String base = "/api/requests/" + id;

        FoiApi.Response refused = clerk.post(base + "/fee-notice", Map.of("noticeOn", "2026-03-04", "amount", 500,
                "method", "PER_PAGE", "quotedAmount", 1100));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("reductionReason");

        clerk.post(base + "/fee-notice", Map.of("noticeOn", "2026-03-04", "amount", 500, "method", "PER_PAGE",
                "quotedAmount", 1100, "reductionReason", "申请人为低保户，减收")).expect(200);
        system.awaitCaughtUp();
        JsonNode flags = clerk.get(base).expect(200).json().get("flags");
        assertThat(codes(flags)).containsExactly("FEE_DIFFERS_FROM_QUOTE");
        assertThat(flags.get(0).get("message").asText()).contains("500.00", "1100.00", "申请人为低保户，减收");
        assertThat(clerk.get("/api/agencies/" + agency + "/reports/2026").expect(200).json().get("annex")
                .get("flags").get("FEE_DIFFERS_FROM_QUOTE").asLong()).isEqualTo(1);
    }

    @Test
    void aFeeNoticeDatedBefore2021IsRefused() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = register(clerk, agency, "OLD-1", "2020-12-01", "郑十");
        FoiApi.Response refused = clerk.post("/api/requests/" + id + "/fee-notice",
                Map.of("noticeOn", "2020-12-10", "amount", 100, "method", "PER_REQUEST"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("noticeOn");
        assertThat(refused.json().get("detail").asText()).contains("2021-01-01");
    }
}
