package cn.foi.platform.security;

import cn.foi.events.access.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what with an agency's annual report. The command side refuses with these rules and the report as read
 * tells the page which actions they allow, so that the page offers only what the server will accept: a supervisor of
 * a district reads the reports of the 街道 under it but enters and publishes only the district's own.
 */
public final class ReportPermissions {

    /** Enter Table 二 and the texts. */
    public static final String ENTER = "ENTER";
    /** Publish, and publish a correction. */
    public static final String PUBLISH = "PUBLISH";

    private ReportPermissions() {
    }

    /** The agency's own clerks and supervisors, and administrators. */
    public static boolean mayEnter(FoiUser user, String agencyCode) {
        return user != null && user.mayAccessAgency(agencyCode);
    }

    /** The agency's own supervisors, and administrators. */
    public static boolean mayPublish(FoiUser user, String agencyCode) {
        return mayEnter(user, agencyCode) && (user.isAdmin() || user.role() == Role.SUPERVISOR);
    }

    /** The actions the user may take on the agency's report, in the order above; a roll-up allows none. */
    public static List<String> allowed(FoiUser user, String agencyCode, boolean rollUp) {
        List<String> actions = new ArrayList<>();
        if (rollUp) {
            return actions;
        }
        if (mayEnter(user, agencyCode)) {
            actions.add(ENTER);
        }
        if (mayPublish(user, agencyCode)) {
            actions.add(PUBLISH);
        }
        return List.copyOf(actions);
    }
}
