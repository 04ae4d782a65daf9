package cn.foi.query.directory;

import cn.foi.events.access.Role;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserPasswordChangeRequired;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserSignedOut;
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

    public DirectoryProjection(QueryDatabase database) {
        this.jdbc = database.jdbc();
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

    public record UserRow(String username, Role role, String agencyCode) {
    }

    @EventHandler
    public void on(AgencyRegistered event) {
        jdbc.update("insert into agency (code, name, parent_code) values (?, ?, ?) on conflict (code) do nothing",
                event.code(), event.name(), event.parentCode());
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
    void on(UserPasswordChanged event) {
        // A new password lifts the requirement to change it; a reset by an administrator sets it again right after.
        jdbc.update("update user_account set password_hash = ?, must_change_password = false where username = ?",
                event.passwordHash(), event.username());
    }

    @EventHandler
    void on(UserPasswordChangeRequired event) {
        jdbc.update("update user_account set must_change_password = true where username = ?", event.username());
    }

    @ResetHandler
    public void reset() {
        jdbc.update("truncate agency, user_account");
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
        return jdbc.query("select username, role, agency_code from user_account order by username",
                (rs, n) -> new UserRow(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)));
    }

    /** Signs users in from the query database when the query side runs as its own service. */
    public UserAccountStore userAccountStore() {
        return username -> jdbc.query(UserAccountRows.BY_USERNAME, UserAccountRows::user, username).stream()
                .findFirst();
    }

}
