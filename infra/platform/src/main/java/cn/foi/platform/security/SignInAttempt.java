package cn.foi.platform.security;

import java.time.Instant;

/**
 * One sign-in attempt as the sign-in log keeps it.
 *
 * @param typed the user name as typed (cut to the longest a user name may be)
 * @param username the canonical user name the attempt was for: the account's name when it exists
 */
public record SignInAttempt(Instant at, String typed, String username, SignInResult result, String address,
                            String userAgent, String via) {
}
