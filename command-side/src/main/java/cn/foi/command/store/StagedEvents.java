package cn.foi.command.store;

import cn.foi.platform.status.ProjectionProgress;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves staged events (see {@link EventStaging}) into the event store, a chunk per short transaction, in the order they
 * were applied. Once an import's staging transaction has committed, its events are part of the record: they are
 * appended right away, and whatever a crash or a failed append left staged is appended at the next start or before the
 * next import.
 *
 * <p>Why chunks, and no lock of the event table: a chunk takes its global indexes from the same sequence as every other
 * append and commits within milliseconds, so a clerk's event never waits for an import, and the tracking processors see
 * at most a chunk of not-yet-committed indexes (well within their gap tracking, ADR 10). The chunk's events are stamped
 * with the time of their append: the time an event is stored is what its timestamp means to the tracking processors,
 * which treat a gap before an event older than their gap timeout as lost.
 */
@Component
public class StagedEvents {

    private static final Logger log = LoggerFactory.getLogger(StagedEvents.class);

    /**
     * One chunk: taken from the staging table and appended in one statement. The sequence's values are matched to the
     * events in their order, so an aggregate's events get rising global indexes even if another transaction draws values
     * at the same moment.
     */
    private static final String APPEND_CHUNK = """
            with moved as (
                delete from staged_event
                 where import_id = ? and ordinal in (select ordinal from staged_event where import_id = ?
                                                      order by ordinal limit ?)
             returning *),
            events as (select m.*, row_number() over (order by m.ordinal) as position from moved m),
            indexes as (select i.global_index, row_number() over (order by i.global_index) as position
                          from (select nextval('domain_event_entry_seq') as global_index
                                  from generate_series(1, (select count(*) from moved))) i)
            insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
            select i.global_index, e.event_identifier, e.meta_data, e.payload, e.payload_revision, e.payload_type, ?,
                   e.aggregate_identifier, e.sequence_number, e.type
              from events e join indexes i on i.position = e.position
            returning global_index""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int chunkSize;
    private final ObjectProvider<ProjectionProgress> projections;
    private final Duration paceMaxWait;

    public StagedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        @Value("${foi.ledger.append-chunk-size:1000}") int chunkSize,
                        ObjectProvider<ProjectionProgress> projections,
                        @Value("${foi.ledger.pace-max-wait:PT10S}") Duration paceMaxWait) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.chunkSize = chunkSize;
        this.projections = projections;
        this.paceMaxWait = paceMaxWait;
    }

    /**
     * Appends every staged event of the import to the event store.
     *
     * @return the global index of the last event appended, 0 when none was left
     */
    public long append(String importId) {
        long last = 0;
        long beforeLast = 0;
        int appended = 0;
        ProjectionProgress progress = projections.getIfAvailable();
        while (true) {
            // At most two chunks ahead of the projections: a clerk's event appended meanwhile waits behind those two,
            // not behind the whole import. A projection that does not keep up (stopped, far behind) only slows the
            // import down by the bounded wait per chunk; it never stops it.
            if (progress != null && beforeLast > 0 && !progress.awaitProjected(beforeLast, paceMaxWait)) {
                log.debug("Import {}: the projections are not at {} yet; appending on", importId, beforeLast);
            }
            List<Long> indexes = transaction.execute(status -> {
                // Two command sides resuming the same import take its chunks one after the other.
                jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "staged:" + importId);
                List<Long> chunk = jdbc.queryForList(APPEND_CHUNK, Long.class, importId, importId, chunkSize,
                        DateTimeUtils.formatInstant(GenericEventMessage.clock.instant()));
                // The import's answer carries its last event's position, as a clerk's command does (X-Event-Position).
                chunk.stream().mapToLong(Long::longValue).max().ifPresent(AppendedPositions::record);
                return chunk;
            });
            if (indexes == null || indexes.isEmpty()) {
                break;
            }
            appended += indexes.size();
            beforeLast = last;
            last = Math.max(last, indexes.stream().mapToLong(Long::longValue).max().orElse(0));
        }
        if (appended > 0) {
            log.info("Import {}: {} staged events appended to the event store, the last at {}", importId, appended,
                    last);
        }
        return last;
    }

    /** Appends what an interrupted import left staged: at the start, and before every import. */
    @EventListener(ApplicationReadyEvent.class)
    public void appendLeftovers() {
        for (String importId : jdbc.queryForList("select distinct import_id from staged_event", String.class)) {
            log.warn("Import {} was interrupted after it was checked: appending its staged events", importId);
            append(importId);
        }
    }
}
