package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A data-entry mistake in the registration was corrected; the record carries the whole corrected registration. */
@Revision("1")
public record RegistrationCorrected(
        String requestId,
        String caseNo,
        Applicant applicant,
        Channel channel,
        LocalDate submittedOn,
        LocalDate confirmedOn,
        LocalDate receivedOn,
        String description,
        int itemCount,
        RequestedForm requestedForm,
        String reason) implements RequestEvent {
}
