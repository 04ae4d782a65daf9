package cn.foi.platform.security;

import java.util.Locale;

/**
 * User names are case-insensitive: {@code Admin} beside {@code admin} is two accounts nobody can tell apart on a list
 * or in a timeline. A name is stored as typed once lower-cased, and a name typed at sign-in is lower-cased the same way.
 * Names stored before this rule keep their case: sign-in finds them as typed first, then in the canonical form.
 */
public final class Usernames {

    private Usernames() {
    }

    /** The one form a user name is stored and compared in: stripped and lower-cased (user names are ASCII). */
    public static String canonical(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
