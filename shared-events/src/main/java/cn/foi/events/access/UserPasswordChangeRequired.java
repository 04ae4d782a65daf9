package cn.foi.events.access;

import org.axonframework.serialization.Revision;

/**
 * The user must choose a new password at their next sign-in: their current one was generated at the first start or
 * set by an administrator, so someone else knows it. Their own next {@link UserPasswordChanged} lifts it. A separate
 * event, so that the events stored before it existed read as they did (no such requirement).
 */
@Revision("1")
public record UserPasswordChangeRequired(String username) {
}
