package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A written notice was issued for the request under its own number. The generated document is kept byte for byte by
 * the command side; {@code sha256} is the hex SHA-256 of those bytes, so that anyone holding the file can prove it is
 * the one issued, and {@code templateVersion} names the template it was written from.
 *
 * @param number         the document number as printed (某街道依申公〔2025〕3号)
 * @param seriesYear     the year of the series the number belongs to (the year of {@code issuedOn})
 * @param sequence       the number's place in its series (agency, kind, year), from 1 without gaps
 * @param servesNumber   for a 送达回证 the number of the notice it accompanies; null for every other kind (revision 2;
 *                       revision 1 had no such kind and reads with null)
 */
@Revision("2")
public record NoticeIssued(String requestId, NoticeKind kind, String number, int seriesYear, int sequence,
                           LocalDate issuedOn, String templateVersion, String sha256, String servesNumber)
        implements RequestEvent {

    /** A notice that serves no other. */
    public NoticeIssued(String requestId, NoticeKind kind, String number, int seriesYear, int sequence,
                        LocalDate issuedOn, String templateVersion, String sha256) {
        this(requestId, kind, number, seriesYear, sequence, issuedOn, templateVersion, sha256, null);
    }
}
