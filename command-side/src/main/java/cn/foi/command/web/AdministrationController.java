package cn.foi.command.web;

import cn.foi.command.access.UserCommands;
import cn.foi.command.agency.AgencyCommands;
import cn.foi.events.access.Role;
import cn.foi.events.agency.AppealYearRule;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.security.Passwords;
import cn.foi.platform.security.SessionCookieFilter;
import cn.foi.platform.security.SessionCookies;
import cn.foi.platform.security.UserAccountStore;
import cn.foi.platform.security.Usernames;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agencies and users: created by administrators only (the security configuration enforces the role). */
@RestController
@RequestMapping("/api")
@Tag(name = "系统管理", description = "机关与用户")
public class AdministrationController {

    /** Long enough to resist guessing (a few words or a phrase), short enough to type. */
    static final int MIN_PASSWORD_LENGTH = 10;

    private final CommandGateway commands;
    private final PasswordEncoder passwordEncoder;
    private final SessionCookies sessionCookies;
    private final UserAccountStore users;
    private final Clock clock;

    public AdministrationController(CommandGateway commands, PasswordEncoder passwordEncoder,
                                    SessionCookies sessionCookies, UserAccountStore users, Clock clock) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
        this.sessionCookies = sessionCookies;
        this.users = users;
        this.clock = clock;
    }

    public record NewAgency(@NotBlank(message = "请填写机关编码") String code,
                            @NotBlank(message = "请填写机关名称") String name,
                            String parentCode) {
    }

    public record NewUser(@NotBlank(message = "请填写用户名") String username,
                          @NotBlank(message = "请填写密码") String password,
                          @NotBlank(message = "请选择角色") String role,
                          String agencyCode) {
    }

    public record AgencySettingsBody(
            @io.swagger.v3.oas.annotations.media.Schema(description = "true：收到申请当日即为期限第一天；默认次日起算")
            Boolean countFromReceiptDay,
            @io.swagger.v3.oas.annotations.media.Schema(description = "收费通知至缴费期间是否暂停计算答复期限；默认是")
            Boolean feePausesClock) {
    }

    /**
     * @param currentPassword required when signed in by the web UI's session (whoever finds an unlocked screen must not
     *                        be able to take the account over); checked whenever it is given
     */
    public record PasswordChange(String currentPassword, @NotBlank(message = "请填写新密码") String newPassword) {
    }

    @PostMapping("/agencies")
    @Operation(summary = "创建机关（仅管理员）")
    public ResponseEntity<Map<String, Object>> createAgency(@Valid @RequestBody NewAgency body) {
        commands.sendAndWait(new AgencyCommands.RegisterAgency(body.code().strip(), body.name(), body.parentCode()));
        return ResponseEntity.created(URI.create("/api/agencies/" + body.code().strip()))
                .body(Map.of("code", body.code().strip()));
    }

    /** A change of an agency: a field left out stays as it is. */
    public record AgencyChange(
            @io.swagger.v3.oas.annotations.media.Schema(description = "新的机关名称；不填则名称不变", example = "某某区某某街道办事处")
            String name,
            @io.swagger.v3.oas.annotations.media.Schema(description = "新的上级机关编码；空字符串表示调整为顶级机关；不填则不调整")
            String parentCode) {
    }

    @PatchMapping("/agencies/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "机构调整：更名或调整上级机关（仅管理员）。年报按年度末的名称署名；下级机关的汇总按当前隶属关系")
    public Map<String, Object> adjustAgency(@PathVariable String code, @RequestBody AgencyChange body) {
        if (body.name() == null && body.parentCode() == null) {
            throw new InvalidInputException("name", "请填写新的机关名称（name）或新的上级机关（parentCode）");
        }
        try {
            commands.sendAndWait(new AgencyCommands.AdjustAgency(code, body.name(), body.parentCode() != null,
                    body.parentCode()));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("未找到编码为 " + code + " 的机关");
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("code", code);
        if (body.name() != null) {
            answer.put("name", body.name().strip());
        }
        if (body.parentCode() != null) {
            answer.put("parentCode", body.parentCode().isBlank() ? null : body.parentCode().strip());
        }
        return answer;
    }

    /** A change of a user: {@code active} alone, or the role and agency (a field left out stays as it is). */
    public record UserChange(
            @io.swagger.v3.oas.annotations.media.Schema(description = "false：停用（其会话立即结束，不能再登录）；true：启用")
            Boolean active,
            @io.swagger.v3.oas.annotations.media.Schema(description = "新角色：CLERK、SUPERVISOR 或 ADMIN；不填则不变",
                    example = "SUPERVISOR")
            String role,
            @io.swagger.v3.oas.annotations.media.Schema(description = "新的所属机关编码；空字符串表示不属于机关（仅管理员）；不填则不变")
            String agencyCode,
            @io.swagger.v3.oas.annotations.media.Schema(description = "电子邮箱，每日办理提醒发往此处；空字符串表示清除；不填则不变",
                    example = "zhang.san@example.gov.cn")
            String email) {
    }

    @PatchMapping("/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "停用、启用用户，调整其角色、所属机关，或设置其电子邮箱（仅管理员）；停用或调整后其已登录的会话立即失效")
    public Map<String, Object> changeUser(@PathVariable String username, @RequestBody UserChange body) {
        FoiUser admin = CurrentUser.get();
        boolean reassign = body.role() != null || body.agencyCode() != null;
        if (body.active() == null && !reassign && body.email() == null) {
            throw new InvalidInputException("active", "请填写要修改的内容：active（启用或停用）、role（角色）、"
                    + "agencyCode（所属机关）或 email（电子邮箱）");
        }
        if (body.active() != null && (reassign || body.email() != null)) {
            throw new InvalidInputException("active", "启用或停用与调整角色、机关或电子邮箱须分别提交");
        }
        Role role = body.role() == null ? null : role(body.role());
        FoiUser target = users.findByUsername(username)
                .or(() -> users.findByUsername(Usernames.canonical(username)))
                .orElseThrow(() -> new NotFoundException("未找到用户 " + username));
        String name = target.username();
        java.time.Instant now = clock.instant();
        if (body.email() != null) {
            // First: an address refused refuses the whole change, before the role or agency has changed.
            commands.sendAndWait(new UserCommands.ChangeEmail(name, body.email()));
        }
        if (body.active() != null) {
            commands.sendAndWait(body.active() ? new UserCommands.ReactivateUser(name)
                    : new UserCommands.DeactivateUser(name, admin.username(), now));
        } else if (reassign) {
            String agency = body.agencyCode() == null ? target.agencyCode() : body.agencyCode();
            commands.sendAndWait(new UserCommands.ChangeUserAssignment(name, role == null ? target.role() : role,
                    agency, admin.username(), now));
        }
        return Map.of("username", name);
    }

    private static Role role(String given) {
        return Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(given.strip()) || r.label().equals(given.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("role", "角色“" + given
                        + "”无效，可选值：CLERK（经办人）、SUPERVISOR（主管）、ADMIN（管理员）"));
    }

    @PostMapping("/users")
    @Operation(summary = "创建用户（仅管理员）")
    public ResponseEntity<Map<String, Object>> createUser(@Valid @RequestBody NewUser body) {
        Role role = role(body.role());
        // Lower-cased here, before the name becomes the account's stream: Admin and admin are one name.
        String username = Usernames.canonical(body.username());
        requireStrong(body.password(), "password", username);
        commands.sendAndWait(new UserCommands.CreateUserAccount(username, passwordEncoder.encode(body.password()), role,
                body.agencyCode()));
        return ResponseEntity.created(URI.create("/api/users/" + username)).body(Map.of("username", username));
    }

    @PostMapping("/agencies/{code}/settings")
    @Operation(summary = "机关的期限计算设置：起算日、收费是否暂停计算（管理员或本机关主管）")
    public Map<String, Object> changeSettings(@org.springframework.web.bind.annotation.PathVariable String code,
                                              @RequestBody AgencySettingsBody body) {
        FoiUser user = CurrentUser.get();
        if (!user.isAdmin() && !(user.role() == Role.SUPERVISOR && user.mayAccessAgency(code))) {
            throw new org.springframework.security.access.AccessDeniedException("只有管理员或本机关主管可以修改期限计算设置");
        }
        boolean countFromReceiptDay = Boolean.TRUE.equals(body.countFromReceiptDay());
        boolean feePausesClock = body.feePausesClock() == null || body.feePausesClock();
        commands.sendAndWait(new AgencyCommands.ChangeAgencySettings(code, countFromReceiptDay, feePausesClock));
        return Map.of("code", code, "countFromReceiptDay", countFromReceiptDay, "feePausesClock", feePausesClock);
    }

    /** The report settings of an agency, apart from the period settings: changing one must not reset the other. */
    public record ReportSettingsBody(
            @io.swagger.v3.oas.annotations.media.Schema(example = "FILED_IN_YEAR") String appealYearRule) {
    }

    @PostMapping("/agencies/{code}/report-settings")
    @Operation(summary = "机关的年报设置：表四（行政复议、行政诉讼）的统计口径（管理员或本机关主管）")
    public Map<String, Object> changeReportSettings(@org.springframework.web.bind.annotation.PathVariable String code,
                                                    @RequestBody ReportSettingsBody body) {
        FoiUser user = CurrentUser.get();
        if (!user.isAdmin() && !(user.role() == Role.SUPERVISOR && user.mayAccessAgency(code))) {
            throw new org.springframework.security.access.AccessDeniedException("只有管理员或本机关主管可以修改年报设置");
        }
        AppealYearRule rule = Arrays.stream(AppealYearRule.values())
                .filter(r -> body.appealYearRule() != null && r.name().equalsIgnoreCase(body.appealYearRule().strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("appealYearRule", "表四统计口径“" + body.appealYearRule()
                        + "”无效，可选值：FILED_IN_YEAR（" + AppealYearRule.FILED_IN_YEAR.label() + "）、DECIDED_IN_YEAR（"
                        + AppealYearRule.DECIDED_IN_YEAR.label() + "）"));
        commands.sendAndWait(new AgencyCommands.ChooseAppealYearRule(code, rule));
        return Map.of("code", code, "appealYearRule", rule.name(), "appealYearRuleLabel", rule.label());
    }

    @PostMapping("/users/me/password")
    @Operation(summary = "修改本人密码")
    public ResponseEntity<Void> changeOwnPassword(@Valid @RequestBody PasswordChange body, HttpServletRequest request,
                                                  HttpServletResponse response) {
        FoiUser user = CurrentUser.get();
        boolean bySession = request.getAttribute(SessionCookieFilter.SIGNED_IN_BY_COOKIE) != null;
        if (bySession && (body.currentPassword() == null || body.currentPassword().isEmpty())) {
            throw new InvalidInputException("currentPassword", "请填写当前密码");
        }
        if (body.currentPassword() != null && !body.currentPassword().isEmpty()
                && !passwordEncoder.matches(body.currentPassword(), user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "当前密码不正确");
        }
        requireStrong(body.newPassword(), "newPassword", user.username());
        if (body.currentPassword() != null && body.currentPassword().equals(body.newPassword())) {
            // Above all after a reset: "changing" to the password someone else chose would lift the requirement.
            throw new InvalidInputException("newPassword", "新密码不能与当前密码相同");
        }
        String hash = passwordEncoder.encode(body.newPassword());
        commands.sendAndWait(new UserCommands.ChangePassword(user.username(), hash));
        if (bySession) {
            // The new hash ends every session of the old password, this one included: it continues on a new cookie.
            sessionCookies.issue(new FoiUser(user.username(), hash, user.role(), user.agencyCode()), request, response);
        }
        return ResponseEntity.noContent().build();
    }

    /** A password for a user who forgot theirs; they change it at their next sign-in (their old sessions end now). */
    public record PasswordReset(@NotBlank(message = "请填写新密码") String newPassword) {
    }

    @PostMapping("/users/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "重置某用户的密码（仅管理员）：用户忘记密码时使用，其已登录的会话随即失效")
    public ResponseEntity<Void> resetPassword(@org.springframework.web.bind.annotation.PathVariable String username,
                                              @Valid @RequestBody PasswordReset body) {
        requireStrong(body.newPassword(), "newPassword", username);
        String hash = passwordEncoder.encode(body.newPassword());
        try {
            // The administrator knows this password: the user must replace it at the next sign-in.
            commands.sendAndWait(new UserCommands.ChangePassword(username, hash, true));
        } catch (AggregateNotFoundException e) {
            // A name stored before names were lower-cased is found as typed; any other in its canonical form.
            String canonical = Usernames.canonical(username);
            if (canonical.equals(username)) {
                throw new NotFoundException("未找到用户 " + username);
            }
            try {
                commands.sendAndWait(new UserCommands.ChangePassword(canonical, hash, true));
            } catch (AggregateNotFoundException again) {
                throw new NotFoundException("未找到用户 " + username);
            }
        }
        return ResponseEntity.noContent().build();
    }

    private static void requireStrong(String password, String field, String username) {
        // The message names the field as the form labels it: 密码 when creating a user, 新密码 when changing one.
        String label = "newPassword".equals(field) ? "新密码" : "密码";
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(field, label + "至少需要 " + MIN_PASSWORD_LENGTH + " 个字符");
        }
        // The first thing anyone guesses; "zhang.san2026" no better than "zhang.san".
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, label + "不能包含用户名");
        }
        // bcrypt reads 72 bytes: a longer password cannot be hashed, and cutting it silently would accept its prefix.
        if (Passwords.tooLong(password)) {
            throw new InvalidInputException(field, Passwords.tooLongMessage());
        }
        // A NUL or another control character cannot be typed at the sign-in page: a password holding one locks out.
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "密码不能含有控制字符（如换行、制表符）");
        }
    }
}
