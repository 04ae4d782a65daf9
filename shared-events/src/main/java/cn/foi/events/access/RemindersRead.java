package cn.foi.events.access;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A user marked some of the system's reminders read (已读). A reminder is derived on the query side from a request's
 * state and has a stable key: the request, the kind of reminder and the deadline it is about
 * ({@code requestId:KIND:yyyy-MM-dd}). The mark is an event, not a row one query side writes, so that every query side
 * shows it and a rebuilt projection keeps it.
 *
 * @param keys the keys marked read by this event: none of them was read before
 */
@Revision("1")
public record RemindersRead(String username, List<String> keys, Instant readAt) {

    public RemindersRead {
        keys = List.copyOf(keys);
    }
}
