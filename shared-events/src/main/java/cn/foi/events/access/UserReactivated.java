package cn.foi.events.access;

import org.axonframework.serialization.Revision;

/** A deactivated user may sign in again (启用) with the password they had. */
@Revision("1")
public record UserReactivated(String username) {
}
