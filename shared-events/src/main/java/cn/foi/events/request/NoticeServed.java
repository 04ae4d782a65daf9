package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A notice reached its recipient (送达): the day, the way and who received it. A later NoticeServed for the same
 * notice corrects the record and says why; the last one stands.
 *
 * @param recipient        who received it when not the applicant (a family member, the unit's mail room); null = the
 *                         applicant or the addressee the notice names
 * @param correctionReason why an earlier record of the service is corrected; null for the first record
 */
@Revision("1")
public record NoticeServed(String requestId, String number, LocalDate servedOn, ServiceMethod method,
                           String recipient, String correctionReason) implements RequestEvent {
}
