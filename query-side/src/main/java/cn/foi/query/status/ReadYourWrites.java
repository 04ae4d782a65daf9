package cn.foi.query.status;

import cn.foi.platform.status.EventStoreHead;
import cn.foi.platform.status.ProjectionProgress;
import cn.foi.query.QuerySideConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a read wait for a write: {@code ?after=<X-Event-Position>} holds the read until every projection has applied
 * every event up to that global index, at most {@code foi.query.read-your-writes.max-wait} (5 s). Then the read answers
 * as usual, or, when the wait ran out, {@link StillSyncingException} (503, "正在同步，请稍候") — never a 404 for what
 * the clerk has just saved.
 *
 * <p>When a projection holds every event up to {@code n}: for each partition of the topic, either it has applied an
 * event there that was sent with a watermark of at least {@code n} ({@link ProjectedPositions}), or it has read the
 * partition to its end, the end being read after the command side confirmed that everything up to {@code n} was
 * acknowledged by Kafka ({@link EventStoreHead.Head#publishedThrough()}). The first is a read of the query database;
 * the second, needed for partitions nothing new was sent to, asks the command side and Kafka.
 */
@Component
public class ReadYourWrites implements ProjectionProgress {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final ProjectedPositions projected;
    private final ProjectionStatus status;
    private final Duration maxWait;
    private final Duration recheck;
    /** Positions only grow (until a replay): once reached, a position needs no second look. */
    private volatile Reached reached = new Reached(0, -1);
    private volatile Set<Integer> partitions;

    public ReadYourWrites(ProjectedPositions projected, ProjectionStatus status,
                          @Value("${foi.query.read-your-writes.max-wait:PT5S}") Duration maxWait,
                          @Value("${foi.query.read-your-writes.recheck:PT0.1S}") Duration recheck) {
        this.projected = projected;
        this.status = status;
        this.maxWait = maxWait;
        this.recheck = recheck;
    }

    /**
     * Returns once every projection holds every event up to {@code position}.
     *
     * @param authorization, cookie the caller's credentials, for the command side when it is another process
     * @throws StillSyncingException when that takes longer than the configured wait
     */
    public void await(long position, String authorization, String cookie) {
        if (!waitFor(position, authorization, cookie, maxWait)) {
            throw new StillSyncingException(position);
        }
    }

    @Override
    public boolean awaitProjected(long position, Duration max) {
        return waitFor(position, null, null, max);
    }

    private boolean waitFor(long position, String authorization, String cookie, Duration max) {
        Reached known = reached;
        long resets = projected.resets();
        if (known.resets() == resets && position <= known.position()) {
            return true;
        }
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (!reached(position, authorization, cookie)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Woken when a processor of this instance commits; the timeout covers processors of other instances.
                projected.awaitAdvance(Math.min(left, recheck.toNanos()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (known.resets() != resets || position > known.position()) {
            reached = new Reached(resets, position);
        }
        return true;
    }

    private record Reached(long resets, long position) {
    }

    boolean reached(long position, String authorization, String cookie) {
        Map<String, Map<Integer, Long>> positions = projected.current();
        Set<Integer> topicPartitions = partitions;
        if (topicPartitions != null) {
            boolean everywhere = QuerySideConfiguration.PROCESSORS.stream().allMatch(processor -> {
                Map<Integer, Long> applied = positions.getOrDefault(processor, Map.of());
                return topicPartitions.stream().allMatch(p -> applied.getOrDefault(p, -1L) >= position);
            });
            if (everywhere) {
                return true;
            }
        }
        try {
            EventStoreHead.Head head = status.head(authorization, cookie);
            if (head.publishedThrough() < position) {
                return false;
            }
            // Read after the command side said every event up to the position is in Kafka: these ends lie past them.
            Map<TopicPartition, Long> ends = status.endOffsets();
            Set<Integer> known = new HashSet<>();
            ends.keySet().forEach(partition -> known.add(partition.partition()));
            partitions = known;
            for (String processor : QuerySideConfiguration.PROCESSORS) {
                Map<Integer, Long> applied = positions.getOrDefault(processor, Map.of());
                List<TopicPartition> remaining = new ArrayList<>();
                ends.keySet().stream().filter(p -> applied.getOrDefault(p.partition(), -1L) < position)
                        .forEach(remaining::add);
                if (remaining.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> read = status.positions(processor);
                for (TopicPartition partition : remaining) {
                    long next = read.getOrDefault(partition, -1L) + 1;
                    if (next < ends.get(partition)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // The command side or Kafka did not answer: not reached as far as anyone can tell; the wait goes on.
            log.debug("Could not check position {}: {}", position, e.toString());
            return false;
        }
    }
}
