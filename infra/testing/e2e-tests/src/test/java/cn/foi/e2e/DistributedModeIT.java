package cn.foi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.DistributedSystem;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distributed mode as it runs in production: the command side and the query side as separate processes, a
 * standalone Kafka broker, PostgreSQL. Requests go in through the command side and are read back from the query side.
 */
class DistributedModeIT {

    private static DistributedSystem system;
    private static FoiApi commands;
    private static FoiApi queries;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = DistributedSystem.start();
        commands = system.commands;
        queries = system.queries;
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void requestsSentToTheCommandSideAreReadBackFromTheQuerySide() {
        commands.post("/api/agencies", Map.of("code", "D1", "name", "某区某街道办事处")).expect(201);
        commands.post("/api/users", Map.of("username", "clerk-d1", "password", "clerk-pass-1", "role", "CLERK",
                "agencyCode", "D1")).expect(201);
        FoiApi clerk = commands.as("clerk-d1", "clerk-pass-1");
        String id = clerk.post("/api/agencies/D1/requests", Map.of("caseNo", "D1-001",
                "applicant", Map.of("category", "商业企业", "name", "某某有限公司"),
                "channel", "邮寄", "receivedOn", "2025-09-26")).expect(201).json().get("id").asText();
        clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "本机关不掌握相关政府信息",
                "decidedOn", "2025-10-20")).expect(200);

        queries.awaitCaughtUp(Duration.ofSeconds(60));
        JsonNode request = queries.as("clerk-d1", "clerk-pass-1").get("/api/requests/" + id).expect(200).json();
        assertThat(request.get("caseNo").asText()).isEqualTo("D1-001");
        assertThat(request.get("outcome").asText()).isEqualTo("R3_4_1");
        assertThat(request.get("applicant").get("categoryKey").asText()).isEqualTo("C2");
        assertThat(request.get("timeline")).hasSize(3);
    }

    @Test
    void aQuerySideKilledInTheMiddleOfAStreamOfCommandsEndsWithEveryRequestExactlyOnce() throws Exception {
        commands.post("/api/agencies", Map.of("code", "D2", "name", "某镇人民政府")).expect(201);
        int total = 240;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            String id = commands.post("/api/agencies/D2/requests", Map.of("caseNo", "D2-" + i,
                    "applicant", Map.of("category", "自然人", "name", "申请人" + i),
                    "channel", "当面", "receivedOn", "2026-03-02")).expect(201).json().get("id").asText();
            ids.add(id);
            commands.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2026-03-10"))
                    .expect(200);
            if (i == total / 3) {
                system.querySide.kill();
            }
            if (i == 2 * total / 3) {
                system.querySide.start();
            }
        }
        system.awaitHealthy(system.querySide, queries);
        queries.awaitCaughtUp(Duration.ofMinutes(2));

        FoiApi.Response list = queries.get("/api/agencies/D2/requests?size=500");
        assertThat(list.header("X-Total-Count")).isEqualTo(Integer.toString(total));
        Set<String> listed = new HashSet<>();
        list.json().forEach(r -> listed.add(r.get("id").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);

        try (Connection db = DriverManager.getConnection(system.postgres.jdbcUrl("foi_query"), system.postgres.username(),
                system.postgres.password());
             ResultSet wrong = db.createStatement().executeQuery("select t.request_id, count(*) "
                     + "from request_timeline t join request_summary s on s.id = t.request_id "
                     + "where s.agency_code = 'D2' group by t.request_id having count(*) <> 3")) {
            assertThat(wrong.next()).as("every request has exactly its three timeline entries").isFalse();
        }
        JsonNode one = queries.get("/api/requests/" + ids.get(total / 2)).expect(200).json();
        assertThat(one.get("status").asText()).isEqualTo("CLOSED");
    }
}
