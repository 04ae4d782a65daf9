package cn.foi.command.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command refused because it breaks a rule of the law or of the request's state. The message names the rule in words
 * a clerk understands; nothing is stored.
 */
public class RuleViolation extends RuntimeException {

    /** How the API answers: bad input (400), a state that forbids it (409), or something unknown (404). */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final String rule;
    private final String field;
    /** Every input at fault when several were checked together; otherwise just this one. */
    private final List<RuleViolation> all;

    private RuleViolation(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
        this.all = List.of(this);
    }

    private RuleViolation(List<RuleViolation> violations) {
        super(violations.stream().map(Throwable::getMessage).collect(Collectors.joining("；")));
        RuleViolation first = violations.get(0);
        this.kind = first.kind;
        this.rule = first.rule;
        this.field = first.field;
        this.all = List.copyOf(violations);
    }

    /**
     * The bad inputs of a form found together, so that a clerk sees every one at once instead of one per submit: the
     * first names the rule and the field, each keeps its own field and message ({@link #all()}).
     */
    public static RuleViolation allOf(List<RuleViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violation to report");
        }
        return violations.size() == 1 ? violations.get(0) : new RuleViolation(List.copyOf(violations.stream()
                .flatMap(v -> v.all().stream()).toList()));
    }

    /** The input itself is unacceptable, whatever the request's state; {@code field} names the input at fault. */
    public static RuleViolation invalid(String rule, String field, String message) {
        return new RuleViolation(Kind.INVALID, rule, field, message);
    }

    /** The request's state forbids the command. */
    public static RuleViolation conflict(String rule, String message) {
        return new RuleViolation(Kind.CONFLICT, rule, null, message);
    }

    public static RuleViolation notFound(String rule, String message) {
        return new RuleViolation(Kind.NOT_FOUND, rule, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable key of the rule, for clients that react to particular rules. */
    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    /** Each input at fault with its own field and message: this one alone unless several were found together. */
    public List<RuleViolation> all() {
        return all;
    }
}
