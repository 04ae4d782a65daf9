package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The agency asked the applicant to complete an unclear request (补正, 条例 30).
 *
 * @param round      1 for the first notice; a second round happens in practice and is irregular
 * @param noticeLate whether the notice went out after the 7 working days the law allows
 */
@Revision("1")
public record SupplementRequested(String requestId, LocalDate requestedOn, LocalDate dueOn, String items, int round,
                                  boolean noticeLate) implements RequestEvent {
}
