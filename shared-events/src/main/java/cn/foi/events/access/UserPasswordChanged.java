package cn.foi.events.access;

import org.axonframework.serialization.Revision;

/** A user's password was changed; the new one travels only as a slow hash. */
@Revision("1")
public record UserPasswordChanged(String username, String passwordHash) {
}
