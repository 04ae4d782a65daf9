package cn.foi.events.access;

import org.axonframework.serialization.Revision;

/**
 * A user account was created. The password travels only as a slow hash (bcrypt), never as typed.
 *
 * @param agencyCode the user's agency; null only for administrators of the whole installation
 */
@Revision("1")
public record UserAccountCreated(String username, String passwordHash, Role role, String agencyCode) {
}
