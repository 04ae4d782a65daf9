package cn.foi.query.kafka;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

/**
 * Reads the topic's records as the extension does, adding the partition a record came from to the event's metadata.
 * A projection's progress in terms of the command side's global index is only meaningful per partition (the events of
 * one partition arrive in the order they were sent, those of different partitions do not), see
 * {@code ProjectedPositions}.
 */
public class PartitionTaggingConverter<K, V> implements KafkaMessageConverter<K, V> {

    /** The metadata key of the partition a consumed event came from. */
    public static final String PARTITION = "foiKafkaPartition";

    private final KafkaMessageConverter<K, V> delegate;

    public PartitionTaggingConverter(KafkaMessageConverter<K, V> delegate) {
        this.delegate = delegate;
    }

    @Override
    public ProducerRecord<K, V> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        return delegate.createKafkaMessage(eventMessage, topic);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<K, V> consumerRecord) {
        return delegate.readKafkaMessage(consumerRecord)
                .map(event -> event.andMetaData(Map.of(PARTITION, consumerRecord.partition())));
    }
}
