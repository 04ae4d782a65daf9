package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The twenty working days to pay the fee noticed on {@code noticeOn} ended on {@code payBy} with no payment recorded.
 * The clerk is told that the request may be closed as 逾期未缴费; the system closes nothing by itself.
 */
@Revision("1")
public record FeePaymentDeadlinePassed(String requestId, LocalDate noticeOn, LocalDate payBy)
        implements RequestEvent {
}
