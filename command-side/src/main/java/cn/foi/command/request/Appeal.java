package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.checked;
import static cn.foi.command.request.InputChecks.notBefore;

import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.ReconsiderationDecided;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * A reconsideration (行政复议) or a lawsuit (行政诉讼) against the request's answer (条例 51): filed, then decided once. A
 * decision that corrects the answer orders one new answer (重新答复). Both kinds follow the same rules, so they are one
 * entity that knows its kind: an {@code @AggregateMember} of the request, kept in a map by its number for each kind.
 * Each map names the event property that carries its number ({@code reconsiderationNo}, {@code lawsuitNo}), so Axon
 * hands a decision only to the appeal of its kind and number (ADR 0032). The request files appeals; the state of an
 * appeal changes only in the event sourcing handlers, here and in the request.
 */
final class Appeal {

    private final AppealKind kind;
    @EntityId
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

    /** What the filing date of an appeal of this kind is called on the form. */
    static String filingDateName(AppealKind kind) {
        return switch (kind) {
            case RECONSIDERATION -> "行政复议申请日期";
            case LAWSUIT -> "起诉日期";
        };
    }

    /** What the date of its decision is called on the form: the date of the reconsideration decision, of the judgment. */
    static String decisionDateName(AppealKind kind) {
        return switch (kind) {
            case RECONSIDERATION -> "行政复议决定日期";
            case LAWSUIT -> "判决日期";
        };
    }

    /**
     * The date of its decision as given, checked: an appeal is decided once, not before it was filed and not in the
     * future.
     */
    LocalDate checkedDecisionDate(LocalDate given, LocalDate receivedOn, Clock clock) {
        if (!pending()) {
            throw RuleViolation.conflict("APPEAL_ALREADY_DECIDED",
                    label() + "已于 " + decidedOn + " 作出决定（" + result.label() + "）");
        }
        LocalDate decided = checked(given, "decidedOn", decisionDateName(kind), receivedOn, clock);
        notBefore(decided, filedOn, "decidedOn", decisionDateName(kind), filingDateName(kind));
        return decided;
    }

    /** Reaches only a reconsideration: the map of lawsuits routes by {@code lawsuitNo}, which this event lacks. */
    @EventSourcingHandler
    void on(ReconsiderationDecided event) {
        decided(event.result(), event.decidedOn());
    }

    /** Reaches only a lawsuit: the map of reconsiderations routes by {@code reconsiderationNo}, which this event lacks. */
    @EventSourcingHandler
    void on(LawsuitDecided event) {
        decided(event.result(), event.decidedOn());
    }

    private void decided(AppealResult decidedAs, LocalDate on) {
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
        return other instanceof Appeal that && kind == that.kind && number == that.number
                && filedOn.equals(that.filedOn) && result == that.result && Objects.equals(decidedOn, that.decidedOn)
                && answeredAnew == that.answeredAnew;
    }

    /** From what never changes after the filing: an appeal's hash stays put while it is decided. */
    @Override
    public int hashCode() {
        return Objects.hash(kind, number, filedOn);
    }
}
