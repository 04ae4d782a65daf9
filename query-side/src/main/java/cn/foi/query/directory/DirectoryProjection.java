package cn.foi.query.directory;

import cn.foi.events.access.RemindersRead;
import cn.foi.events.access.Role;
import cn.foi.events.access.UserEmailChanged;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserPasswordChangeRequired;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserAssignmentChanged;
import cn.foi.events.access.UserDeactivated;
import cn.foi.events.access.UserReactivated;
import cn.foi.events.access.UserSignedOut;
import cn.foi.events.agency.AgencyMoved;
import cn.foi.events.agency.AgencyRenamed;
import cn.foi.platform.FoiPlatformConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.context.ApplicationEventPublisher;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.AgencySettingsChanged;
import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.agency.AppealYearRuleChosen;
import cn.foi.platform.security.UserAccountRows;
import cn.foi.platform.security.UserAccountStore;
import cn.foi.query.persistence.QueryDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Agencies and users as the query side knows them: for the agency tree, and to sign users in on this side. */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
@AllowReplay
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "directory";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher changes;

    public DirectoryProjection(QueryDatabase database, ApplicationEventPublisher changes) {
        this.jdbc = database.jdbc();
        this.changes = changes;
    }

    /**
     * @param countFromReceiptDay whether the agency counts its periods from the receipt day itself (default: the day after)
     * @param feePausesClock      whether a fee notice pauses the answer period until payment (default: yes)
     * @param appealYearRule      which year Table 四 counts an appeal in
     */
    public record AgencyRow(String code, String name, String parentCode, boolean countFromReceiptDay,
                            boolean feePausesClock, AppealYearRule appealYearRule) {
    }

    private static final String AGENCY_COLUMNS =
            "code, name, parent_code, count_from_receipt_day, fee_pauses_clock, appeal_year_rule";

    private static AgencyRow agencyRow(ResultSet rs, int row) throws SQLException {
        String rule = rs.getString(6);
        return new AgencyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rule == null ? AppealYearRule.FILED_IN_YEAR : AppealYearRule.valueOf(rule));
    }

    /**
     * @param active false once deactivated: the account stays, listed, but cannot sign in
     * @param email  where the daily reminder digest goes; null when none is set
     */
    public record UserRow(String username, Role role, String agencyCode, boolean active,
                          String email) {
    }

    /** Tells the caches built on the tree or the names (the report's agency facts, ADR 17) that they changed. */
    public record AgencyTreeChanged(String code) {
    }

    @EventHandler
    public void on(AgencyRegistered event) {
        jdbc.update("insert into agency (code, name, parent_code) values (?, ?, ?) on conflict (code) do nothing",
                event.code(), event.name(), event.parentCode());
        // The first name holds from the beginning of time: a report of any year before a rename carries it.
        jdbc.update("insert into agency_name (code, name, named_on, event_id) values (?, ?, '-infinity', ?)"
                + " on conflict (event_id) do nothing", event.code(), event.name(), "registered:" + event.code());
    }

    /**
     * The new name holds from the day it was recorded, in the office's zone. An agency registered before the history
     * was kept gets its earlier name first, from the beginning of time, so that past years keep it.
     */
    @EventHandler
    void on(AgencyRenamed event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        jdbc.update("insert into agency_name (code, name, named_on, event_id)"
                + " select code, name, '-infinity', 'registered:' || code from agency where code = ?"
                + " on conflict (event_id) do nothing", event.code());
        jdbc.update("insert into agency_name (code, name, named_on, event_id) values (?, ?, ?, ?)"
                + " on conflict (event_id) do nothing", event.code(), event.name(),
                LocalDate.ofInstant(at, FoiPlatformConfiguration.OFFICE_ZONE), eventId);
        jdbc.update("update agency set name = ? where code = ?", event.name(), event.code());
        changes.publishEvent(new AgencyTreeChanged(event.code()));
    }

    @EventHandler
    void on(AgencyMoved event) {
        jdbc.update("update agency set parent_code = ? where code = ?", event.parentCode(), event.code());
        changes.publishEvent(new AgencyTreeChanged(event.code()));
    }

    /**
     * The agency's name at the end of the given day: the last name recorded on or before it. A report is signed with
     * its name at the end of its year.
     */
    public Optional<String> nameOn(String code, LocalDate day) {
        return jdbc.queryForList("select name from agency_name where code = ? and named_on <= ?"
                + " order by named_on desc, event_id desc limit 1", String.class, code, day).stream().findFirst()
                .or(() -> agency(code).map(AgencyRow::name));
    }

    @EventHandler
    void on(AgencySettingsChanged event) {
        jdbc.update("update agency set count_from_receipt_day = ?, fee_pauses_clock = ? where code = ?",
                event.countFromReceiptDay(), event.feePausesClock(), event.code());
    }

    @EventHandler
    void on(AppealYearRuleChosen event) {
        jdbc.update("update agency set appeal_year_rule = ? where code = ?", event.rule().name(), event.code());
    }

    /** The year rule of the agency's Table 四: its own choice, or the default. */
    public AppealYearRule appealYearRule(String code) {
        return jdbc.queryForList("select appeal_year_rule from agency where code = ?", String.class, code).stream()
                .filter(java.util.Objects::nonNull).findFirst().map(AppealYearRule::valueOf)
                .orElse(AppealYearRule.FILED_IN_YEAR);
    }

    @EventHandler
    void on(UserAccountCreated event) {
        jdbc.update("insert into user_account (username, password_hash, role, agency_code) values (?, ?, ?, ?) "
                        + "on conflict (username) do nothing",
                event.username(), event.passwordHash(), event.role().name(), event.agencyCode());
    }

    @EventHandler
    void on(UserSignedOut event) {
        jdbc.update("update user_account set sessions_ended_at = ? where username = ?",
                java.sql.Timestamp.from(event.signedOutAt()), event.username());
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("update user_account set active = false, sessions_ended_at = ? where username = ?",
                java.sql.Timestamp.from(event.deactivatedAt()), event.username());
    }

    @EventHandler
    void on(UserReactivated event) {
        jdbc.update("update user_account set active = true where username = ?", event.username());
    }

    @EventHandler
    void on(UserAssignmentChanged event) {
        jdbc.update("update user_account set role = ?, agency_code = ?, sessions_ended_at = ? where username = ?",
                event.role().name(), event.agencyCode(), java.sql.Timestamp.from(event.changedAt()), event.username());
    }

    @EventHandler
    void on(UserPasswordChanged event) {
        // A new password lifts the requirement to change it; a reset by an administrator sets it again right after.
        jdbc.update("update user_account set password_hash = ?, must_change_password = false where username = ?",
                event.passwordHash(), event.username());
    }

    @EventHandler
    void on(UserPasswordChangeRequired event) {
        jdbc.update("update user_account set must_change_password = true where username = ?", event.username());
    }

    @EventHandler
    void on(UserEmailChanged event) {
        jdbc.update("update user_account set email = ? where username = ?", event.email(), event.username());
    }

    /** Each key once: the same event delivered again, or replayed, changes nothing. */
    @EventHandler
    void on(RemindersRead event) {
        java.sql.Timestamp at = java.sql.Timestamp.from(event.readAt());
        jdbc.batchUpdate("insert into reminder_read (username, reminder_key, read_at) values (?, ?, ?)"
                        + " on conflict (username, reminder_key) do nothing",
                event.keys().stream().map(key -> new Object[] {event.username(), key, at}).toList());
    }

    @ResetHandler
    public void reset() {
        // reminder_digest_sent stays: it records mail that went out, which a rebuild cannot take back.
        jdbc.update("truncate agency, agency_name, user_account, reminder_read");
    }

    public List<AgencyRow> agencies() {
        return jdbc.query("select " + AGENCY_COLUMNS + " from agency order by code", DirectoryProjection::agencyRow);
    }

    public Optional<AgencyRow> agency(String code) {
        return jdbc.query("select " + AGENCY_COLUMNS + " from agency where code = ?", DirectoryProjection::agencyRow,
                code).stream().findFirst();
    }

    /**
     * The agency's code, its parent's, and so on up to the top of the tree; just the code when the agency is unknown.
     * The depth is bounded so that a cycle entered by mistake cannot loop forever.
     */
    public List<String> ancestry(String code) {
        return jdbc.queryForList("with recursive chain (code, depth) as ("
                + " select cast(? as varchar), 0"
                + " union all"
                + " select a.parent_code, chain.depth + 1 from chain join agency a on a.code = chain.code"
                + " where a.parent_code is not null and chain.depth < 32)"
                + " select code from chain order by depth", String.class, code);
    }

    /** The agency and every agency under it, the agency first. */
    public List<String> subtree(String code) {
        return jdbc.queryForList("with recursive tree (code, depth) as ("
                + " select cast(? as varchar), 0"
                + " union all"
                + " select a.code, tree.depth + 1 from agency a join tree on a.parent_code = tree.code where tree.depth < 32)"
                + " select code from tree group by code order by min(depth), code", String.class, code);
    }

    /** Whether an administrator's account has been projected: until then nobody can sign in to manage the system. */
    public boolean anAdministratorIsKnown() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from user_account where role = ?)", Boolean.class, Role.ADMIN.name()));
    }

    public List<UserRow> users() {
        return jdbc.query("select username, role, agency_code, active, email from user_account order by username",
                (rs, n) -> new UserRow(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5)));
    }

    /** Signs users in from the query database when the query side runs as its own service. */
    public UserAccountStore userAccountStore() {
        return username -> jdbc.query(UserAccountRows.BY_USERNAME, UserAccountRows::user, username).stream()
                .findFirst();
    }

}
