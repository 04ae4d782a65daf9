package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.security.FoiUser;
import cn.foi.query.directory.DirectoryProjection;
import org.springframework.stereotype.Component;

/**
 * Whose requests a user may read: an administrator everybody's, a clerk their agency's, a supervisor their agency's and
 * those of every agency under it (a district's supervisor oversees its streets). Reading only: changes stay with the
 * clerks of the agency itself (the command side decides those).
 */
@Component
public class ReadAccess {

    private final DirectoryProjection directory;

    public ReadAccess(DirectoryProjection directory) {
        this.directory = directory;
    }

    public boolean mayRead(FoiUser user, String agencyCode) {
        return user.mayAccessAgency(agencyCode) || supervises(user, agencyCode);
    }

    /**
     * Whether the user oversees the agency and those under it (its deadline board, its roll-up): an administrator any,
     * a supervisor their own agency and the agencies under it.
     */
    public boolean oversees(FoiUser user, String agencyCode) {
        return user.isAdmin() || supervises(user, agencyCode);
    }

    private boolean supervises(FoiUser user, String agencyCode) {
        return user.role() == Role.SUPERVISOR && user.agencyCode() != null && agencyCode != null
                && directory.ancestry(agencyCode).contains(user.agencyCode());
    }
}
