package cn.foi.platform.logging;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Exceptions as they may be logged: their classes and stack frames, never their messages. Messages carry what the
 * failing call was given: Spring JDBC's include the SQL and PostgreSQL's the values of the row (a key's value, a whole
 * row on a constraint failure), Jackson's the text it could not read, Axon's the command. Those are applicants' names,
 * ID numbers and contacts, which must not reach a log. Where a failure is logged, log ids and {@link #of} it.
 */
public final class Redacted {

    /** Deep enough for any real chain of causes; a longer one is cut off rather than walked for ever. */
    private static final int MAX_CAUSES = 16;

    private Redacted() {
    }

    /**
     * The exception's chain with each message replaced by its class name (and a database error's SQLState, which says
     * what went wrong without saying with which values), keeping every stack frame.
     */
    public static Throwable of(Throwable e) {
        return copy(e, new IdentityHashMap<>(), 0);
    }

    /** One line for a warning: the classes of the chain, outermost first. */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, true) == null && seen.size() <= MAX_CAUSES; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(name(t));
        }
        return text.toString();
    }

    private static Throwable copy(Throwable e, Map<Throwable, Boolean> seen, int depth) {
        if (e == null || depth > MAX_CAUSES || seen.put(e, true) != null) {
            return null;
        }
        RedactedException copy = new RedactedException(name(e), copy(e.getCause(), seen, depth + 1));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static String name(Throwable e) {
        String name = e.getClass().getName();
        return e instanceof SQLException sql && sql.getSQLState() != null
                ? name + " [SQLState " + sql.getSQLState() + "]" : name;
    }

    /** Stands for an exception whose message was left out; its message is the original's class. */
    public static final class RedactedException extends RuntimeException {
        RedactedException(String originalClass, Throwable cause) {
            super(originalClass, cause, false, true);
        }
    }
}
