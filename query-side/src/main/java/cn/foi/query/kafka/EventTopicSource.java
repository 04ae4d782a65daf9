package cn.foi.query.kafka;

import java.util.List;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The source of every projection: the event topic, read in poll order (see {@link PollOrderBuffer}), each event
 * tagged with its partition (see {@link PartitionTaggingConverter}). Declared here, the extension's own source, which
 * sorts by timestamp, is not created.
 */
@Configuration(proxyBeanMethods = false)
public class EventTopicSource {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    StreamableKafkaMessageSource<?, ?> streamableKafkaMessageSource(ConsumerFactory consumerFactory, Fetcher fetcher,
                                                                   KafkaMessageConverter messageConverter,
                                                                   @Qualifier("eventSerializer") Serializer serializer,
                                                                   @Value("${axon.kafka.default-topic}") String topic,
                                                                   @Value("${axon.kafka.fetcher.buffer-size:1000}")
                                                                   int bufferSize) {
        return StreamableKafkaMessageSource.builder()
                .topics(List.of(topic))
                .consumerFactory(consumerFactory)
                .fetcher(fetcher)
                .messageConverter(new PartitionTaggingConverter<>(messageConverter))
                .serializer(serializer)
                .bufferFactory(() -> new PollOrderBuffer(bufferSize))
                .build();
    }
}
