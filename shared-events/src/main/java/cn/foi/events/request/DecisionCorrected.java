package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A recorded decision was wrong as entered; this is the decision as it should have been recorded. */
@Revision("1")
public record DecisionCorrected(String requestId, Outcome outcome, LocalDate decidedOn, LocalDate servedOn, String note,
                                String reason) implements RequestEvent {
}
