package cn.foi.command.request;

import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.shared.RuleViolation;
import java.time.LocalDate;

/**
 * The period a request must be answered in (条例 31–35, or 24 of the 2008 条例; docs/domain.md §1.2–§1.5), as a value:
 * where it starts (the receipt, or the receipt of a 补正, which restarts it), the working days of its 条例, the one
 * extension, the working days the clock stood still, the clock standing still now, a later answer date set under 条例 35,
 * and the due date last announced. Each step returns a new period; the due date and its explanation follow from it and
 * from the agency's calendar and settings, passed in as they are looked up when the question is asked.
 *
 * @param regulation        the 条例 chosen by the receipt date: its answer days, its longest extension
 * @param receivedOn        the receipt date, which tells a period counted from the receipt from one restarted by a 补正
 * @param start             the day the period counts from
 * @param extended          whether the period was extended (条例 33 allows it once)
 * @param extensionDays     the working days it was extended by
 * @param laterAnswerDate   the date set under 条例 35, which replaces the counted due date, or null
 * @param pausedSince       since when the clock stands still (a consultation, an unpaid fee), or null while it runs
 * @param pausedWorkingDays the working days it stood still since the period started: they lengthen it by as much
 * @param dueOn             the due date last announced, or null before the first announcement
 */
record AnswerPeriod(Regulation regulation, LocalDate receivedOn, LocalDate start, boolean extended, int extensionDays,
                    LocalDate laterAnswerDate, LocalDate pausedSince, int pausedWorkingDays, LocalDate dueOn) {

    /** A due date with the words that tell the clerk and the applicant how it was counted. */
    record DueDate(LocalDate on, String explanation) {
    }

    /** The period of a request just received: it counts from the receipt under the 条例 in force that day. */
    static AnswerPeriod fromReceipt(LocalDate receivedOn) {
        return new AnswerPeriod(Regulation.forReceipt(receivedOn), receivedOn, receivedOn, false, 0, null, null, 0,
                null);
    }

    /**
     * The receipt date corrected: a period still counted from the receipt moves with it, one restarted by a 补正 keeps
     * its start; the 条例 is chosen again by the corrected date.
     */
    AnswerPeriod withReceiptCorrected(LocalDate correctedReceipt) {
        LocalDate newStart = start.equals(receivedOn) ? correctedReceipt : start;
        return new AnswerPeriod(Regulation.forReceipt(correctedReceipt), correctedReceipt, newStart, extended,
                extensionDays, laterAnswerDate, pausedSince, pausedWorkingDays, dueOn);
    }

    /** 条例 30: the period starts afresh from the day the 补正 arrives, so no earlier standstill counts any more. */
    AnswerPeriod restartedOn(LocalDate supplementReceivedOn) {
        return new AnswerPeriod(regulation, receivedOn, supplementReceivedOn, extended, extensionDays, laterAnswerDate,
                pausedSince, 0, dueOn);
    }

    /** 条例 33: the period extended by the working days the agency told the applicant. */
    AnswerPeriod extendedBy(int workingDays) {
        return new AnswerPeriod(regulation, receivedOn, start, true, workingDays, laterAnswerDate, pausedSince,
                pausedWorkingDays, dueOn);
    }

    /** 条例 35: the agency set a later date to answer by; it replaces the counted due date. */
    AnswerPeriod answeredBy(LocalDate answerBy) {
        return new AnswerPeriod(regulation, receivedOn, start, extended, extensionDays, answerBy, pausedSince,
                pausedWorkingDays, dueOn);
    }

    /** The clock stands still from this day. */
    AnswerPeriod pausedOn(LocalDate day) {
        return new AnswerPeriod(regulation, receivedOn, start, extended, extensionDays, laterAnswerDate, day,
                pausedWorkingDays, dueOn);
    }

    /** The clock runs again; the working days it stood still lengthen the period. */
    AnswerPeriod resumedAfter(int standstillWorkingDays) {
        return new AnswerPeriod(regulation, receivedOn, start, extended, extensionDays, laterAnswerDate, null,
                pausedWorkingDays + standstillWorkingDays, dueOn);
    }

    /** The due date as announced to the clerk: what later checks (overdue, a later date, an extension) compare with. */
    AnswerPeriod announced(LocalDate due) {
        return new AnswerPeriod(regulation, receivedOn, start, extended, extensionDays, laterAnswerDate, pausedSince,
                pausedWorkingDays, due);
    }

    /** 条例 33: the period is extended once, by at most the working days its 条例 allows. */
    void requireExtensibleBy(int workingDays) {
        if (extended) {
            throw RuleViolation.conflict("ALREADY_EXTENDED", "该申请已延长过一次答复期限，依条例第三十三条只能延长一次");
        }
        if (workingDays < 1 || workingDays > regulation.maxExtension()) {
            throw RuleViolation.invalid("EXTENSION_TOO_LONG", "workingDays",
                    "延长的期限须为 1 至 " + regulation.maxExtension() + " 个工作日，不能为 " + workingDays);
        }
    }

    /**
     * 条例 33: the applicant is told of an extension before the period expires. {@code heldUntil} is the last day a pause
     * still holding the clock stands by what is recorded (see {@link #endAsOf}).
     */
    void requireNotExpiredOn(AgencyCounting.Counting counting, LocalDate extendedOn, LocalDate heldUntil) {
        LocalDate expiredAfter = endAsOf(counting, extendedOn, heldUntil);
        if (expiredAfter != null && extendedOn.isAfter(expiredAfter)) {
            throw RuleViolation.conflict("EXTENSION_AFTER_DUE_DATE",
                    "答复期限已于 " + expiredAfter + " 届满，延期须在期限届满前告知申请人");
        }
    }

    /** 条例 35: the date set to answer by, as given, checked: within reach and later than the due date it replaces. */
    LocalDate checkedLaterAnswerDate(LocalDate given, LocalDate setOn) {
        LocalDate answerBy = InputChecks.required(given, "answerBy", "确定的答复期限");
        InputChecks.notAbsurdlyFar(answerBy, setOn, "answerBy", "确定的答复期限");
        if (dueOn != null && !answerBy.isAfter(dueOn)) {
            throw RuleViolation.invalid("LATER_DATE_NOT_LATER", "answerBy",
                    "依条例第三十五条确定的答复期限（" + answerBy + "）须晚于现有答复期限（" + dueOn + "）");
        }
        return answerBy;
    }

    boolean paused() {
        return pausedSince != null;
    }

    /** The due date that follows from the period and the agency's counting, with its explanation. */
    DueDate due(AgencyCounting.Counting counting) {
        if (laterAnswerDate != null) {
            return new DueDate(laterAnswerDate, "依条例第三十五条确定的答复期限");
        }
        int days = regulation.answerDays() + extensionDays + pausedWorkingDays;
        String from = start.equals(receivedOn) ? "收到申请之日" : "收到补正之日";
        return new DueDate(dueWithStandstill(counting, 0), "自" + from + "（" + start + "）"
                + (counting.countFromReceiptDay() ? "当日" : "次日") + "起第 " + days + " 个工作日"
                + (extensionDays > 0 ? "（含延长的 " + extensionDays + " 个工作日）" : "")
                + (pausedWorkingDays > 0 ? "（含暂停计算顺延的 " + pausedWorkingDays + " 个工作日）" : "")
                + regulation.citation());
    }

    /** The due date counted from the start, with the standstill recorded and as many more working days as given. */
    LocalDate dueWithStandstill(AgencyCounting.Counting counting, int moreStandstill) {
        int days = regulation.answerDays() + extensionDays + pausedWorkingDays + moreStandstill;
        return counting.calendar().addWorkingDays(counting.countingBase(start), days);
    }

    /**
     * The working days the clock stood still if it runs again on the given day: those after the day it stopped, up to
     * and including that day. The standstill counts whole, even past the due date it would otherwise have had (条例 32,
     * 34: the time is not counted at all); only a pause that began once the period had expired cannot revive it.
     */
    int standstillUntil(AgencyCounting.Counting counting, LocalDate resumedOn) {
        boolean beganInPeriod = dueOn == null || pausedSince.isBefore(dueOn);
        return beganInPeriod && pausedSince.isBefore(resumedOn)
                ? counting.calendar().workingDaysBetween(pausedSince, resumedOn) : 0;
    }

    /**
     * The last day of the period as it stands on the given day, counting a pause that was still holding the clock then
     * until {@code heldUntil} (null: no end known): null when the clock stood still that day since before the period
     * expired, since it cannot have expired.
     */
    LocalDate endAsOf(AgencyCounting.Counting counting, LocalDate day, LocalDate heldUntil) {
        if (dueOn == null || pausedSince == null || laterAnswerDate != null) {
            return dueOn;
        }
        if (heldUntil == null || !heldUntil.isBefore(day)) {
            return pausedSince.isBefore(dueOn) ? null : dueOn;
        }
        int standstill = standstillUntil(counting, heldUntil);
        return standstill == 0 ? dueOn : dueWithStandstill(counting, standstill);
    }
}
