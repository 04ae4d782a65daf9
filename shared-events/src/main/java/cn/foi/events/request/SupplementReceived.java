package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The supplemented request arrived; the answer period restarts from this day. */
@Revision("1")
public record SupplementReceived(String requestId, LocalDate receivedOn, int round) implements RequestEvent {
}
