package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.store.StagedEvents;
import cn.foi.platform.status.ProjectionProgress;
import cn.foi.testsupport.FoiApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A ledger import is all or nothing without making anyone else wait: a failed or checked ledger uses none of the event
 * store's global indexes, other offices' clerks register and read while a big ledger is imported, and an import
 * interrupted after it was checked is completed at the next start.
 */
class LedgerImportIsolationTest {

    private static final String HEADER = "受理编号,申请人类型,申请人,申请方式,收到日期,办理结果,办结日期";

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass(Map.of(), InterruptibleAppend.class);

    /** {@code rows} answered requests, the last one bad when {@code badLast} (an answer before its receipt). */
    private static byte[] ledger(String prefix, int rows, boolean badLast) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        LocalDate received = LocalDate.of(2025, 3, 3);
        for (int i = 1; i <= rows; i++) {
            LocalDate closed = badLast && i == rows ? received.minusDays(1) : received.plusDays(10);
            csv.append(prefix).append('-').append(i).append(",自然人,申请人").append(i).append(",网络,")
                    .append(received).append(",予以公开,").append(closed).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long indexesDrawn(JdbcTemplate db) {
        return db.queryForObject("select case when is_called then last_value else 0 end from domain_event_entry_seq",
                Long.class);
    }

    private static long events(JdbcTemplate db) {
        return db.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static long total(FoiApi clerk, String agency) {
        return Long.parseLong(clerk.get("/api/agencies/" + agency + "/requests?size=1").expect(200)
                .header("X-Total-Count"));
    }

    @Test
    void aRefusedLedgerAndDryRunsDrawNoGlobalIndexAndAGoodOneLeavesNoGap() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        JdbcTemplate db = system.commandDatabase();
        long drawnBefore = indexesDrawn(db);

        // 700 rows: the first batches pass the aggregate before the last row's error is found.
        clerk.upload("/api/agencies/" + agency + "/ledger", "台账.csv", ledger("F", 700, true)).expect(422);
        clerk.upload("/api/agencies/" + agency + "/ledger?dryRun=true", "台账.csv", ledger("F", 700, true)).expect(422);
        clerk.upload("/api/agencies/" + agency + "/ledger?dryRun=true", "台账.csv", ledger("F", 700, false))
                .expect(200);
        assertThat(indexesDrawn(db)).as("global indexes drawn by a refused import and two dry runs")
                .isEqualTo(drawnBefore);

        long eventsBefore = events(db);
        FoiApi.Response imported = clerk.upload("/api/agencies/" + agency + "/ledger", "台账.csv",
                ledger("F", 700, false)).expect(200);
        assertThat(Long.parseLong(imported.header("X-Event-Position"))).as("the position of the import's last event")
                .isEqualTo(db.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(indexesDrawn(db) - drawnBefore).as("indexes drawn = events appended: no gap")
                .isEqualTo(events(db) - eventsBefore);
        system.awaitCaughtUp();
        assertThat(total(clerk, agency)).isEqualTo(700);
    }

    @Test
    void anotherOfficesClerkRegistersAndReadsWhileALedgerIsImported() throws Exception {
        String importing = AllInOne.uniqueCode();
        String other = AllInOne.uniqueCode();
        FoiApi importer = system.agencyWithClerk(importing);
        FoiApi clerk = system.agencyWithClerk(other);
        byte[] big = ledger("B", 3000, false);

        CompletableFuture<FoiApi.Response> upload = CompletableFuture.supplyAsync(
                () -> importer.upload("/api/agencies/" + importing + "/ledger", "台账.csv", big));
        // Registrations and reads of the other office, one after the other, until the import answers.
        List<Boolean> readBeforeImportEnded = new ArrayList<>();
        int n = 0;
        while (!upload.isDone() && n < 200) {
            String id = clerk.post("/api/agencies/" + other + "/requests", Map.of("caseNo", "O-" + (++n),
                    "applicant", Map.of("category", "自然人", "name", "张三"), "channel", "网络",
                    "receivedOn", "2025-09-26", "description", "公开某项资金使用情况")).expect(201).json()
                    .get("id").asText();
            clerk.awaitOk("/api/requests/" + id, Duration.ofSeconds(60));
            readBeforeImportEnded.add(!upload.isDone());
        }
        assertThat(upload.get().status()).isEqualTo(200);
        assertThat(readBeforeImportEnded.stream().filter(done -> done).count())
                .as("requests of another office registered and readable while the import ran")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anImportInterruptedAfterItWasCheckedIsCompletedAtTheNextStart() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        JdbcTemplate db = system.commandDatabase();

        InterruptibleAppend.interruptNext.set(true);
        assertThat(clerk.upload("/api/agencies/" + agency + "/ledger", "台账.csv", ledger("C", 400, false)).status())
                .isEqualTo(500);
        assertThat(db.queryForObject("select count(*) from staged_event", Long.class)).isPositive();

        system.stop();
        system.start();

        JdbcTemplate restarted = system.commandDatabase();
        assertThat(restarted.queryForObject("select count(*) from staged_event", Long.class)).isZero();
        system.awaitCaughtUp();
        FoiApi again = system.anonymous().as("clerk-" + agency.toLowerCase(), "clerk-pass-1");
        assertThat(total(again, agency)).isEqualTo(400);
        // Every request's events in order: a command on one of them finds its history whole.
        String id = again.get("/api/agencies/" + agency + "/requests?caseNo=C-7").expect(200).json().get(0)
                .get("id").asText();
        again.post("/api/requests/" + id + "/decision-correction", Map.of("outcome", "R3_2",
                "decidedOn", "2025-03-13", "reason", "更正")).expect(200);
    }

    /** Fails the append of the next import once, as a crash between its check and its append would. */
    @Configuration(proxyBeanMethods = false)
    static class InterruptibleAppend {

        static final AtomicBoolean interruptNext = new AtomicBoolean();

        @Bean
        @Primary
        StagedEvents interruptibleStagedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                               ObjectProvider<ProjectionProgress> projections) {
            return new StagedEvents(jdbc, transactions, 1000, projections, Duration.ofSeconds(10)) {
                @Override
                public long append(String importId) {
                    if (interruptNext.getAndSet(false)) {
                        throw new IllegalStateException("the process stopped before the append (simulated)");
                    }
                    return super.append(importId);
                }
            };
        }
    }
}
