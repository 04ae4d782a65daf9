package cn.foi.command.access;

import cn.foi.events.access.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on user accounts. Passwords arrive here already hashed: plain text never enters a message. */
public final class UserCommands {

    private UserCommands() {
    }

    /** A user's stream, apart from agencies' and calendars' (see AgencyCommands#streamId). */
    public static String streamId(String username) {
        return "user:" + username;
    }

    /** @param mustChangePassword the password was generated for the user, who must choose their own at sign-in */
    public record CreateUserAccount(String username, String passwordHash, Role role, String agencyCode,
                                    boolean mustChangePassword) {
        public CreateUserAccount(String username, String passwordHash, Role role, String agencyCode) {
            this(username, passwordHash, role, agencyCode, false);
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    /** @param mustChangePassword set by an administrator's reset: the user must choose their own at sign-in */
    public record ChangePassword(String username, String passwordHash, boolean mustChangePassword) {
        public ChangePassword(String username, String passwordHash) {
            this(username, passwordHash, false);
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    /** The user signed out: end their sessions. */
    public record EndSessions(String username, java.time.Instant at) {
        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    /** @param by the administrator who deactivates: never the user themselves */
    public record DeactivateUser(String username, String by, java.time.Instant at) {
        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    public record ReactivateUser(String username) {
        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    /**
     * A new role and agency (either may stay as it was).
     *
     * @param by the administrator who makes the change: never the user themselves
     */
    public record ChangeUserAssignment(String username, Role role, String agencyCode, String by,
                                       java.time.Instant at) {
        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    /**
     * A new e-mail address for the reminder digest.
     *
     * @param email the address; null or blank clears it
     */
    public record ChangeEmail(String username, String email) {
        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }

    /** The user marks reminders read, by their keys ({@code requestId:KIND:yyyy-MM-dd}). */
    public record MarkRemindersRead(String username, java.util.List<String> keys, java.time.Instant at) {
        @TargetAggregateIdentifier
        public String streamId() {
            return UserCommands.streamId(username);
        }
    }
}
