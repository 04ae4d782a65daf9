package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 重新答复 over HTTP: a new answer after a reconsideration corrected the first one shows on the request and in its
 * timeline, while the annual reports keep counting the request once, in the year and row of its first answer.
 */
class RedecisionApiTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    @Test
    void aNewAnswerAfterACorrectedReconsiderationShowsOnTheRequestAndLeavesTheReportsAsTheyWere() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = RequestLifecycleTest.register(clerk, agency, "RD-1", "2024-03-04");
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_3_4", "decidedOn", "2024-03-20"))
                .expect(200);
        clerk.post("/api/requests/" + id + "/reconsiderations", Map.of("filedOn", "2025-01-10")).expect(200);
        clerk.post("/api/requests/" + id + "/reconsiderations/1/result",
                Map.of("result", "CORRECTED", "decidedOn", "2025-03-01")).expect(200);
        system.awaitCaughtUp();
        JsonNode y2024Before = clerk.get("/api/agencies/" + agency + "/reports/2024").expect(200).json();
        JsonNode y2025Before = clerk.get("/api/agencies/" + agency + "/reports/2025").expect(200).json();

        clerk.post("/api/requests/" + id + "/redecision",
                Map.of("outcome", "R3_1", "decidedOn", "2025-03-20", "servedOn", "2025-03-21")).expect(200);
        system.awaitCaughtUp();

        JsonNode request = clerk.get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("status").asText()).isEqualTo("CLOSED");
        assertThat(request.get("outcome").asText()).isEqualTo("R3_3_4");
        assertThat(request.get("decidedOn").asText()).isEqualTo("2024-03-20");
        assertThat(request.get("redecisions")).hasSize(1);
        JsonNode redecision = request.get("redecisions").get(0);
        assertThat(redecision.get("outcome").asText()).isEqualTo("R3_1");
        assertThat(redecision.get("decidedOn").asText()).isEqualTo("2025-03-20");
        assertThat(redecision.get("servedOn").asText()).isEqualTo("2025-03-21");
        assertThat(redecision.get("orderedBy").asText()).isEqualTo("RECONSIDERATION");
        assertThat(redecision.get("appealNo").asInt()).isEqualTo(1);
        JsonNode timeline = request.get("timeline");
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("title").asText()).isEqualTo("重新答复");
        assertThat(last.get("detail").asText()).contains("根据第 1 件行政复议的纠正结果");

        JsonNode y2024 = clerk.get("/api/agencies/" + agency + "/reports/2024").expect(200).json();
        JsonNode y2025 = clerk.get("/api/agencies/" + agency + "/reports/2025").expect(200).json();
        assertThat(y2024.get("table3")).isEqualTo(y2024Before.get("table3"));
        assertThat(y2024.get("table3").get("R3_3_4").toString()).isEqualTo("[1,0,0,0,0,0,1]");
        assertThat(y2025.get("table3")).isEqualTo(y2025Before.get("table3"));
        assertThat(y2025.get("table3").get("R3_1").toString()).isEqualTo("[0,0,0,0,0,0,0]");
        assertThat(y2025.get("table4").get("reconsideration").toString()).isEqualTo("[0,1,0,0,1]");

        FoiApi.Response again = clerk.post("/api/requests/" + id + "/redecision",
                Map.of("outcome", "R3_2", "decidedOn", "2025-04-01"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("rule").asText()).isEqualTo("ALREADY_REDECIDED");
        assertThat(again.json().get("detail").asText()).contains("再次重新答复须有另一件结果为纠正的行政复议或行政诉讼");
    }

    @Test
    void aNewAnswerIsRefusedWithoutACorrectedAppealAndWithoutItsOutcome() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = RequestLifecycleTest.register(clerk, agency, "RD-2", "2025-05-06");
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2025-05-20"))
                .expect(200);
        clerk.post("/api/requests/" + id + "/reconsiderations", Map.of("filedOn", "2025-06-02")).expect(200);
        clerk.post("/api/requests/" + id + "/reconsiderations/1/result",
                Map.of("result", "维持", "decidedOn", "2025-07-01")).expect(200);

        FoiApi.Response upheld = clerk.post("/api/requests/" + id + "/redecision",
                Map.of("outcome", "R3_2", "decidedOn", "2025-07-10"));
        assertThat(upheld.status()).isEqualTo(409);
        assertThat(upheld.json().get("rule").asText()).isEqualTo("NO_CORRECTED_APPEAL");
        assertThat(upheld.json().get("detail").asText()).contains("结果为“纠正”之后才能重新答复");

        FoiApi.Response noOutcome = clerk.post("/api/requests/" + id + "/redecision",
                Map.of("decidedOn", "2025-07-10"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.contentType()).startsWith("application/problem+json");
        assertThat(noOutcome.json().get("field").asText()).isEqualTo("outcome");
    }
}
