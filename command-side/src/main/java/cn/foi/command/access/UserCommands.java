package cn.foi.command.access;

import cn.foi.events.access.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on user accounts. Passwords arrive here already hashed: plain text never enters a message. */
public final class UserCommands {

    private UserCommands() {
    }

    public record CreateUserAccount(@TargetAggregateIdentifier String username, String passwordHash, Role role,
                                    String agencyCode) {
    }

    public record ChangePassword(@TargetAggregateIdentifier String username, String passwordHash) {
    }
}
