package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The answer period was extended, once, by at most 20 working days (条例 33). */
@Revision("1")
public record AnswerPeriodExtended(String requestId, LocalDate extendedOn, int workingDays, String reason)
        implements RequestEvent {
}
