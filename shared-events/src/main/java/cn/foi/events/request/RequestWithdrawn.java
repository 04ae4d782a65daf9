package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The applicant withdrew the request (撤回); it closes as 其他处理·其他 (R3_6_3). */
@Revision("1")
public record RequestWithdrawn(String requestId, LocalDate withdrawnOn, String note) implements RequestEvent {
}
