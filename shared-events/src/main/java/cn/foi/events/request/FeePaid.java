package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The applicant paid the fee of the open fee notice. */
@Revision("1")
public record FeePaid(String requestId, LocalDate paidOn) implements RequestEvent {
}
