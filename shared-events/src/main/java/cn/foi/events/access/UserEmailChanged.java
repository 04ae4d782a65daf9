package cn.foi.events.access;

import org.axonframework.serialization.Revision;

/**
 * A user's e-mail address was set, changed or cleared: the daily reminder digest goes there.
 *
 * @param email the address as it will be used; null when cleared (no digest is sent then)
 */
@Revision("1")
public record UserEmailChanged(String username, String email) {
}
