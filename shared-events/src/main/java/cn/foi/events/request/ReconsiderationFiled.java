package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The applicant applied for administrative reconsideration (行政复议) of the answer. */
@Revision("1")
public record ReconsiderationFiled(String requestId, int reconsiderationNo, LocalDate filedOn) implements RequestEvent {
}
