package cn.foi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import cn.foi.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The all-in-one jar as ./run.sh starts it: it stops cleanly on SIGTERM and keeps every request across a restart. */
class AllInOneProcessIT {

    @Test
    void stopsCleanlyOnSigtermAndKeepsEveryRequestAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("foi-data");
        int port = ServiceProcess.freePort();
        int databasePort = ServiceProcess.freePort();
        ServiceProcess system = new ServiceProcess("all-in-one",
                ServiceProcess.jar("infra/runtime/all-in-one", "foi-all-in-one-exec.jar"),
                Map.of("PORT", Integer.toString(port), "FOI_DATA_DIR", dataDir.toString(),
                        "FOI_DB_PORT", Integer.toString(databasePort),
                        "FOI_ADMIN_PASSWORD", "admin-secret-1"),
                "-Xmx512m");
        FoiApi admin = FoiApi.anonymous("http://localhost:" + port).as("admin", "admin-secret-1");
        try (system) {
            system.start();
            admin.awaitUp(Duration.ofMinutes(3));
            admin.post("/api/agencies", Map.of("code", "P1", "name", "某街道办事处")).expect(201);
            String id = admin.post("/api/agencies/P1/requests", Map.of("caseNo", "P1-1",
                    "applicant", Map.of("category", "自然人", "name", "李四"),
                    "channel", "传真", "confirmedOn", "2026-01-05")).expect(201).json().get("id").asText();
            admin.awaitCaughtUp(Duration.ofSeconds(60));

            int exit = system.stop();
            assertThat(exit).as("exit code after SIGTERM").isZero();
            assertThat(Files.readString(system.log())).doesNotContain("Exception in thread");

            system.start();
            admin.awaitUp(Duration.ofMinutes(3));
            admin.awaitCaughtUp(Duration.ofSeconds(60));
            assertThat(admin.get("/api/requests/" + id).expect(200).json().get("receivedOn").asText())
                    .isEqualTo("2026-01-05");
            assertThat(admin.get("/api/agencies/P1/requests").json()).hasSize(1);

            // The event store's global index continues after the restart without a jump (no allocation of 50).
            admin.post("/api/agencies", Map.of("code", "P2", "name", "某镇人民政府")).expect(201);
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort
                    + "/foi_command", "postgres", "postgres");
                 ResultSet range = db.createStatement().executeQuery(
                         "select min(global_index), max(global_index), count(*) from domain_event_entry")) {
                range.next();
                assertThat(range.getLong(2) - range.getLong(1) + 1).as("global indexes are dense")
                        .isEqualTo(range.getLong(3));
            }
            // The first start printed no generated password because one was given; the second created no admin.
            assertThat(Files.readString(system.log())).doesNotContain("初始密码");
        }
    }
}
