package cn.foi.platform.security;

import cn.foi.events.access.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Each side keeps its users in a {@code user_account} table of the same shape (ADR 3); this reads one. */
public final class UserAccountRows {

    public static final String BY_USERNAME = "select username, password_hash, role, agency_code, sessions_ended_at,"
            + " must_change_password, active from user_account where username = ?";

    private UserAccountRows() {
    }

    public static FoiUser user(ResultSet rs, int row) throws SQLException {
        Timestamp sessionsEnded = rs.getTimestamp(5);
        return new FoiUser(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                sessionsEnded == null ? null : sessionsEnded.toInstant(), rs.getBoolean(6), rs.getBoolean(7));
    }
}
