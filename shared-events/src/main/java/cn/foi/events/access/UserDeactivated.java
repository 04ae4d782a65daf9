package cn.foi.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user was deactivated (停用), e.g. on leaving the office: every session of theirs ends at {@code deactivatedAt}, their
 * password no longer signs in, and their history stays.
 */
@Revision("1")
public record UserDeactivated(String username, Instant deactivatedAt) {
}
