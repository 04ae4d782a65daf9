package cn.foi.query.status;

import cn.foi.platform.kafka.EventTopic;
import cn.foi.query.kafka.PartitionTaggingConverter;
import cn.foi.query.persistence.QueryDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each projection has got in the command side's global index, per partition of the event topic.
 *
 * <p>A processor's token is a Kafka offset per partition: it says nothing about global indexes. Every event on the
 * topic carries the command side's "published through" watermark ({@link EventTopic#PUBLISHED_THROUGH}); the events of
 * one partition are applied in the order they were sent, so once a projection has applied an event of partition
 * {@code p} carrying {@code n}, it holds every event of {@code p} up to global index {@code n}. The highest such value
 * per processor and partition is written in the transaction that stores the processor's token, so it never runs ahead
 * of the projection, and kept in the query database, so every instance of the query side reads the same.
 *
 * <p>Each processor gets a {@link Recorder} among its handlers that takes every event (the processor skips events no
 * handler of it takes, and its position must advance through those too).
 */
@Component
public class ProjectedPositions {

    private final JdbcTemplate jdbc;
    private final String resourceKey = ProjectedPositions.class.getName() + "@" + System.identityHashCode(this);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile long resets;

    public ProjectedPositions(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** processor → partition → published-through watermark of the newest event applied there. */
    public Map<String, Map<Integer, Long>> current() {
        Map<String, Map<Integer, Long>> positions = new HashMap<>();
        jdbc.query("select processor_name, partition_no, published_through from projected_position",
                rs -> {
                    positions.computeIfAbsent(rs.getString(1), name -> new HashMap<>())
                            .put(rs.getInt(2), rs.getLong(3));
                });
        return positions;
    }

    /**
     * Waits until a processor of this instance commits a batch, or the timeout passes (another instance of the query
     * side may hold a processor; its progress shows only in the database). No thread spins meanwhile.
     */
    public void awaitAdvance(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            advanced.await(timeout, unit);
        } finally {
            lock.unlock();
        }
    }

    private void signalAdvance() {
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void applied(String processor, MetaData metaData) {
        Long partition = number(metaData.get(PartitionTaggingConverter.PARTITION));
        Long through = number(metaData.get(EventTopic.PUBLISHED_THROUGH));
        if (partition == null || through == null) {
            // Sent before the command side told positions: only "caught up" can vouch for it.
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            store(processor, Map.of(partition.intValue(), through));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<Integer, Long> batch = unitOfWork.getOrComputeResource(resourceKey + processor, key -> {
            Map<Integer, Long> highest = new HashMap<>();
            unitOfWork.onPrepareCommit(u -> store(processor, highest));
            unitOfWork.afterCommit(u -> signalAdvance());
            return highest;
        });
        batch.merge(partition.intValue(), through, Math::max);
    }

    private void store(String processor, Map<Integer, Long> highest) {
        highest.forEach((partition, through) -> jdbc.update("""
                insert into projected_position (processor_name, partition_no, published_through) values (?, ?, ?)
                on conflict (processor_name, partition_no)
                do update set published_through = greatest(projected_position.published_through,
                                                           excluded.published_through)""",
                processor, partition, through));
    }

    void forget(String processor) {
        jdbc.update("delete from projected_position where processor_name = ?", processor);
        resets++;
        signalAdvance();
    }

    /** Changes whenever a projection of this instance is reset: what was reached before is no longer known. */
    long resets() {
        return resets;
    }

    /** Metadata read back from Kafka headers arrives as text. */
    private static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Registered as a handler of each processor: sees every event the processor applies, in its unit of work. */
    public static final class Recorder {
        private final String processor;
        private final ProjectedPositions positions;

        public Recorder(String processor, ProjectedPositions positions) {
            this.processor = processor;
            this.positions = positions;
        }

        public String processor() {
            return processor;
        }

        @EventHandler
        public void on(Object event, MetaData metaData) {
            positions.applied(processor, metaData);
        }

        /** A replay rebuilds the projection from the start: until it is done, it holds nothing. */
        @ResetHandler
        public void reset() {
            positions.forget(processor);
        }
    }
}
