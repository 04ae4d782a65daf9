package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.checked;
import static cn.foi.command.request.InputChecks.notBefore;

import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A reconsideration or a lawsuit against the request's answer (条例 51): filed, then decided once. A decision that
 * corrects the answer orders one new answer (重新答复). Part of the request (an {@code @AggregateMember} of it): its
 * state changes only in the event sourcing handlers of the request and of its own kind.
 */
abstract class Appeal {

    private final AppealKind kind;
    private final int number;
    private final LocalDate filedOn;
    private AppealResult result;
    private LocalDate decidedOn;
    private boolean answeredAnew;

    Appeal(AppealKind kind, int number, LocalDate filedOn) {
        this.kind = kind;
        this.number = number;
        this.filedOn = filedOn;
    }

    AppealKind kind() {
        return kind;
    }

    int number() {
        return number;
    }

    LocalDate filedOn() {
        return filedOn;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    boolean pending() {
        return result == null;
    }

    /** Decided with the result 纠正 and not yet answered anew: the agency owes the applicant a new answer. */
    boolean awaitsNewAnswer() {
        return result == AppealResult.CORRECTED && !answeredAnew;
    }

    boolean corrected() {
        return result == AppealResult.CORRECTED;
    }

    /** "第 1 件行政复议": how the clerk is told which appeal is meant. */
    String label() {
        return "第 " + number + " 件" + kind.label();
    }

    /** What the decision's date is called on the form: the date of the reconsideration decision, of the judgment. */
    abstract String decisionDateName();

    /** What the filing date is called on the form. */
    abstract String filingDateName();

    /**
     * The date of its decision as given, checked: an appeal is decided once, not before it was filed and not in the
     * future.
     */
    LocalDate checkedDecisionDate(LocalDate given, LocalDate receivedOn, Clock clock) {
        if (!pending()) {
            throw RuleViolation.conflict("APPEAL_ALREADY_DECIDED",
                    label() + "已于 " + decidedOn + " 作出决定（" + result.label() + "）");
        }
        LocalDate decided = checked(given, "decidedOn", decisionDateName(), receivedOn, clock);
        notBefore(decided, filedOn, "decidedOn", decisionDateName(), filingDateName());
        return decided;
    }

    void decided(AppealResult decidedAs, LocalDate on) {
        result = decidedAs;
        decidedOn = on;
    }

    void answeredAnew() {
        answeredAnew = true;
    }

    /**
     * Equal when in the same state: the request's state is compared by value, as Axon's test fixture does when it checks
     * that a command's events rebuild the very state the command left (no change outside an event sourcing handler).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Appeal that && getClass() == that.getClass() && kind == that.kind
                && number == that.number && filedOn.equals(that.filedOn) && result == that.result
                && Objects.equals(decidedOn, that.decidedOn) && answeredAnew == that.answeredAnew;
    }

    /** From what never changes after the filing: an appeal's hash stays put while it is decided. */
    @Override
    public int hashCode() {
        return Objects.hash(kind, number, filedOn);
    }
}
