package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The answer clock stopped: a consultation was sent (条例 32, 34) or a fee notice issued, and that time does not count.
 *
 * @param cause {@code CONSULTATION} or {@code FEE}
 */
@Revision("1")
public record AnswerClockPaused(String requestId, LocalDate pausedOn, String cause) implements RequestEvent {
}
