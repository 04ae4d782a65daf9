package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The request was answered with one outcome (条例 36–39).
 *
 * @param decidedOn the day the answer was made: the date the report counts
 * @param servedOn  the day it was served on the applicant (送达), if known
 * @param note      the specific reason where the outcome asks for one (其他处理·其他)
 */
@Revision("1")
public record RequestDecided(String requestId, Outcome outcome, LocalDate decidedOn, LocalDate servedOn, String note)
        implements RequestEvent {
}
