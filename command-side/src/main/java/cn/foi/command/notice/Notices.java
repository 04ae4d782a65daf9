package cn.foi.command.notice;

import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import java.time.LocalDate;

/**
 * Writes a notice the request has allowed: takes the next number of its series, generates the document and keeps it.
 * Called inside the command's transaction, so that a refused or failed command leaves neither a number nor a document.
 */
public interface Notices {

    /**
     * The event that records the notice; the caller applies it.
     *
     * @param servesNumber for a 送达回证 the number of the notice it accompanies (the request checked it is its own and
     *                     not voided); null for every other kind
     */
    NoticeIssued issue(String requestId, String agencyCode, NoticeKind kind, LocalDate issuedOn, String servesNumber);

    default NoticeIssued issue(String requestId, String agencyCode, NoticeKind kind, LocalDate issuedOn) {
        return issue(requestId, agencyCode, kind, issuedOn, null);
    }
}
