package cn.foi.query.failures;

import cn.foi.query.QuerySideConfiguration;
import cn.foi.query.persistence.QueryDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events the projections parked (Axon's dead-letter table), as administrators see and handle them: ids only, never
 * an event's content. What they do is recorded in {@code dead_letter_audit} (who, when, why) and logged with ids.
 */
@Component
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    public ParkedEvents(QueryDatabase database, ObjectProvider<EventProcessingConfiguration> processing) {
        this.jdbc = database.jdbc();
        this.transactions = database.transactions();
        this.processing = processing;
    }

    /**
     * One parked event.
     *
     * @param sequenceIdentifier what the events are parked by: the request's id (the aggregate's, in general)
     * @param sequenceNumber     the event's place in its request's history
     * @param causeType          the exception the projection threw
     * @param causeMessage       the database's message without values (null when not a database error)
     */
    public record ParkedEvent(String id, String processingGroup, String sequenceIdentifier, long sequenceIndex,
                              String aggregateType, String aggregateIdentifier, Long sequenceNumber, String eventType,
                              String eventIdentifier, Instant enqueuedAt, Instant lastTouched, String causeType,
                              String causeMessage) {
    }

    public record RetryResult(boolean cleared, long stillParked, String causeType, String causeMessage) {
    }

    private static final String COLUMNS = "dead_letter_id, processing_group, sequence_identifier, sequence_index, "
            + "aggregate_type, aggregate_identifier, sequence_number, payload_type, event_identifier, enqueued_at, "
            + "last_touched, cause_type, cause_message";

    public List<ParkedEvent> all() {
        return jdbc.query("select " + COLUMNS + " from dead_letter_entry "
                + "order by processing_group, enqueued_at, sequence_identifier, sequence_index", ParkedEvents::row);
    }

    public Optional<ParkedEvent> find(String id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter_entry where dead_letter_id = ?",
                ParkedEvents::row, id).stream().findFirst();
    }

    /** Parked events per processor, every processor named (0 when none). */
    public Map<String, Long> countsPerProcessor() {
        Map<String, Long> counts = new LinkedHashMap<>();
        QuerySideConfiguration.PROCESSORS.forEach(name -> counts.put(name, 0L));
        jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Applies the parked events of the event's sequence again, in order, through the processor's own handlers (Axon's
     * dead-letter processing). Each that succeeds leaves the queue; the first that fails stays, with the events after
     * it, and the cause is updated.
     */
    public RetryResult retry(ParkedEvent parked, String actor) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject()
                .sequencedDeadLetterProcessor(parked.processingGroup())
                .orElseThrow(() -> new IllegalStateException("no dead-letter processing for "
                        + parked.processingGroup()));
        processor.process(letter -> letter instanceof JdbcDeadLetter<?> jdbcLetter
                && jdbcLetter.getSequenceIdentifier().equals(parked.sequenceIdentifier()));
        List<ParkedEvent> left = jdbc.query("select " + COLUMNS + " from dead_letter_entry "
                        + "where processing_group = ? and sequence_identifier = ? order by sequence_index",
                ParkedEvents::row, parked.processingGroup(), parked.sequenceIdentifier());
        boolean cleared = left.isEmpty();
        audit(cleared ? "RETRIED" : "RETRY_FAILED", parked, null, actor);
        log.info("{} retried the parked events of sequence {} of processor {} (from event {}): {}", actor,
                parked.sequenceIdentifier(), parked.processingGroup(), parked.eventIdentifier(),
                cleared ? "all applied" : left.size() + " still parked");
        return cleared ? new RetryResult(true, 0, null, null)
                : new RetryResult(false, left.size(), left.get(0).causeType(), left.get(0).causeMessage());
    }

    /**
     * Removes the event from the queue without applying it. The events after it in its sequence stay parked until
     * they are retried: the administrator decides whether they can apply without it.
     */
    public boolean skip(String id, String reason, String actor) {
        Boolean skipped = transactions.execute(status -> {
            Optional<ParkedEvent> parked = jdbc.query("select " + COLUMNS + " from dead_letter_entry "
                    + "where dead_letter_id = ? for update", ParkedEvents::row, id).stream().findFirst();
            if (parked.isEmpty()) {
                return false;
            }
            jdbc.update("delete from dead_letter_entry where dead_letter_id = ?", id);
            audit("SKIPPED", parked.get(), reason, actor);
            log.info("{} skipped parked event {} of sequence {} of processor {} (reason in dead_letter_audit)", actor,
                    parked.get().eventIdentifier(), parked.get().sequenceIdentifier(),
                    parked.get().processingGroup());
            return true;
        });
        return Boolean.TRUE.equals(skipped);
    }

    private void audit(String action, ParkedEvent parked, String reason, String actor) {
        jdbc.update("insert into dead_letter_audit (action, processing_group, sequence_identifier, dead_letter_id, "
                        + "event_identifier, event_type, reason, actor) values (?, ?, ?, ?, ?, ?, ?, ?)", action,
                parked.processingGroup(), parked.sequenceIdentifier(), parked.id(), parked.eventIdentifier(),
                parked.eventType(), reason, actor);
    }

    private static ParkedEvent row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long sequenceNumber = rs.getLong(7);
        boolean noSequenceNumber = rs.wasNull() || sequenceNumber < 0; // Axon writes -1 for an event of no aggregate
        String payloadType = rs.getString(8);
        return new ParkedEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), noSequenceNumber ? null : sequenceNumber,
                payloadType.substring(payloadType.lastIndexOf('.') + 1), rs.getString(9), instant(rs.getString(10)),
                instant(rs.getString(11)), rs.getString(12), rs.getString(13));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
