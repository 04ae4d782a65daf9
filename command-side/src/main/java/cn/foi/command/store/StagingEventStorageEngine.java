package cn.foi.command.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store's storage engine, which stages the events of a unit of work marked with {@link EventStaging} in
 * {@code staged_event} (same transaction, no global index) and hands every other append to the JPA engine.
 */
public class StagingEventStorageEngine implements EventStorageEngine {

    private static final String STAGE = """
            insert into staged_event (import_id, ordinal, event_identifier, aggregate_identifier, sequence_number, type,
                                      payload_type, payload_revision, payload, meta_data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;

    public StagingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        EventStaging staging = EventStaging.current();
        if (staging == null || events.isEmpty()) {
            delegate.appendEvents(events);
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalStateException("only the events of aggregates can be staged, not "
                        + event.getPayloadType().getName());
            }
            // The JPA engine's own entry serializes exactly as an append would.
            DomainEventEntry entry = new DomainEventEntry(domainEvent, eventSerializer);
            rows.add(new Object[]{staging.importId(), staging.nextOrdinal(), entry.getEventIdentifier(),
                    entry.getAggregateIdentifier(), entry.getSequenceNumber(), entry.getType(),
                    entry.getPayload().getType().getName(), entry.getPayload().getType().getRevision(),
                    entry.getPayload().getData(), entry.getMetaData().getData()});
        }
        // JdbcTemplate joins the transaction of the unit of work (the import's), so the staged events commit with it.
        jdbc.batchUpdate(STAGE, rows);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
