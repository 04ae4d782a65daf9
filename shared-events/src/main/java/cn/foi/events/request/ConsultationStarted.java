package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A third party or another agency was consulted (条例 32, 34); the answer clock pauses while it is open, at most until
 * the 15 working days the consulted party has to reply have passed, counted from the delivery (送达), or from the sending
 * when no delivery date is known.
 *
 * <p>Revision 2 added {@code deliveredOn} (optional, null when not known). A revision 1 event reads as one without a
 * delivery date: the field is absent from its JSON, so no upcaster is needed.
 */
@Revision("2")
public record ConsultationStarted(String requestId, int consultationNo, ConsultedParty party, String addressee,
                                  LocalDate startedOn, LocalDate deliveredOn) implements RequestEvent {

    /** A consultation whose delivery date is not known. */
    public ConsultationStarted(String requestId, int consultationNo, ConsultedParty party, String addressee,
                               LocalDate startedOn) {
        this(requestId, consultationNo, party, addressee, startedOn, null);
    }
}
