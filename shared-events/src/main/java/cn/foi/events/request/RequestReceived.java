package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A request was received and registered (条例 27–31).
 *
 * @param submittedOn the day the applicant handed it in, sent it or submitted it online
 * @param confirmedOn the day the office confirmed it with the applicant (ordinary letters, online, fax), else null
 * @param receivedOn  the receipt date of 条例 31, from which the answer period counts
 * @param itemCount   how many distinct pieces of information are asked for
 */
@Revision("1")
public record RequestReceived(
        String requestId,
        String agencyCode,
        String caseNo,
        Applicant applicant,
        Channel channel,
        LocalDate submittedOn,
        LocalDate confirmedOn,
        LocalDate receivedOn,
        String description,
        int itemCount,
        RequestedForm requestedForm) implements RequestEvent {
}
