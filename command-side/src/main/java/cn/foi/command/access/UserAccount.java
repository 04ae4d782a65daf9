package cn.foi.command.access;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.InputLimits;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.access.UserCommands.ChangeEmail;
import cn.foi.command.access.UserCommands.ChangePassword;
import cn.foi.command.access.UserCommands.MarkRemindersRead;
import cn.foi.command.access.UserCommands.ChangeUserAssignment;
import cn.foi.command.access.UserCommands.CreateUserAccount;
import cn.foi.command.access.UserCommands.DeactivateUser;
import cn.foi.command.access.UserCommands.ReactivateUser;
import cn.foi.command.access.UserCommands.EndSessions;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.access.Role;
import cn.foi.events.access.RemindersRead;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserEmailChanged;
import cn.foi.events.access.UserPasswordChangeRequired;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserAssignmentChanged;
import cn.foi.events.access.UserDeactivated;
import cn.foi.events.access.UserReactivated;
import cn.foi.events.access.UserSignedOut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

    /**
     * An address a mail server will take: a local part, an at sign and a domain of two labels or more, in ASCII. Not
     * every address RFC 5322 allows (quoted local parts, IP literals): none an office gives its staff.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    /** The key of a reminder as the query side makes it: the request, the kind, the deadline that passed. */
    private static final Pattern REMINDER_KEY = Pattern.compile(
            "[A-Za-z0-9._-]{1,64}:(OVERDUE|SUPPLEMENT_DEADLINE_PASSED|FEE_DEADLINE_PASSED):\\d{4}-\\d{2}-\\d{2}");

    /** At most this many keys in one mark: a list of reminders in the web UI holds far fewer. */
    static final int MAX_KEYS_PER_MARK = 500;

    @AggregateIdentifier
    private String streamId;
    private String username;
    private Role role;
    private String agencyCode;
    private boolean active;
    private String email;
    /** The reminders this user has read: marking one again records nothing. */
    private final Set<String> readReminders = new HashSet<>();

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

    /**
     * Deactivation (停用): the account stays, with its history, and can be reactivated. Nobody deactivates themselves
     * (an administrator locking themselves out by a slip), and the last active administrator stays, or nobody could
     * manage the system any more.
     */
    @CommandHandler
    public void handle(DeactivateUser command, Administrators administrators) {
        if (!active) {
            throw RuleViolation.conflict("USER_ALREADY_INACTIVE", "用户 " + username + " 已停用");
        }
        if (role == Role.ADMIN && administrators.activeCount() <= 1) {
            throw RuleViolation.conflict("LAST_ADMINISTRATOR",
                    "用户 " + username + " 是最后一位启用中的管理员，停用后将无人能管理系统");
        }
        if (username.equals(command.by())) {
            throw RuleViolation.invalid("USER_SELF_DEACTIVATION", "active", "不能停用自己的账号，请由另一位管理员操作");
        }
        apply(new UserDeactivated(username, command.at()));
    }

    @CommandHandler
    public void handle(ReactivateUser command) {
        if (active) {
            throw RuleViolation.conflict("USER_ALREADY_ACTIVE", "用户 " + username + " 已是启用状态");
        }
        apply(new UserReactivated(username));
    }

    /**
     * A new role or agency (调岗). A clerk or supervisor belongs to an agency; an administrator's own role is changed by
     * another administrator; the last active administrator keeps the role.
     */
    @CommandHandler
    public void handle(ChangeUserAssignment command, AgencyDirectory agencies, Administrators administrators) {
        if (command.role() == null) {
            throw RuleViolation.invalid("ROLE_REQUIRED", "role", "请选择角色：CLERK、SUPERVISOR 或 ADMIN");
        }
        String agency = command.agencyCode() == null || command.agencyCode().isBlank() ? null
                : command.agencyCode().strip();
        if (agency == null && command.role() != Role.ADMIN) {
            throw RuleViolation.invalid("AGENCY_REQUIRED", "agencyCode", "经办人和主管须属于一个机关：请填写机关编码");
        }
        if (agency != null) {
            InputLimits.text(TextField.AGENCY_CODE, "agencyCode", agency);
            if (!agencies.exists(agency)) {
                throw RuleViolation.invalid("AGENCY_UNKNOWN", "agencyCode", "机关 " + agency + " 不存在");
            }
        }
        if (command.role() == role && java.util.Objects.equals(agency, agencyCode)) {
            throw RuleViolation.invalid("USER_ASSIGNMENT_UNCHANGED", "role", "角色和所属机关均未改变");
        }
        if (role == Role.ADMIN && command.role() != Role.ADMIN && active && administrators.activeCount() <= 1) {
            throw RuleViolation.conflict("LAST_ADMINISTRATOR",
                    "用户 " + username + " 是最后一位启用中的管理员，不能改为其他角色");
        }
        if (username.equals(command.by())) {
            throw RuleViolation.invalid("USER_SELF_ASSIGNMENT", "role", "不能修改自己的角色或所属机关，请由另一位管理员操作");
        }
        apply(new UserAssignmentChanged(username, command.role(), agency, command.at()));
    }

    /** A new address for the digest; the same address again records nothing, and a blank one clears it. */
    @CommandHandler
    public void handle(ChangeEmail command) {
        String given = command.email() == null ? null : command.email().strip();
        String address = given == null || given.isEmpty() ? null : given;
        if (address != null) {
            InputLimits.text(TextField.EMAIL, "email", address);
            if (!EMAIL.matcher(address).matches()) {
                throw RuleViolation.invalid("EMAIL_FORMAT", "email",
                        "电子邮箱（email）格式不正确，应形如 zhang.san@example.gov.cn；留空则清除");
            }
        }
        if (Objects.equals(address, email)) {
            return;
        }
        apply(new UserEmailChanged(username, address));
    }

    /**
     * Marks reminders read. Only keys the system could have made are taken (anything else would be stored for ever
     * for nothing); keys read before are left out, and when none is new nothing is recorded.
     */
    @CommandHandler
    public void handle(MarkRemindersRead command) {
        List<String> keys = command.keys() == null ? List.of() : command.keys();
        if (keys.isEmpty()) {
            throw RuleViolation.invalid("REMINDER_KEYS_REQUIRED", "keys", "请列出要标为已读的提醒（keys）");
        }
        if (keys.size() > MAX_KEYS_PER_MARK) {
            throw RuleViolation.invalid("REMINDER_KEYS_TOO_MANY", "keys",
                    "一次最多标记 " + MAX_KEYS_PER_MARK + " 条提醒，现为 " + keys.size() + " 条");
        }
        Set<String> fresh = new LinkedHashSet<>();
        for (String key : keys) {
            if (key == null || !REMINDER_KEY.matcher(key).matches()) {
                throw RuleViolation.invalid("REMINDER_KEY_FORMAT", "keys", "提醒标识（keys）“" + abbreviated(key)
                        + "”无效：应为系统提醒列表中给出的标识");
            }
            if (!readReminders.contains(key)) {
                fresh.add(key);
            }
        }
        if (!fresh.isEmpty()) {
            apply(new RemindersRead(username, new ArrayList<>(fresh), command.at()));
        }
    }

    private static String abbreviated(String key) {
        if (key == null) {
            return "null";
        }
        String line = key.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    @EventSourcingHandler
    void on(UserEmailChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(RemindersRead event) {
        readReminders.addAll(event.keys());
    }

    @EventSourcingHandler
    void on(UserAccountCreated event) {
        streamId = UserCommands.streamId(event.username());
        username = event.username();
        role = event.role();
        agencyCode = event.agencyCode();
        active = true;
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(UserAssignmentChanged event) {
        role = event.role();
        agencyCode = event.agencyCode();
    }
}
