package cn.foi.query.failures;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A projection's failure as it may be logged and stored: the type of what went wrong and a message without any value.
 *
 * <p>Why: the message of a failed write quotes its SQL with the parameters (PostgreSQL's batch errors name the whole
 * statement, Spring's translated exceptions repeat it): an applicant's name and ID number would land in the logs and in
 * the dead-letter table. This exception has no cause, so whoever logs it prints nothing but this; it keeps the original
 * stack trace, which holds no values.
 */
public class ProjectionFailure extends RuntimeException {

    /** Anything quoted in a database message is a value (or a name we can do without). */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|\\([^)]*\\)=\\([^)]*\\)");

    private final String causeType;
    private final String causeMessage;

    private ProjectionFailure(String what, String causeType, String causeMessage, StackTraceElement[] stackTrace) {
        super(what + ": " + causeType + (causeMessage == null ? "" : " (" + causeMessage + ")"));
        this.causeType = causeType;
        this.causeMessage = causeMessage;
        setStackTrace(stackTrace);
    }

    /** The failure of {@code failure}, described without values; itself when it already is one. */
    public static ProjectionFailure of(String what, Throwable failure) {
        if (failure instanceof ProjectionFailure known) {
            return known;
        }
        return new ProjectionFailure(what, failure.getClass().getName(), describe(failure), failure.getStackTrace());
    }

    /** The class of the exception the projection threw. */
    public String causeType() {
        return causeType;
    }

    /** The database's own words, with every quoted value masked, and its SQLState; null when not a database error. */
    public String causeMessage() {
        return causeMessage;
    }

    /**
     * Only a database error is described, from the server's first line (its "Detail:" line quotes the row): a message
     * of the projections' own code may contain anything.
     */
    static String describe(Throwable failure) {
        SQLException sql = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException e) {
                sql = e;
                break;
            }
        }
        if (sql == null) {
            return null;
        }
        // A batch's own message is the whole statement with its values; the server's error is the next one.
        if (sql instanceof BatchUpdateException && sql.getNextException() != null) {
            sql = sql.getNextException();
        }
        String message = sql instanceof BatchUpdateException || sql.getMessage() == null ? ""
                : sql.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
        message = QUOTED.matcher(message).replaceAll("…").strip();
        String described = (message.isEmpty() ? "" : message + " ") + "[SQLState " + sql.getSQLState() + "]";
        return described.length() > 1000 ? described.substring(0, 1000) : described;
    }
}
