package cn.foi.command.directory;

import cn.foi.platform.limits.TextField;
import cn.foi.command.access.UserDirectory;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.agency.AgencyTree;
import cn.foi.command.access.Administrators;
import cn.foi.command.agency.AgencySettings;
import cn.foi.command.request.CaseNumberRegistry;
import cn.foi.command.request.CaseNumbers;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserPasswordChangeRequired;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserSignedOut;
import cn.foi.events.access.UserAssignmentChanged;
import cn.foi.events.access.UserDeactivated;
import cn.foi.events.access.UserReactivated;
import cn.foi.events.agency.AgencyMoved;
import cn.foi.events.agency.AgencyRenamed;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.AgencySettingsChanged;
import cn.foi.events.agency.AgencyCaseNumberPatternSet;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.security.UserAccountRows;
import cn.foi.platform.security.UserAccountStore;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sets the command side checks before it accepts a command: agencies, user names, case numbers.
 *
 * <p>Agencies and users are filled by a subscribing processor, in the same transaction as the events they come from, so
 * they can never disagree with the event store. Case numbers are claimed by the command itself, guarded by the table's
 * primary key: of two concurrent registrations of the same number, the second waits for the first and then fails.
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class CommandDirectories implements AgencyDirectory, AgencyTree, AgencySettings, UserDirectory, Administrators,
        UserAccountStore, CaseNumberRegistry {

    public static final String PROCESSING_GROUP = "command-directories";

    private final JdbcTemplate jdbc;

    public CommandDirectories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String code) {
        // A code the catalogue refuses cannot exist, and PostgreSQL would refuse to even compare one holding U+0000.
        return code != null && TextField.AGENCY_CODE.fault(code).isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from agency_directory where code = ?)", Boolean.class, code));
    }

    @Override
    public java.util.List<String> ancestry(String code) {
        // Bounded like the query side's: a cycle entered by mistake in old data cannot loop forever.
        return jdbc.queryForList("with recursive chain (code, depth) as ("
                + " select cast(? as varchar), 0"
                + " union all"
                + " select a.parent_code, chain.depth + 1 from chain join agency_directory a on a.code = chain.code"
                + " where a.parent_code is not null and chain.depth < 32)"
                + " select code from chain order by depth", String.class, code);
    }

    @Override
    public int activeCount() {
        // Locks the administrators' rows: two administrators deactivating each other at once cannot both succeed.
        return jdbc.queryForList("select username from user_account where role = 'ADMIN' and active for update",
                String.class).size();
    }

    @Override
    public boolean userExists(String username) {
        // Compared without case: a name stored with capitals before names were lower-cased still takes its lower case.
        return username != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from user_account where lower(username) = lower(?))", Boolean.class, username));
    }

    @Override
    public Optional<FoiUser> findByUsername(String username) {
        return jdbc.query(UserAccountRows.BY_USERNAME, UserAccountRows::user, username).stream().findFirst();
    }

    /** The agency a request belongs to, for access checks before a command is sent. */
    public Optional<String> agencyOfRequest(String requestId) {
        return jdbc.queryForList("select agency_code from case_registry where request_id = ?", String.class, requestId)
                .stream().findFirst();
    }

    /** A registered request's agency and case number, as the registry holds them. */
    public record RegisteredCase(String agencyCode, String caseNo) {
    }

    public Optional<RegisteredCase> registeredCase(String requestId) {
        return jdbc.query("select agency_code, case_no from case_registry where request_id = ?",
                (rs, n) -> new RegisteredCase(rs.getString(1), rs.getString(2)), requestId).stream().findFirst();
    }

    /**
     * The agency's case numbers that match a PostgreSQL regular expression: the registry is written in the
     * registering transaction, so a number registered a moment ago is already here.
     */
    public List<String> caseNumbersMatching(String agencyCode, String regex) {
        return jdbc.queryForList("select case_no from case_registry where agency_code = ? and case_no ~ ?",
                String.class, agencyCode, regex);
    }

    /**
     * One statement: a ledger import claims thousands of numbers in a row. A number taken by a transaction still open
     * makes this wait for it, then insert nothing if it committed; no duplicate-key error ever aborts the transaction.
     */
    @Override
    public void claim(String agencyCode, String number, String requestId) {
        // Registrations arrive normalised already (Registration); normalising again keeps any other caller honest.
        String caseNo = CaseNumbers.normalize(number);
        int claimed = jdbc.update("insert into case_registry (agency_code, case_no, request_id) values (?, ?, ?) "
                + "on conflict do nothing", agencyCode, caseNo, requestId);
        if (claimed == 0) {
            throw caseNoTaken(agencyCode, caseNo);
        }
    }

    @Override
    public void reassign(String agencyCode, String oldCaseNo, String number, String requestId) {
        String newCaseNo = CaseNumbers.normalize(number);
        refuseTaken(agencyCode, newCaseNo);
        try {
            jdbc.update("update case_registry set case_no = ? where agency_code = ? and request_id = ?",
                    newCaseNo, agencyCode, requestId);
        } catch (DuplicateKeyException e) {
            throw caseNoTaken(agencyCode, newCaseNo);
        }
    }

    private void refuseTaken(String agencyCode, String caseNo) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from case_registry where agency_code = ? and case_no = ?)",
                Boolean.class, agencyCode, caseNo))) {
            throw caseNoTaken(agencyCode, caseNo);
        }
    }

    private static RuleViolation caseNoTaken(String agencyCode, String caseNo) {
        return RuleViolation.conflict("CASE_NO_TAKEN", "受理编号 " + caseNo + " 在本机关（" + agencyCode
                + "）已被使用，请核对编号");
    }

    @EventHandler
    void on(AgencyRegistered event) {
        jdbc.update("insert into agency_directory (code, name, parent_code) values (?, ?, ?) on conflict (code) do nothing",
                event.code(), event.name(), event.parentCode());
    }

    @EventHandler
    void on(AgencyRenamed event) {
        jdbc.update("update agency_directory set name = ? where code = ?", event.name(), event.code());
    }

    @EventHandler
    void on(AgencyMoved event) {
        jdbc.update("update agency_directory set parent_code = ? where code = ?", event.parentCode(), event.code());
    }

    @Override
    public Settings of(String agencyCode) {
        return jdbc.query("select count_from_receipt_day, fee_pauses_clock from agency_directory where code = ?",
                (rs, n) -> new Settings(rs.getBoolean(1), rs.getBoolean(2)), agencyCode).stream().findFirst()
                .orElse(Settings.DEFAULT);
    }

    /** The agency's own case-number pattern, if it set one (ADR 24). */
    public Optional<String> caseNumberPattern(String agencyCode) {
        return jdbc.query("select case_number_pattern from agency_directory where code = ?",
                (rs, n) -> rs.getString(1), agencyCode).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @EventHandler
    void on(AgencyCaseNumberPatternSet event) {
        jdbc.update("update agency_directory set case_number_pattern = ? where code = ?", event.pattern(),
                event.code());
    }

    @EventHandler
    void on(AgencySettingsChanged event) {
        jdbc.update("update agency_directory set count_from_receipt_day = ?, fee_pauses_clock = ? where code = ?",
                event.countFromReceiptDay(), event.feePausesClock(), event.code());
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
}
