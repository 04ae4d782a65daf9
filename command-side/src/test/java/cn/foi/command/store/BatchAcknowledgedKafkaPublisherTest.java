package cn.foi.command.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.embedded.EmbeddedKafkaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** A batch reaches a real Kafka broker whole and in order, and a batch the broker does not acknowledge fails. */
class BatchAcknowledgedKafkaPublisherTest {

    private static BatchAcknowledgedKafkaPublisher<String, byte[]> publisher(String bootstrapServers, String topic,
                                                                            Duration timeout) {
        ProducerFactory<String, byte[]> producers = DefaultProducerFactory.<String, byte[]>builder()
                .configuration(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000))
                .confirmationMode(ConfirmationMode.WAIT_FOR_ACK)
                .build();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return new BatchAcknowledgedKafkaPublisher<>(producers, DefaultKafkaMessageConverter.builder()
                .serializer(serializer).build(), event -> java.util.Optional.of(topic),
                NoOpMessageMonitor.instance(), timeout, serializer, new PublicationWatermark(Duration.ofSeconds(3)));
    }

    private static void inOneBatch(BatchAcknowledgedKafkaPublisher<String, byte[]> publisher,
                                   List<EventMessage<?>> events) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
        unitOfWork.execute(() -> events.forEach(publisher::send));
    }

    @Test
    void theEventsOfABatchArriveInTheirOrderOnceTheBatchCommits() {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.shared();
        String topic = "publisher-test-" + UUID.randomUUID();
        BatchAcknowledgedKafkaPublisher<String, byte[]> publisher = publisher(kafka.bootstrapServers(), topic,
                Duration.ofSeconds(30));
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(GenericEventMessage.asEventMessage("事件 " + i));
        }

        inOneBatch(publisher, events);
        publisher.shutDown();

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publisher-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < events.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        // One partition (the embedded broker's default for a new topic): the order of the batch is the order received.
        List<String> expected = events.stream().map(event -> "\"" + event.getPayload() + "\"").toList();
        assertThat(received).containsExactlyElementsOf(expected);
    }

    @Test
    void aBatchTheBrokerDoesNotAcknowledgeFailsSoThatItIsSentAgain() {
        // Nothing listens on this port: the producer never gets an acknowledgement.
        BatchAcknowledgedKafkaPublisher<String, byte[]> publisher = publisher("127.0.0.1:1", "nowhere",
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> inOneBatch(publisher,
                List.of(GenericEventMessage.asEventMessage("不会送达"))))
                .isInstanceOf(EventPublicationFailedException.class);
        publisher.shutDown();
    }
}
