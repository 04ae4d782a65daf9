package cn.foi.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one topic that carries every event from the command side to the query side.
 *
 * <p>Created explicitly rather than on first use: with unlimited retention, because the query side rebuilds its
 * projections by reading the topic from the start, and with a fixed number of partitions, because events are keyed by
 * request and a change of the partition count would break the order of a request's events.
 *
 * <p>On a cluster of three brokers (ADR 0033) the topic keeps three replicas of each partition and accepts a write only
 * when two of them hold it ({@code min.insync.replicas} 2, with the producer's {@code acks=all}): one broker may die
 * without losing an acknowledged event or stopping the writes. On one broker both are 1.
 */
public final class EventTopic {

    private static final Logger log = LoggerFactory.getLogger(EventTopic.class);

    /** Metadata of every event on the topic: its global index in the event store (for whoever reads the topic). */
    public static final String GLOBAL_INDEX = "foiGlobalIndex";

    /**
     * Metadata of every event on the topic: every event at or below this global index had been sent to the topic when
     * this one was (see the command side's {@code PublicationWatermark}). A projection that has applied an event
     * carrying {@code n} has applied every event of that partition up to global index {@code n}.
     */
    public static final String PUBLISHED_THROUGH = "foiPublishedThrough";

    private EventTopic() {
    }

    public static void ensureExists(String bootstrapServers, String topic, int partitions) {
        ensureExists(bootstrapServers, topic, partitions, 1, 1);
    }

    public static void ensureExists(String bootstrapServers, String topic, int partitions, int replicationFactor,
                                    int minInsyncReplicas) {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("FOI_KAFKA_MIN_INSYNC_REPLICAS (" + minInsyncReplicas + ") must be "
                    + "between 1 and FOI_KAFKA_REPLICATION_FACTOR (" + replicationFactor + ")");
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            if (existing.contains(topic)) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic, partitions, (short) replicationFactor)
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete",
                            "min.insync.replicas", String.valueOf(minInsyncReplicas),
                            "unclean.leader.election.enable", "false"));
            admin.createTopics(List.of(newTopic)).all().get(60, TimeUnit.SECONDS);
            log.info("Created event topic {} with {} partitions, {} replicas ({} in sync for a write) and unlimited "
                    + "retention", topic, partitions, replicationFactor, minInsyncReplicas);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Kafka 主题 " + topic + " 无法创建: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the event topic", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka (" + bootstrapServers + ") 无法连接", e);
        }
    }
}
