package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A third party or another agency was consulted (条例 32, 34); the answer clock pauses while it is open. */
@Revision("1")
public record ConsultationStarted(String requestId, int consultationNo, ConsultedParty party, String addressee,
                                  LocalDate startedOn) implements RequestEvent {
}
