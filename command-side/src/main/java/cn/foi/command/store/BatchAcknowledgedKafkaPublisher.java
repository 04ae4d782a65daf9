package cn.foi.command.store;

import cn.foi.platform.kafka.EventTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.serialization.Serializer;

/**
 * Publishes the events of one tracking batch to Kafka and waits for the broker's acknowledgements once, when the batch
 * commits, instead of once per event.
 *
 * <p>Why: axon-kafka 4.9's publisher waits for each event's acknowledgement before it hands the next one to the
 * producer, so publishing never goes faster than one broker round trip plus {@code linger.ms} per event, about 150
 * events per second on the two-core target machine: a calendar change touching 100,000 open requests, or a ledger of
 * 15,000 rows, would reach the query side after minutes. Here the producer gets the whole batch at once and sends it
 * in a few requests.
 *
 * <p>The guarantee does not change: the tracking token only moves when every event of the batch has been acknowledged;
 * a failure rolls the batch back and it is sent again (at least once; the projections are idempotent). Order per
 * request is kept by the idempotent producer. Only the acknowledged mode is batched: the other confirmation modes keep
 * the library's behaviour.
 */
public class BatchAcknowledgedKafkaPublisher<K, V> extends KafkaPublisher<K, V> {

    private final ProducerFactory<K, V> producerFactory;
    private final KafkaMessageConverter<K, V> messageConverter;
    private final TopicResolver topicResolver;
    private final MessageMonitor<? super EventMessage<?>> messageMonitor;
    private final Duration acknowledgementTimeout;
    private final PublicationWatermark watermark;
    private final String batchResourceKey = getClass().getName() + ".batch@" + System.identityHashCode(this);

    public BatchAcknowledgedKafkaPublisher(ProducerFactory<K, V> producerFactory,
                                           KafkaMessageConverter<K, V> messageConverter, TopicResolver topicResolver,
                                           MessageMonitor<? super EventMessage<?>> messageMonitor,
                                           Duration acknowledgementTimeout, Serializer serializer,
                                           PublicationWatermark watermark) {
        // The serializer is the events' own: without one the library's builder logs an alarming XStream warning,
        // although the message converter does all the serializing.
        super(KafkaPublisher.<K, V>builder()
                .serializer(serializer)
                .producerFactory(producerFactory)
                .messageConverter(messageConverter)
                .topicResolver(topicResolver)
                .messageMonitor(messageMonitor)
                .publisherAckTimeout(acknowledgementTimeout.toMillis()));
        this.producerFactory = producerFactory;
        this.messageConverter = messageConverter;
        this.topicResolver = topicResolver;
        this.messageMonitor = messageMonitor;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.watermark = watermark;
    }

    @Override
    public <T extends EventMessage<?>> void send(T original) {
        EventMessage<?> event = withPosition(original);
        if (producerFactory.confirmationMode() != ConfirmationMode.WAIT_FOR_ACK || !CurrentUnitOfWork.isStarted()) {
            super.send(event);
            return;
        }
        Optional<String> topic = topicResolver.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        Batch batch = CurrentUnitOfWork.get().root().getOrComputeResource(batchResourceKey, key -> openBatch());
        MessageMonitor.MonitorCallback monitor = messageMonitor.onMessageIngested(event);
        batch.sent.add(new Sent(batch.producer.send(messageConverter.createKafkaMessage(event, topic.get())),
                monitor));
    }

    /**
     * The event with its place in the event store: the query side's offsets in the topic say nothing about global
     * indexes, so each message tells it which index it is and up to which index everything had been sent with it
     * ({@link PublicationWatermark}). That is what lets a read wait for "everything up to the position of my write".
     */
    private EventMessage<?> withPosition(EventMessage<?> event) {
        if (!(event instanceof TrackedEventMessage<?> tracked) || tracked.trackingToken() == null) {
            return event;
        }
        Map<String, Object> position = new HashMap<>();
        tracked.trackingToken().position().ifPresent(index -> position.put(EventTopic.GLOBAL_INDEX, index));
        position.put(EventTopic.PUBLISHED_THROUGH, watermark.through(tracked.trackingToken()));
        return event.andMetaData(position);
    }

    private Batch openBatch() {
        Batch batch = new Batch(producerFactory.createProducer());
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(batch));
        unitOfWork.onCleanup(u -> close(batch.producer));
        return batch;
    }

    private void awaitAcknowledgements(Batch batch) {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        // Without this the last records would wait for linger.ms before leaving.
        batch.producer.flush();
        for (Sent sent : batch.sent) {
            try {
                sent.acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.monitor.reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(sent, e);
            } catch (ExecutionException | TimeoutException e) {
                throw failed(sent, e);
            }
        }
    }

    private static EventPublicationFailedException failed(Sent sent, Exception cause) {
        sent.monitor.reportFailure(cause);
        return new EventPublicationFailedException(
                "Kafka did not acknowledge an event of the batch; the batch will be published again", cause);
    }

    private static void close(Producer<?, ?> producer) {
        try {
            // The factory's shared producer ignores this; a pooled one goes back to its pool.
            producer.close();
        } catch (RuntimeException e) {
            // Nothing is lost: every event of the batch was acknowledged or the batch was rolled back.
        }
    }

    private final class Batch {
        final Producer<K, V> producer;
        final List<Sent> sent = new ArrayList<>();

        Batch(Producer<K, V> producer) {
            this.producer = producer;
        }
    }

    private record Sent(Future<RecordMetadata> acknowledgement, MessageMonitor.MonitorCallback monitor) {
    }
}
