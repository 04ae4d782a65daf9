package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The court decided the lawsuit (first instance, as Table 四 counts it). */
@Revision("1")
public record LawsuitDecided(String requestId, int lawsuitNo, AppealResult result, LocalDate decidedOn)
        implements RequestEvent {
}
