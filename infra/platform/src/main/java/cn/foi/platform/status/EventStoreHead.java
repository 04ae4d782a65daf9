package cn.foi.platform.status;

/**
 * How far the command side has got: the last event stored, and the last one handed to Kafka. The query side compares it
 * with its own positions to say whether every stored event has reached every projection.
 */
public interface EventStoreHead {

    Head current();

    /**
     * @param lastStored       the global index of the newest stored event, 0 when the store is empty
     * @param lastPublished    the global index of the newest event acknowledged by Kafka, -1 when none yet
     * @param publishedThrough every event at or below this global index has been acknowledged by Kafka: unlike
     *                         {@code lastPublished} it stops below an event that took its index earlier but committed
     *                         later (a gap), which a read waiting for a position must not pass
     */
    record Head(long lastStored, long lastPublished, long publishedThrough) {

        public boolean fullyPublished() {
            return lastStored == 0 || lastPublished >= lastStored;
        }
    }
}
