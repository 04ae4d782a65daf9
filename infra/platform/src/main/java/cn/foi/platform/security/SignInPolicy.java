package cn.foi.platform.security;

import java.time.Duration;

/**
 * How sign-in guards against guessing, as settings ({@code foi.sign-in.*}, defaults in brackets).
 *
 * @param maxFailuresPerUser failures for one user name within {@code window} before it is locked ({@code 5})
 * @param maxFailuresPerAddress failures from one client address within {@code window}, any user names ({@code 20})
 * @param window how long failures are counted from the first one ({@code PT15M})
 * @param lockout how long a locked user name or address is refused without a password check ({@code PT15M})
 * @param logRetention how long the sign-in log keeps an attempt ({@code P180D})
 */
public record SignInPolicy(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration lockout,
                           Duration logRetention) {

    public SignInPolicy {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero() || logRetention.isNegative() || logRetention.isZero()) {
            throw new IllegalArgumentException("foi.sign-in.*: the counts must be at least 1, the durations positive");
        }
    }
}
