package cn.foi.command.request;

import cn.foi.command.shared.InputLimits;
import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.limits.TextField;
import java.time.Clock;
import java.time.LocalDate;

/** The date and text checks every command shares: present, not in the future, not before what it follows. */
final class InputChecks {

    private InputChecks() {
    }

    static LocalDate required(LocalDate date, String field, String what) {
        if (date == null) {
            throw RuleViolation.invalid("DATE_REQUIRED", field, "请填写" + what);
        }
        return date;
    }

    static void notInFuture(LocalDate date, String field, String what, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (date != null && date.isAfter(today)) {
            throw RuleViolation.invalid("DATE_IN_FUTURE", field,
                    what + "（" + date + "）晚于今天（" + today + "），不能登记尚未发生的事项");
        }
    }

    /**
     * How far ahead a deadline the agency sets itself (a 补正 deadline, a 条例 35 answer date) may lie: the law's periods
     * are weeks, and even a request of thousands of items is answered within months. A date years ahead (9999-12-31)
     * is a typing slip that would keep the request off every overdue list for ever.
     */
    static final int MAX_YEARS_AHEAD = 2;

    /** A deadline at most {@link #MAX_YEARS_AHEAD} years after the day it was set. */
    static void notAbsurdlyFar(LocalDate date, LocalDate setOn, String field, String what) {
        LocalDate latest = setOn.plusYears(MAX_YEARS_AHEAD);
        if (date != null && date.isAfter(latest)) {
            throw RuleViolation.invalid("DATE_TOO_FAR", field, what + "（" + date + "）不能晚于 " + latest + "（告知之日起 "
                    + MAX_YEARS_AHEAD + " 年），请核对");
        }
    }

    /** A date of the request's history must not precede an earlier step, such as the receipt of the request. */
    static void notBefore(LocalDate date, LocalDate earlier, String field, String what, String earlierWhat) {
        if (date != null && earlier != null && date.isBefore(earlier)) {
            throw RuleViolation.invalid("DATE_BEFORE_" + field.toUpperCase(), field,
                    what + "（" + date + "）不能早于" + earlierWhat + "（" + earlier + "）");
        }
    }

    /** Required, not in the future, not before the receipt: the common case. */
    static LocalDate checked(LocalDate date, String field, String what, LocalDate receivedOn, Clock clock) {
        required(date, field, what);
        notInFuture(date, field, what, clock);
        if (date.isBefore(receivedOn)) {
            throw RuleViolation.invalid("DATE_BEFORE_RECEIPT", field,
                    what + "（" + date + "）不能早于收到申请日期（" + receivedOn + "）");
        }
        return date;
    }

    /** An optional text as stored (stripped, empty when missing), within its limits. */
    static String text(TextField field, String value) {
        return InputLimits.text(field, value == null ? "" : value.strip());
    }

    static String requiredText(TextField field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("TEXT_REQUIRED", field.field(), message);
        }
        return InputLimits.text(field, value.strip());
    }
}
