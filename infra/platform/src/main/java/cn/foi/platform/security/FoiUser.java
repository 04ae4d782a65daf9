package cn.foi.platform.security;

import cn.foi.events.access.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user: a role and, except for administrators, the agency whose requests they handle.
 *
 * @param sessionsEndedAt when the user last signed out of the web UI: sessions issued until then are over (null: never)
 * @param mustChangePassword the password was generated or reset by an administrator: the web UI asks for a new one
 * @param active false once an administrator deactivated the account: it neither signs in nor keeps a session
 */
public record FoiUser(String username, String passwordHash, Role role, String agencyCode, Instant sessionsEndedAt,
                      boolean mustChangePassword, boolean active) implements UserDetails {

    public FoiUser(String username, String passwordHash, Role role, String agencyCode, Instant sessionsEndedAt,
                   boolean mustChangePassword) {
        this(username, passwordHash, role, agencyCode, sessionsEndedAt, mustChangePassword, true);
    }

    public FoiUser(String username, String passwordHash, Role role, String agencyCode, Instant sessionsEndedAt) {
        this(username, passwordHash, role, agencyCode, sessionsEndedAt, false);
    }

    public FoiUser(String username, String passwordHash, Role role, String agencyCode) {
        this(username, passwordHash, role, agencyCode, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Administrators see every agency; clerks and supervisors only their own. */
    public boolean mayAccessAgency(String code) {
        return isAdmin() || (agencyCode != null && agencyCode.equals(code));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public String getUsername() {
        return username;
    }
}
