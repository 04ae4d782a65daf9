package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The 补正 deadline passed with no supplement; the request may be closed as 逾期不补正. */
@Revision("1")
public record SupplementLapseRecorded(String requestId, LocalDate lapsedOn, int round) implements RequestEvent {
}
