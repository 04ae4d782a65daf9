package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A consultation ended by a reply or by the lapse of its period. */
@Revision("1")
public record ConsultationEnded(String requestId, int consultationNo, LocalDate endedOn, ConsultationEnding ending,
                                String opinion) implements RequestEvent {
}
