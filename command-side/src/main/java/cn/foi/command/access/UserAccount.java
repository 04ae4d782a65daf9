package cn.foi.command.access;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.InputLimits;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.access.UserCommands.ChangePassword;
import cn.foi.command.access.UserCommands.CreateUserAccount;
import cn.foi.command.access.UserCommands.EndSessions;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.access.Role;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserPasswordChangeRequired;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserSignedOut;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A person who signs in: a role and, unless an administrator, one agency. */
@Aggregate
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,"
            + (TextField.USERNAME.maxLength() - 1) + "}");

    @AggregateIdentifier
    private String streamId;
    private String username;

    protected UserAccount() {
        // for Axon
    }

    @CommandHandler
    public UserAccount(CreateUserAccount command, AgencyDirectory agencies, UserDirectory users) {
        if (command.username() == null || !USERNAME.matcher(command.username()).matches()) {
            throw RuleViolation.invalid("USERNAME_FORMAT", "username",
                    "用户名须为 2 至 " + TextField.USERNAME.maxLength() + " 位字母、数字或 . _ @ -，且以字母或数字开头");
        }
        if (command.role() == null) {
            throw RuleViolation.invalid("ROLE_REQUIRED", "role", "请选择角色：CLERK、SUPERVISOR 或 ADMIN");
        }
        if (users.userExists(command.username())) {
            throw RuleViolation.conflict("USERNAME_TAKEN", "用户名 " + command.username() + " 已被使用");
        }
        String agency = command.agencyCode() == null || command.agencyCode().isBlank() ? null : command.agencyCode();
        if (agency == null && command.role() != Role.ADMIN) {
            throw RuleViolation.invalid("AGENCY_REQUIRED", "agencyCode", "经办人和主管须属于一个机关：请填写机关编码");
        }
        if (agency != null) {
            InputLimits.text(TextField.AGENCY_CODE, "agencyCode", agency);
        }
        if (agency != null && !agencies.exists(agency)) {
            throw RuleViolation.invalid("AGENCY_UNKNOWN", "agencyCode", "机关 " + agency + " 不存在");
        }
        apply(new UserAccountCreated(command.username(), command.passwordHash(), command.role(), agency));
        if (command.mustChangePassword()) {
            apply(new UserPasswordChangeRequired(command.username()));
        }
    }

    @CommandHandler
    public void handle(ChangePassword command) {
        apply(new UserPasswordChanged(username, command.passwordHash()));
        if (command.mustChangePassword()) {
            apply(new UserPasswordChangeRequired(username));
        }
    }

    @CommandHandler
    public void handle(EndSessions command) {
        apply(new UserSignedOut(username, command.at()));
    }

    @EventSourcingHandler
    void on(UserAccountCreated event) {
        streamId = UserCommands.streamId(event.username());
        username = event.username();
    }
}
