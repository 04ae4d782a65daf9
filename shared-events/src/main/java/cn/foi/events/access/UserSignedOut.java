package cn.foi.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user signed out of the web UI: every session of theirs issued until then ends, on every computer and on every side,
 * including a copy of the cookie someone may have taken.
 */
@Revision("1")
public record UserSignedOut(String username, Instant signedOutAt) {
}
