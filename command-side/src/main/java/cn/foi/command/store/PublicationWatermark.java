package cn.foi.command.store;

import java.time.Duration;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far publication to Kafka is complete: the highest global index such that every event at or below it has been
 * handed to Kafka (or will never exist).
 *
 * <p>Why not the publisher's position: events are committed out of index order (two clerks' commands take indexes 99
 * and 100, the second commits first), so the publisher may send 100 while 99 is still a gap in its token. A reader
 * waiting for "everything up to 99" must not be told it is there because 100 is. The watermark stops below the lowest
 * gap.
 *
 * <p>But not every gap will be filled: a transaction that rolls back after its events took their indexes (a command
 * refused when its case number was taken at the last moment) leaves gaps Axon only forgets after 5,000 more events. A gap is therefore waited for at most
 * {@code foi.kafka.gap-grace} (3 s) from the moment the publisher first sees it; a commit of an event that had taken
 * its index longer ago than that (a command held up that long) may be reported as published slightly early.
 */
@Component
public class PublicationWatermark {

    private final long graceNanos;
    private final Map<Long, Long> gapsFirstSeen = new ConcurrentHashMap<>();

    public PublicationWatermark(@Value("${foi.kafka.gap-grace:PT3S}") Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** The watermark given the publisher's token; -1 when nothing is known. */
    public long through(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            token = replay.getCurrentToken();
        }
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return token == null ? -1 : token.position().orElse(-1);
        }
        long now = System.nanoTime();
        long index = gapAware.getIndex();
        SortedSet<Long> gaps = gapAware.getGaps();
        // Gaps below the token's index that it no longer lists are filled (or dropped) for good.
        gapsFirstSeen.keySet().removeIf(gap -> gap <= index && !gaps.contains(gap));
        for (Long gap : gaps) {
            long firstSeen = gapsFirstSeen.computeIfAbsent(gap, g -> now);
            if (now - firstSeen < graceNanos) {
                return gap - 1;
            }
        }
        return index;
    }
}
