package cn.foi.platform.security;

import java.time.Instant;

/**
 * Records that a user signed out, so that every side ends the sessions issued before it. The command side records it
 * as an event of the user's account; a side without one (a query side on its own) only deletes the browser's cookie.
 */
public interface SignOuts {

    void signedOut(FoiUser user, Instant at);
}
