package cn.foi.platform.security;

/** How a sign-in attempt ended, as the sign-in log keeps it. */
public enum SignInResult {
    /** The password matched. */
    SUCCESS,
    /** The user exists and the password did not match. */
    WRONG_PASSWORD,
    /** No account has the name (shown to administrators only: a clerk's answer is the same as for a wrong password). */
    UNKNOWN_USER,
    /** Refused before the password was checked: too many failures for the user or from the address. */
    THROTTLED,
    /** The account was deactivated by an administrator: refused whatever the password (checked only after it). */
    INACTIVE
}
