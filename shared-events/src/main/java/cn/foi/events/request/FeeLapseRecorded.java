package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The payment period passed without payment; the request may be closed as 逾期未缴费. */
@Revision("1")
public record FeeLapseRecorded(String requestId, LocalDate lapsedOn) implements RequestEvent {
}
