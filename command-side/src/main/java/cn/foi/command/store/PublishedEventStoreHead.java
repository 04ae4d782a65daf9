package cn.foi.command.store;

import cn.foi.platform.status.EventStoreHead;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The newest stored event, and the newest one the Kafka publisher has had acknowledged.
 *
 * <p>The publisher's position is read from the token store, not from this node's processor: with two or more command
 * sides (ADR 33) only one of them holds the publisher's claim, and a query side may ask any of them. A node without the
 * claim has no processing status of its own and would answer "nothing published", so a read waiting for its write
 * would wait out its whole grace on every other node. The stored token is written in the same transaction that ends a
 * batch, after Kafka acknowledged it, so it is never ahead of what is in Kafka.
 */
@Component
public class PublishedEventStoreHead implements EventStoreHead {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final PublicationWatermark watermark;

    public PublishedEventStoreHead(JdbcTemplate jdbc, @Qualifier("serializer") Serializer tokenSerializer,
                                   PublicationWatermark watermark) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.watermark = watermark;
    }

    @Override
    public Head current() {
        Long stored = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        List<TrackingToken> tokens = publisherTokens();
        // A segment without a token yet has published nothing: the minimum over segments is then -1.
        long published = tokens.stream()
                .mapToLong(token -> token == null ? -1 : token.position().orElse(-1))
                .min().orElse(-1);
        long publishedThrough = tokens.stream()
                .mapToLong(token -> token == null ? -1 : watermark.through(token))
                .min().orElse(-1);
        return new Head(stored == null ? 0 : stored, published, publishedThrough);
    }

    private List<TrackingToken> publisherTokens() {
        return jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (row, n) -> {
                    byte[] token = row.getBytes("token");
                    String type = row.getString("token_type");
                    if (token == null || type == null) {
                        return null;
                    }
                    return tokenSerializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
                },
                KafkaEventPublisher.DEFAULT_PROCESSING_GROUP);
    }
}
