package cn.foi.command.web;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Clerks and supervisors act only on their own agency's requests; another agency's request is simply not found. */
@Component
public class RequestAccess {

    private final CommandDirectories directories;

    public RequestAccess(CommandDirectories directories) {
        this.directories = directories;
    }

    public void requireRequest(String requestId) {
        FoiUser user = CurrentUser.get();
        String agency = directories.agencyOfRequest(requestId).orElse(null);
        if (agency == null || !user.mayAccessAgency(agency)) {
            throw new NotFoundException("未找到该申请：它不存在，或不属于您的机关");
        }
    }

    public void requireAgency(String agencyCode) {
        if (!CurrentUser.get().mayAccessAgency(agencyCode)) {
            throw new AccessDeniedException("您只能办理本机关的申请");
        }
    }

    /**
     * An administrator, or a supervisor of the agency or of one above it in the tree (as the query side's
     * {@code includeSubordinates} scope reaches): who may set an agency's rules of record keeping, such as its
     * case-number pattern.
     */
    public boolean oversees(FoiUser user, String agencyCode) {
        if (user.isAdmin()) {
            return true;
        }
        return user.role() == Role.SUPERVISOR && user.agencyCode() != null
                && directories.ancestry(agencyCode).contains(user.agencyCode());
    }
}
