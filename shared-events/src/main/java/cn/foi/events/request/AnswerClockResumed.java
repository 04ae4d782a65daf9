package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The answer clock runs again: the last consultation ended or the fee was paid. The period is lengthened by the working
 * days it stood still, counted on the calendar in force when it resumed.
 */
@Revision("1")
public record AnswerClockResumed(String requestId, LocalDate pausedOn, LocalDate resumedOn, int standstillWorkingDays)
        implements RequestEvent {
}
