package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A notice was voided (作废): it was wrong and must not be relied on. Its number keeps its place in the series and is
 * never given again, its document stays on file, and the same kind may be issued anew under the next number.
 */
@Revision("1")
public record NoticeVoided(String requestId, String number, LocalDate voidedOn, String reason)
        implements RequestEvent {
}
