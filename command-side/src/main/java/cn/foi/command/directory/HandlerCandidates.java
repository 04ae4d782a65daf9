package cn.foi.command.directory;

import cn.foi.command.access.HandlerDirectory;
import cn.foi.events.access.Role;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the command side's own user table, which the user account events keep in step with the event store, with
 * the account's {@code active} flag (a deactivated clerk is no handler: nobody would see the request's reminders).
 */
@Component
public class HandlerCandidates implements HandlerDirectory {

    private final JdbcTemplate jdbc;

    public HandlerCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Candidate> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("select username, role, agency_code, active from user_account where lower(username) = lower(?)",
                (rs, n) -> new Candidate(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4)),
                username.strip()).stream().findFirst();
    }
}
