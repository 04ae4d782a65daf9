package cn.foi.query.kafka;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

/**
 * Hands the records of the event topic to a processor in the order they were polled.
 *
 * <p>The extension's default buffer re-sorts records by timestamp. But each record's tracking token is built in poll
 * order, as the positions of everything read before it; re-sorted, the last record a processor handles can carry an
 * older token than records it handled before, so the stored position goes backwards: after a restart events are read
 * again, and the projection never looks caught up. Poll order is the order of each partition, which is all that the
 * events of one request (one key, one partition) need.
 */
public class PollOrderBuffer implements Buffer<KafkaEventMessage> {

    private final BlockingQueue<KafkaEventMessage> queue;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public PollOrderBuffer(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void put(KafkaEventMessage message) throws InterruptedException {
        queue.put(message);
    }

    @Override
    public void putAll(Collection<KafkaEventMessage> messages) throws InterruptedException {
        for (KafkaEventMessage message : messages) {
            queue.put(message);
        }
    }

    @Override
    public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        throwIfFailed();
        return queue.poll(timeout, unit);
    }

    @Override
    public KafkaEventMessage take() throws InterruptedException {
        throwIfFailed();
        return queue.take();
    }

    @Override
    public KafkaEventMessage peek() {
        throwIfFailed();
        return queue.peek();
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    @Override
    public void clear() {
        queue.clear();
    }

    /** The fetcher reports a failure here; the processor meets it on its next read and goes into error mode. */
    @Override
    public void setException(RuntimeException exception) {
        failure.set(exception);
    }

    private void throwIfFailed() {
        RuntimeException exception = failure.get();
        if (exception != null && queue.isEmpty()) {
            throw exception;
        }
    }
}
