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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
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

    // ---- rules over the appeals of a request: the request passes in its maps (its members, ADR 0032)

    /**
     * The appeal of this kind a command names. Looked up by the request rather than by Axon's routing to the entity,
     * which would refuse an unknown number with its own exception instead of the clerk's words (ADR 0032).
     */
    static Appeal named(Map<Integer, Appeal> ofKind, AppealKind kind, int number) {
        Appeal appeal = ofKind.get(number);
        if (appeal == null) {
            throw RuleViolation.notFound("APPEAL_UNKNOWN", "该申请没有第 " + number + " 件" + kind.label());
        }
        return appeal;
    }

    /** An appeal contests the answer given (条例 51): it is dated on or after the answer, and not in the future. */
    static LocalDate checkedFilingDate(AppealKind kind, LocalDate given, LocalDate receivedOn, LocalDate answeredOn,
                                       Clock clock) {
        LocalDate filedOn = checked(given, "filedOn", filingDateName(kind), receivedOn, clock);
        notBefore(filedOn, answeredOn, "filedOn", filingDateName(kind), "答复日期");
        return filedOn;
    }

    /**
     * The reconsideration a lawsuit filed after one (复议后起诉) follows: the last one decided, decided no later than the
     * filing. Refused when none is decided.
     */
    static Appeal reconsiderationBefore(LocalDate lawsuitFiledOn, Collection<Appeal> reconsiderations) {
        Appeal decided = reconsiderations.stream()
                .filter(reconsideration -> !reconsideration.pending())
                .max(Comparator.comparingInt(Appeal::number))
                .orElseThrow(() -> RuleViolation.conflict("NO_DECIDED_RECONSIDERATION",
                        "复议后起诉须在行政复议作出决定之后；该申请没有已决定的行政复议"));
        notBefore(lawsuitFiledOn, decided.decidedOn(), "filedOn", filingDateName(AppealKind.LAWSUIT),
                decisionDateName(AppealKind.RECONSIDERATION));
        return decided;
    }

    /** The result of a decision, which the clerk must choose. */
    static AppealResult requiredResult(AppealResult result) {
        if (result == null) {
            throw RuleViolation.invalid("RESULT_REQUIRED", "result", "请选择结果：UPHELD（维持）、CORRECTED（纠正）或 OTHER（其他）");
        }
        return result;
    }

    /**
     * The appeal a new answer (重新答复) answers: the earliest decided whose result was 纠正 and that has no new answer
     * yet. Refused, saying which, when none corrected the answer or all those that did are answered anew.
     */
    static Appeal awaitingNewAnswer(Collection<Appeal> reconsiderations, Collection<Appeal> lawsuits) {
        List<Appeal> corrected = Stream.concat(reconsiderations.stream(), lawsuits.stream())
                .filter(Appeal::corrected)
                .sorted(Comparator.comparing(Appeal::kind).thenComparing(Appeal::number))
                .toList();
        if (corrected.isEmpty()) {
            throw RuleViolation.conflict("NO_CORRECTED_APPEAL", "只有行政复议或行政诉讼的结果为“纠正”之后才能重新答复；"
                    + "该申请没有结果为纠正的行政复议或行政诉讼。如原答复登记有误，请使用“更正答复”");
        }
        return corrected.stream()
                .filter(Appeal::awaitsNewAnswer)
                .min(Comparator.comparing(Appeal::decidedOn)
                        .thenComparing(Appeal::kind)
                        .thenComparing(Appeal::number))
                .orElseThrow(() -> RuleViolation.conflict("ALREADY_REDECIDED", "结果为纠正的"
                        + String.join("、", corrected.stream().map(Appeal::label).toList())
                        + (corrected.size() > 1 ? "均" : "") + "已重新答复；再次重新答复须有另一件结果为纠正的行政复议或行政诉讼"));
    }

    /**
     * An appeal is filed against an answer already given: a correction cannot date that answer after the first appeal
     * of this kind ({@code filed} says what the applicant did, e.g. 申请行政复议).
     */
    static void requireAnswerNotAfter(LocalDate correctedAnswerOn, Collection<Appeal> appeals, String filed) {
        appeals.stream().map(Appeal::filedOn).min(LocalDate::compareTo)
                .filter(correctedAnswerOn::isAfter)
                .ifPresent(filedOn -> {
                    throw RuleViolation.conflict("DECISION_AFTER_APPEAL", "申请人已于 " + filedOn + " 对该答复" + filed
                            + "，更正后的答复日期（" + correctedAnswerOn + "）不能晚于该日期");
                });
    }

    // ---- state

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
