package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.checked;
import static cn.foi.command.request.InputChecks.notBefore;

import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.shared.InputLimits;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.FeeMethod;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.platform.fees.FeePolicy;
import cn.foi.platform.limits.FieldLimits;
import cn.foi.platform.limits.TextField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 收费 (条例 42; 国办函〔2020〕109号; docs/domain.md §1.5), as a value of the request: the last fee notice, whether it is
 * paid, recorded as lapsed by the clerk (逾期未缴费) or found past its payment period by the system, and the day the last
 * fee was paid. An unpaid fee stops the answer clock if the agency so chose; the request decides when the clock stops
 * and runs again, this value tells it how long a fee holds it. The request replaces it in its event sourcing handlers.
 *
 * @param noticeOn       the day the last fee notice was given, or null before the first
 * @param unpaid         the last notice is neither paid nor replaced: the applicant owes the fee
 * @param paidOn         the day the last fee was paid, or null: a fee that held the clock stopped holding it that day
 * @param lapseRecorded  the clerk recorded the last notice as not paid in time
 * @param deadlinePassed the system found the last notice's payment period passed, so that it tells the clerk once
 */
record Fee(LocalDate noticeOn, boolean unpaid, LocalDate paidOn, boolean lapseRecorded, boolean deadlinePassed) {

    /** A request no fee was asked for. */
    static final Fee NONE = new Fee(null, false, null, false, false);

    /**
     * A fee notice as the clerk gives it, checked.
     *
     * @param amount the fee asked for, or null when the imported ledger did not record it
     * @param quoted the fee the clerk was shown by the standard, or null when no quote was asked for
     * @param reason why the amount differs from the quote (减免), or empty
     */
    record Notice(LocalDate noticeOn, BigDecimal amount, FeeMethod method, BigDecimal quoted, String reason) {
    }

    /** One notice at a time: a new one only once the last is paid (one recorded lapsed is still owed). */
    void requireNoNoticeUnpaid() {
        if (unpaid) {
            throw RuleViolation.conflict("FEE_NOTICE_OPEN", "已于 " + noticeOn + " 发出收费通知，尚未缴费或逾期");
        }
    }

    /**
     * The notice as given, checked field by field in the order of the form: the amount, the method, the date (not
     * before 109号 was in force), the quote, and a reason when the amount departs from the quote.
     */
    static Notice checkedNotice(IssueFeeNotice command, LocalDate requestReceivedOn, Clock clock) {
        // Unknown only when the import says the ledger did not record it; a given amount is always checked.
        BigDecimal amount = command.amountNotRecorded() && command.amount() == null
                ? null : InputLimits.feeAmount(command.amount());
        if (command.method() == null) {
            throw RuleViolation.invalid("FEE_METHOD", "method", "请选择收费方式：按件（PER_REQUEST）或按量（PER_PAGE）");
        }
        LocalDate noticeOn = checked(command.noticeOn(), "noticeOn", "收费通知日期", requestReceivedOn, clock);
        if (noticeOn.isBefore(FeePolicy.IN_FORCE_FROM)) {
            throw RuleViolation.invalid("FEE_BEFORE_2021", "noticeOn", "收费通知日期（" + noticeOn
                    + "）早于《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）施行之日 "
                    + FeePolicy.IN_FORCE_FROM + "，此前不得收取信息处理费");
        }
        BigDecimal quoted = command.quotedAmount() == null ? null : checkedQuote(command.quotedAmount());
        String reason = InputChecks.text(TextField.FEE_REDUCTION_REASON, command.reductionReason());
        if (amount != null && quoted != null && amount.compareTo(quoted) != 0 && reason.isEmpty()) {
            throw RuleViolation.invalid("FEE_REDUCTION_REASON_REQUIRED", "reductionReason", "收费金额（"
                    + amount.toPlainString() + " 元）与按标准计算的金额（" + quoted.toPlainString()
                    + " 元）不同，请填写减免理由");
        }
        return new Notice(noticeOn, amount, command.method(), quoted, reason);
    }

    /** The quote the clerk was shown, as the query side computes it: 0 or more, within the largest fee. */
    private static BigDecimal checkedQuote(BigDecimal quoted) {
        if (quoted.signum() < 0 || quoted.compareTo(FieldLimits.MAX_FEE_AMOUNT) > 0) {
            throw RuleViolation.invalid("FEE_QUOTE", "quotedAmount", "按标准计算的金额须在 0 至 "
                    + FieldLimits.MAX_FEE_AMOUNT.toPlainString() + " 元之间");
        }
        return quoted.setScale(FieldLimits.FEE_AMOUNT_DECIMALS, RoundingMode.HALF_UP);
    }

    /** A payment or a lapse is recorded against the notice still unpaid. */
    void requireNoticeUnpaid() {
        if (!unpaid) {
            throw RuleViolation.conflict("NO_FEE_NOTICE", noticeOn == null
                    ? "该申请没有发出过收费通知" : "该申请没有待缴费的收费通知");
        }
    }

    /** The day of the payment as given, checked: not before the notice, not in the future. */
    LocalDate checkedPayment(LocalDate given, LocalDate requestReceivedOn, Clock clock) {
        LocalDate paid = checked(given, "paidOn", "缴费日期", requestReceivedOn, clock);
        notBefore(paid, noticeOn, "paidOn", "缴费日期", "收费通知日期");
        return paid;
    }

    /**
     * The day the clerk records the notice as lapsed, checked: recorded once, and only after the last day to pay (the
     * applicant may still pay on that day).
     */
    LocalDate checkedLapse(LocalDate given, LocalDate requestReceivedOn, Clock clock, WorkingDayCalendar calendar) {
        if (lapseRecorded) {
            throw RuleViolation.conflict("FEE_LAPSE_RECORDED", "已登记过该收费通知逾期未缴费");
        }
        LocalDate lapsedOn = checked(given, "lapsedOn", "逾期日期", requestReceivedOn, clock);
        LocalDate payBy = payBy(calendar);
        if (!lapsedOn.isAfter(payBy)) {
            throw RuleViolation.conflict("FEE_NOT_YET_DUE", "缴费期限为 " + payBy + "，期限届满之后才能登记逾期未缴费");
        }
        return lapsedOn;
    }

    /** 国办函〔2020〕109号: the last day to pay the last notice, counted on the agency's calendar as it is now. */
    LocalDate payBy(WorkingDayCalendar calendar) {
        return FeePolicy.payBy(noticeOn, calendar);
    }

    /** The last day to pay the notice still unpaid, or null when none is: what 逾期未缴费 needs. */
    LocalDate unpaidPayBy(WorkingDayCalendar calendar) {
        return unpaid ? payBy(calendar) : null;
    }

    /** Whether the system still watches the payment period: a notice unpaid that nobody found lapsed yet. */
    boolean deadlineWatched() {
        return unpaid && !lapseRecorded && !deadlinePassed;
    }

    /** Whether an unpaid fee holds the clock: it does from the notice to the payment, if the agency so chose. */
    boolean holdsClock(AgencyCounting.Counting counting) {
        return unpaid && counting.feePausesClock();
    }

    /**
     * The last day of a pause held until {@code heldUntil} by the rest, counting the payment: a fee that held the clock
     * held it up to and including the day it was paid.
     */
    LocalDate holdsUntil(LocalDate heldUntil, AgencyCounting.Counting counting) {
        return paidOn == null || !counting.feePausesClock() || !paidOn.isAfter(heldUntil) ? heldUntil : paidOn;
    }

    // ---- the value after each event

    Fee noticeIssued(LocalDate on) {
        return new Fee(on, true, paidOn, false, false);
    }

    Fee paid(LocalDate on) {
        return new Fee(noticeOn, false, on, lapseRecorded, deadlinePassed);
    }

    Fee lapsed() {
        return new Fee(noticeOn, unpaid, paidOn, true, deadlinePassed);
    }

    Fee deadlinePassedFound() {
        return new Fee(noticeOn, unpaid, paidOn, lapseRecorded, true);
    }
}
