package cn.foi.events.access;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user's role or agency changed (调岗): what they may see and do changes, so every session issued before
 * {@code changedAt} ends and the next sign-in carries the new assignment.
 *
 * @param agencyCode the user's agency after the change; null only for an administrator
 */
@Revision("1")
public record UserAssignmentChanged(String username, Role role, String agencyCode, Instant changedAt) {
}
