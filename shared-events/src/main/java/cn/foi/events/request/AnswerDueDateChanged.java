package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The statutory answer date of the request is now {@code dueOn}.
 *
 * @param explanation how the date was computed, in words a clerk can check (e.g. 自2025-03-03起第20个工作日)
 */
@Revision("1")
public record AnswerDueDateChanged(String requestId, LocalDate dueOn, DueDateReason reason, String explanation)
        implements RequestEvent {
}
