package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The reconsideration body decided. */
@Revision("1")
public record ReconsiderationDecided(String requestId, int reconsiderationNo, AppealResult result, LocalDate decidedOn)
        implements RequestEvent {
}
