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
 */
@Revision("2")
public record FeeNoticeIssued(String requestId, LocalDate noticeOn, BigDecimal amount, FeeMethod method)
        implements RequestEvent {

    /** Whether the notice's amount is known; false only for notices imported without one. */
    public boolean hasAmount() {
        return amount != null;
    }
}
