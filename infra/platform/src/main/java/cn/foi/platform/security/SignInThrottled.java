package cn.foi.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without a password check: the user name or the address failed too often (SignInThrottle). */
public class SignInThrottled extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String message(Duration retryAfter) {
        long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        return "登录失败次数过多，请于" + minutes + "分钟后再试";
    }
}
