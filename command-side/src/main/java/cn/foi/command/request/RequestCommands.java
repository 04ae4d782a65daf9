package cn.foi.command.request;

import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a clerk can ask of a disclosure request. Each is refused with a reason when the request's state forbids it. */
public final class RequestCommands {

    private RequestCommands() {
    }

    public record RegisterRequest(@TargetAggregateIdentifier String requestId, String agencyCode,
                                  Registration registration) {
    }

    public record CorrectRegistration(@TargetAggregateIdentifier String requestId, Registration registration,
                                      String reason) {
    }

    public record AskForSupplement(@TargetAggregateIdentifier String requestId, LocalDate requestedOn,
                                    LocalDate dueOn, String items) {
    }

    public record RecordSupplement(@TargetAggregateIdentifier String requestId, LocalDate receivedOn) {
    }

    public record RecordSupplementLapse(@TargetAggregateIdentifier String requestId, LocalDate lapsedOn) {
    }

    public record ExtendAnswerPeriod(@TargetAggregateIdentifier String requestId, LocalDate extendedOn,
                                     int workingDays, String reason) {
    }

    /** {@code deliveredOn}, optional: the day the consulted party received it (送达); its fifteen days count from then. */
    public record StartConsultation(@TargetAggregateIdentifier String requestId, ConsultedParty party,
                                    String addressee, LocalDate startedOn, LocalDate deliveredOn) {

        public StartConsultation(String requestId, ConsultedParty party, String addressee, LocalDate startedOn) {
            this(requestId, party, addressee, startedOn, null);
        }
    }

    public record EndConsultation(@TargetAggregateIdentifier String requestId, int consultationNo, LocalDate endedOn,
                                  ConsultationEnding ending, String opinion) {
    }

    /**
     * A fee notice. {@code amountNotRecorded} is set only by a ledger import whose row has the notice's date and no
     * amount: the notice is then recorded with its amount unknown (null) instead of refused. A clerk's notice always
     * has an amount, since the clerk is the one issuing it.
     */
    /**
     * @param quotedAmount    the fee the clerk was shown (GET /api/requests/{id}/fee-quote), if a quote was asked for
     * @param reductionReason why the amount differs from the quote (减免); required when it does
     */
    public record IssueFeeNotice(@TargetAggregateIdentifier String requestId, LocalDate noticeOn, BigDecimal amount,
                                 FeeMethod method, boolean amountNotRecorded, BigDecimal quotedAmount,
                                 String reductionReason) {

        public IssueFeeNotice(String requestId, LocalDate noticeOn, BigDecimal amount, FeeMethod method) {
            this(requestId, noticeOn, amount, method, false);
        }

        public IssueFeeNotice(String requestId, LocalDate noticeOn, BigDecimal amount, FeeMethod method,
                              boolean amountNotRecorded) {
            this(requestId, noticeOn, amount, method, amountNotRecorded, null, null);
        }
    }

    public record RecordFeePayment(@TargetAggregateIdentifier String requestId, LocalDate paidOn) {
    }

    public record RecordFeeLapse(@TargetAggregateIdentifier String requestId, LocalDate lapsedOn) {
    }

    public record SetLaterAnswerDate(@TargetAggregateIdentifier String requestId, LocalDate setOn,
                                     LocalDate answerBy, String reason) {
    }

    public record DecideRequest(@TargetAggregateIdentifier String requestId, Outcome outcome, LocalDate decidedOn,
                                LocalDate servedOn, String note) {
    }

    public record CorrectDecision(@TargetAggregateIdentifier String requestId, Outcome outcome, LocalDate decidedOn,
                                  LocalDate servedOn, String note, String reason) {
    }

    /** A new answer ordered by a reconsideration or a court whose result was 纠正 (重新答复). */
    public record RedecideRequest(@TargetAggregateIdentifier String requestId, Outcome outcome, LocalDate decidedOn,
                                  LocalDate servedOn, String note) {
    }

    /** Give the request to a handler (承办人), or to nobody when {@code handler} is null. */
    public record AssignHandler(@TargetAggregateIdentifier String requestId, String handler, String assignedBy) {
    }

    public record WithdrawRequest(@TargetAggregateIdentifier String requestId, LocalDate withdrawnOn, String note) {
    }

    /**
     * Links the request to an earlier one of the same agency (重复申请). The caller has checked that the earlier request
     * exists and belongs to the same agency, and gives its case number for the timeline.
     */
    public record LinkToEarlierRequest(@TargetAggregateIdentifier String requestId, String earlierRequestId,
                                       String earlierCaseNo, String reason) {
    }

    public record FileReconsideration(@TargetAggregateIdentifier String requestId, LocalDate filedOn) {
    }

    public record DecideReconsideration(@TargetAggregateIdentifier String requestId, int reconsiderationNo,
                                        AppealResult result, LocalDate decidedOn) {
    }

    public record FileLawsuit(@TargetAggregateIdentifier String requestId, LocalDate filedOn,
                              boolean afterReconsideration) {
    }

    public record DecideLawsuit(@TargetAggregateIdentifier String requestId, int lawsuitNo, AppealResult result,
                                LocalDate decidedOn) {
    }

    /**
     * Sent by the system when a watched deadline comes. Answers the day to look again when the deadline has not passed
     * yet on the current calendar, or null when there is nothing more to watch.
     */
    public record CheckDeadline(@TargetAggregateIdentifier String requestId, DeadlineKind kind) {
    }
}
