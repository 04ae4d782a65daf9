package cn.foi.command.access;

import cn.foi.events.access.Role;
import java.util.Optional;

/** The users a request may be given to as its handler (承办人), as the command side knows them. */
public interface HandlerDirectory {

    /** A user account as the assignment rules need it; {@code active} is false for an account that may not sign in. */
    record Candidate(String username, Role role, String agencyCode, boolean active) {
    }

    /** The account of that user name, compared without case (names are stored lower case). */
    Optional<Candidate> find(String username);
}
