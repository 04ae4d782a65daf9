package cn.foi.query.status;

import cn.foi.platform.status.EventStoreHead;
import cn.foi.query.QuerySideConfiguration;
import cn.foi.query.failures.ParkedEvents;
import cn.foi.query.persistence.QueryDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether every stored event has reached every projection: the command side has stored and published up to its head,
 * and every processor's position in the topic has reached the end of every partition.
 *
 * <p>An event a projection could not apply is parked (ADR 11) and its processor moves on: {@code caughtUp} means every
 * stored event was taken by every processor, applied or parked. {@code parked} says how many were parked and are not
 * in the projections; they wait for an administrator ({@code /api/projections/dead-letters}).
 *
 * <p>Positions are read from the token table, not from the processors in memory, so the answer is the same on every
 * instance of the query side, whichever holds a processor's claim.
 */
@Component
public class ProjectionStatus {

    private final JdbcTemplate jdbc;
    private final ParkedEvents parkedEvents;
    private final Serializer serializer;
    private final ObjectProvider<EventStoreHead> localHead;
    private final String commandUrl;
    private final String bootstrapServers;
    private final String topic;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Admin admin;

    public ProjectionStatus(QueryDatabase database, ParkedEvents parkedEvents,
                            @Qualifier("serializer") Serializer serializer,
                            ObjectProvider<EventStoreHead> localHead,
                            @Value("${foi.query.command-url:}") String commandUrl,
                            @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                            @Value("${axon.kafka.default-topic}") String topic,
                            ObjectMapper json) {
        this.jdbc = database.jdbc();
        this.parkedEvents = parkedEvents;
        this.serializer = serializer;
        this.localHead = localHead;
        this.commandUrl = commandUrl;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.json = json;
    }

    /** One partition of the event topic: its end, and the offset the processor will read next. */
    public record PartitionState(int partition, long end, long next) {
    }

    /** @param parked events this processor could not apply, waiting for an administrator */
    public record ProcessorState(String name, boolean caughtUp, long behind, long parked,
                                 List<PartitionState> partitions) {
    }

    /** @param parked events parked by all processors together: not in the projections although caughtUp */
    public record Status(boolean caughtUp, long parked, EventStoreHead.Head eventStore,
                         List<ProcessorState> processors, String problem) {
    }

    /** @param authorization the caller's credentials, passed on when the command side is another process */
    public Status current(String authorization) {
        return current(authorization, null);
    }

    /**
     * @param cookie the caller's session cookie, passed on with the authorization (the web UI signs in with a cookie)
     */
    public Status current(String authorization, String cookie) {
        Map<String, Long> parked = parkedEvents.countsPerProcessor();
        long parkedTotal = parked.values().stream().mapToLong(Long::longValue).sum();
        EventStoreHead.Head head;
        Map<TopicPartition, Long> ends;
        try {
            head = head(authorization, cookie);
            ends = endOffsets();
        } catch (Exception e) {
            return new Status(false, parkedTotal, null, List.of(),
                    "无法获取事件存储或 Kafka 的位置：" + e.getMessage());
        }
        List<ProcessorState> processors = new ArrayList<>();
        for (String name : QuerySideConfiguration.PROCESSORS) {
            Map<TopicPartition, Long> positions = positions(name);
            long behind = 0;
            List<PartitionState> partitions = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                long next = positions.getOrDefault(end.getKey(), -1L) + 1;
                behind += Math.max(0, end.getValue() - next);
                partitions.add(new PartitionState(end.getKey().partition(), end.getValue(), next));
            }
            partitions.sort(java.util.Comparator.comparingInt(PartitionState::partition));
            processors.add(new ProcessorState(name, behind == 0, behind, parked.getOrDefault(name, 0L), partitions));
        }
        boolean caughtUp = head.fullyPublished() && processors.stream().allMatch(ProcessorState::caughtUp);
        return new Status(caughtUp, parkedTotal, head, processors, null);
    }

    /**
     * @param cookie the caller's session cookie, passed on (with the authorization) when the command side is another
     *               process: the web UI signs in with a cookie, not with HTTP Basic
     */
    EventStoreHead.Head head(String authorization, String cookie) throws Exception {
        EventStoreHead local = localHead.getIfAvailable();
        if (local != null) {
            return local.current();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + "/api/events/head"))
                .timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("命令端返回 HTTP " + response.statusCode());
        }
        return json.readValue(response.body(), EventStoreHead.Head.class);
    }

    synchronized Map<TopicPartition, Long> endOffsets() throws Exception {
        if (admin == null) {
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            admin = Admin.create(config);
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The last offset each partition's events were applied up to, per the stored token of the processor. */
    Map<TopicPartition, Long> positions(String processor) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.query("select token, token_type from token_entry where processor_name = ?", rs -> {
            byte[] bytes = rs.getBytes(1);
            String type = rs.getString(2);
            if (bytes == null || type == null) {
                return;
            }
            TrackingToken token = serializer.deserialize(
                    new SimpleSerializedObject<>(bytes, byte[].class, type, null));
            if (token instanceof ReplayToken replay) {
                token = replay.getCurrentToken();
            }
            if (token instanceof KafkaTrackingToken kafka) {
                kafka.getPositions().forEach((partition, offset) -> positions.merge(partition, offset, Math::max));
            }
        }, processor);
        return positions;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
