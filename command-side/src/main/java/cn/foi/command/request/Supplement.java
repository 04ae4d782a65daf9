package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.checked;
import static cn.foi.command.request.InputChecks.notBefore;

import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 补正 (条例 30; docs/domain.md §1.2), as a value of the request: the notices asking the applicant to supplement the
 * request, one round at a time, and what came of the last one (received, recorded as lapsed by the clerk, or found past
 * its deadline by the system). Its rules refuse in the clerk's words; the request replaces it in its event sourcing
 * handlers, as it does its {@link AnswerPeriod}. That a received 补正 restarts the answer period is the period's rule
 * ({@link AnswerPeriod#restartedOn}).
 *
 * @param rounds              the notices sent so far; the last one's number
 * @param awaited             the last notice is sent and neither its 补正 received nor anything else closed it
 * @param requestedOn         the day the last notice was given, or null before the first
 * @param dueOn               the deadline the last notice set, or null before the first
 * @param receivedOn          the day the last 补正 was received, or null when none ever was
 * @param lapseRecorded       the clerk recorded the last notice as not answered in time (逾期未补正)
 * @param deadlinePassedRound the round whose deadline the system found passed, so that it tells the clerk once
 */
record Supplement(int rounds, boolean awaited, LocalDate requestedOn, LocalDate dueOn, LocalDate receivedOn,
                  boolean lapseRecorded, int deadlinePassedRound) {

    /** 条例 30: a 补正 notice is due within seven working days of receipt; a later one is still valid, but late. */
    static final int NOTICE_PERIOD = 7;

    /** A request nobody asked to supplement. */
    static final Supplement NONE = new Supplement(0, false, null, null, null, false, 0);

    /** 补正应一次性告知: another notice only once the last one is answered (or recorded lapsed and then received). */
    void requireMayAskAgain() {
        if (awaited) {
            throw RuleViolation.conflict("SUPPLEMENT_ALREADY_REQUESTED", "已于 " + requestedOn
                    + " 发出补正通知，尚未收到补正；补正应一次性告知，请先登记补正结果");
        }
    }

    /** The number of the next notice. */
    int nextRound() {
        return rounds + 1;
    }

    /** The deadline a notice sets: given, within reach, and after the notice itself. */
    static LocalDate checkedDueOn(LocalDate given, LocalDate requestedOn) {
        LocalDate due = InputChecks.required(given, "dueOn", "补正期限");
        InputChecks.notAbsurdlyFar(due, requestedOn, "dueOn", "补正期限");
        if (!due.isAfter(requestedOn)) {
            throw RuleViolation.invalid("SUPPLEMENT_DUE_NOT_AFTER_NOTICE", "dueOn",
                    "补正期限（" + due + "）须晚于补正告知日期（" + requestedOn + "）");
        }
        return due;
    }

    /** Whether a notice given on this day comes later than the seven working days after the receipt (条例 30). */
    static boolean late(LocalDate requestedOn, LocalDate requestReceivedOn, WorkingDayCalendar calendar) {
        return requestedOn.isAfter(calendar.addWorkingDays(requestReceivedOn, NOTICE_PERIOD));
    }

    /** The day a 补正 arrived as given, checked: only for a notice awaited, not before it, not in the future. */
    LocalDate checkedReceipt(LocalDate given, LocalDate requestReceivedOn, Clock clock) {
        if (!awaited) {
            throw RuleViolation.conflict("NO_SUPPLEMENT_REQUESTED", rounds == 0
                    ? "该申请没有发出过补正通知，不能登记补正"
                    : "该申请的补正已于 " + receivedOn + " 收到，没有待补正的通知");
        }
        LocalDate received = checked(given, "receivedOn", "补正收到日期", requestReceivedOn, clock);
        notBefore(received, requestedOn, "receivedOn", "补正收到日期", "补正告知日期");
        return received;
    }

    /**
     * The day the clerk records the notice as lapsed (逾期未补正), checked: a notice awaited, recorded once, and only
     * after its deadline (the applicant may still supplement on its last day).
     */
    LocalDate checkedLapse(LocalDate given, LocalDate requestReceivedOn, Clock clock) {
        if (!awaited) {
            throw RuleViolation.conflict("NO_SUPPLEMENT_REQUESTED", "该申请没有待补正的通知");
        }
        if (lapseRecorded) {
            throw RuleViolation.conflict("SUPPLEMENT_LAPSE_RECORDED", "已登记过该补正通知逾期未补正");
        }
        LocalDate lapsedOn = checked(given, "lapsedOn", "逾期日期", requestReceivedOn, clock);
        if (!lapsedOn.isAfter(dueOn)) {
            throw RuleViolation.conflict("SUPPLEMENT_NOT_YET_DUE",
                    "补正期限为 " + dueOn + "，期限届满之后才能登记逾期未补正");
        }
        return lapsedOn;
    }

    /** Whether the system still watches the deadline: a notice awaited that nobody, clerk or system, found lapsed. */
    boolean deadlineWatched() {
        return awaited && !lapseRecorded && deadlinePassedRound != rounds;
    }

    /** The deadline of the notice awaited, or null when none is: what 逾期不补正 needs ({@link OutcomePreconditions}). */
    LocalDate awaitedDueOn() {
        return awaited ? dueOn : null;
    }

    /** A 补正 arrived at some time: what 补正后申请内容仍不明确 needs. */
    boolean everReceived() {
        return receivedOn != null;
    }

    // ---- the value after each event

    Supplement requested(int round, LocalDate on, LocalDate due) {
        return new Supplement(round, true, on, due, receivedOn, false, deadlinePassedRound);
    }

    Supplement received(LocalDate on) {
        return new Supplement(rounds, false, requestedOn, dueOn, on, lapseRecorded, deadlinePassedRound);
    }

    Supplement lapsed() {
        return new Supplement(rounds, awaited, requestedOn, dueOn, receivedOn, true, deadlinePassedRound);
    }

    Supplement deadlinePassed(int round) {
        return new Supplement(rounds, awaited, requestedOn, dueOn, receivedOn, lapseRecorded, round);
    }
}
