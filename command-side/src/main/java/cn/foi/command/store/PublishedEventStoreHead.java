package cn.foi.command.store;

import cn.foi.platform.status.EventStoreHead;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The newest stored event, and the newest one the Kafka publisher has had acknowledged. */
@Component
public class PublishedEventStoreHead implements EventStoreHead {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final PublicationWatermark watermark;

    public PublishedEventStoreHead(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                                   PublicationWatermark watermark) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.watermark = watermark;
    }

    @Override
    public Head current() {
        Long stored = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        var statuses = processing
                .eventProcessor(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElse(java.util.List.of());
        long published = statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min().orElse(-1);
        long publishedThrough = statuses.stream()
                .mapToLong(status -> watermark.through(status.getTrackingToken()))
                .min().orElse(-1);
        return new Head(stored == null ? 0 : stored, published, publishedThrough);
    }

}
