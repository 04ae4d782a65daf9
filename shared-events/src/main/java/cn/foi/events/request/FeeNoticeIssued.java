package cn.foi.events.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The applicant was told to pay an information processing fee (条例 42). Amount in 元. */
@Revision("1")
public record FeeNoticeIssued(String requestId, LocalDate noticeOn, BigDecimal amount, FeeMethod method)
        implements RequestEvent {
}
