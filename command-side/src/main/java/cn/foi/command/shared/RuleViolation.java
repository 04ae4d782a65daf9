package cn.foi.command.shared;

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

    private RuleViolation(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
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
}
