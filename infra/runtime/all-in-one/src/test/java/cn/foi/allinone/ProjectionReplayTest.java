package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.query.QuerySideConfiguration;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.testsupport.FoiApi;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projections are rebuildable and idempotent: replaying every event from Kafka, with the tables cleared or over the
 * tables as they are, gives identical tables.
 */
class ProjectionReplayTest {

    private static AllInOne system;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        for (int i = 1; i <= 12; i++) {
            String id = RequestLifecycleTest.register(clerk, agency, "RP-" + i, "2026-03-02");
            if (i % 2 == 0) {
                clerk.post("/api/requests/" + id + "/supplement-request", Map.of("requestedOn", "2026-03-04",
                        "dueOn", "2026-03-20", "items", "请补充申请人身份证明")).expect(200);
            }
            if (i % 4 == 1) {
                clerk.post("/api/requests/" + id + "/fee-notice", Map.of("noticeOn", "2026-03-05", "amount", new java.math.BigDecimal("35.5"),
                        "method", "PER_PAGE")).expect(200);
                clerk.post("/api/requests/" + id + "/fee-payment", Map.of("paidOn", "2026-03-06")).expect(200);
            }
            if (i % 3 == 0) {
                clerk.post("/api/requests/" + id + "/decision", Map.of("outcome", "R3_5_2", "decidedOn", "2026-03-10"))
                        .expect(200);
                clerk.post("/api/requests/" + id + "/reconsiderations", Map.of("filedOn", "2026-03-20")).expect(200);
                if (i % 6 == 0) {
                    clerk.post("/api/requests/" + id + "/reconsiderations/1/result", Map.of("result", "UPHELD",
                            "decidedOn", "2026-04-01")).expect(200);
                }
            }
        }
        system.awaitCaughtUp();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void resettingTheProcessorsAndReplayingEverythingGivesIdenticalTables() {
        List<List<Map<String, Object>>> before = tables();
        assertThat(before.get(0)).hasSize(12);

        for (String name : QuerySideConfiguration.PROCESSORS) {
            TrackingEventProcessor processor = processor(name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        system.awaitCaughtUp();

        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void eventsDeliveredAgainOverExistingTablesChangeNothing() {
        List<List<Map<String, Object>>> before = tables();

        // Forget the positions without clearing anything: every event arrives a second time.
        for (String name : QuerySideConfiguration.PROCESSORS) {
            processor(name).shutDown();
        }
        queryDatabase().update("delete from token_entry");
        for (String name : QuerySideConfiguration.PROCESSORS) {
            processor(name).start();
        }
        system.awaitCaughtUp();

        assertThat(tables()).isEqualTo(before);
    }

    private static TrackingEventProcessor processor(String name) {
        return system.bean(EventProcessingConfiguration.class)
                .eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow();
    }

    private static JdbcTemplate queryDatabase() {
        return system.bean(QueryDatabase.class).jdbc();
    }

    private static List<List<Map<String, Object>>> tables() {
        JdbcTemplate db = queryDatabase();
        return List.of(
                db.queryForList("select * from request_summary order by id"),
                db.queryForList("select * from request_timeline order by request_id, sequence"),
                db.queryForList("select * from agency order by code"),
                db.queryForList("select * from user_account order by username"),
                db.queryForList("select * from calendar_day order by scope, day"),
                db.queryForList("select * from report_appeal order by request_id, kind, number"),
                db.queryForList("select * from report_fee order by request_id, notice_sequence"));
    }
}
