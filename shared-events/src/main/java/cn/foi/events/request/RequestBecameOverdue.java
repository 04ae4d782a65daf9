package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The answer period ended on {@code dueOn} and the request was still open: it is overdue (逾期未答复). Recorded by the
 * system the day after; a later due date (a correction, a calendar change) can end it, and is recorded in turn.
 */
@Revision("1")
public record RequestBecameOverdue(String requestId, LocalDate dueOn) implements RequestEvent {
}
