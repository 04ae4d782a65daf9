package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The 补正 deadline of the given round passed with no supplement recorded. The clerk is told that the request may be
 * closed as 逾期不补正; whether the applicant had good reason is the clerk's judgment, so the system closes nothing.
 */
@Revision("1")
public record SupplementDeadlinePassed(String requestId, int round, LocalDate dueOn) implements RequestEvent {
}
