package cn.foi.events.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The applicant was told to pay an information processing fee (条例 42). Amount in 元.
 *
 * <p>Revision 2: the amount may be null, meaning “金额未记录” — a notice imported from a ledger that records the
 * notice's date but not its amount (the documented ledger format has no amount column). The fields are those of
 * revision 1, so events stored in revision 1 read as they are; the new revision tells readers that a null amount is
 * now possible and must be shown as unknown, never taken as 0.
 *
 * <p>Revision 3 adds two optional fields: {@code quotedAmount}, the fee the system computed under 国办函〔2020〕109号
 * when the clerk issued the notice, and {@code reductionReason}, why the notice's amount differs from it (减免). Both
 * are null in the events of earlier revisions and in imported notices: no quote was shown, so nothing is flagged.
 */
@Revision("3")
public record FeeNoticeIssued(String requestId, LocalDate noticeOn, BigDecimal amount, FeeMethod method,
                              BigDecimal quotedAmount, String reductionReason) implements RequestEvent {

    /** A notice issued without a quote (events before revision 3, ledger imports). */
    public FeeNoticeIssued(String requestId, LocalDate noticeOn, BigDecimal amount, FeeMethod method) {
        this(requestId, noticeOn, amount, method, null, null);
    }

    /** Whether the notice's amount is known; false only for notices imported without one. */
    public boolean hasAmount() {
        return amount != null;
    }

    /** Whether the clerk charged another amount than the quote (a 减免, with its reason). */
    public boolean differsFromQuote() {
        return amount != null && quotedAmount != null && amount.compareTo(quotedAmount) != 0;
    }
}
