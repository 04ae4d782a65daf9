package cn.foi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** The throttle's rules over time, which the API tests cannot wait for: windows and lockouts end. */
class SignInThrottleTest {

    /** A clock the test moves forward. */
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-06-15T01:00:00Z"), ZoneOffset.UTC);
    private final SignInThrottle throttle = new SignInThrottle(new SignInPolicy(5, 20, Duration.ofMinutes(15),
            Duration.ofMinutes(15), Duration.ofDays(180)), clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void theFifthFailureLocksTheNameForTheLockoutThenItMayTryAgain() {
        fail("wang", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("wang", "10.0.0.1")).isEmpty();

        throttle.failed("wang", "10.0.0.1");
        assertThat(throttle.lockedFor("wang", "10.0.0.2")).contains(Duration.ofMinutes(15));

        clock.add(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor("wang", "10.0.0.2")).contains(Duration.ofMinutes(5));
        clock.add(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("wang", "10.0.0.2")).isEmpty();
        // A served lockout starts counting afresh: one more failure does not lock again.
        throttle.failed("wang", "10.0.0.2");
        assertThat(throttle.lockedFor("wang", "10.0.0.2")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail("li", null, 4);
        clock.add(Duration.ofMinutes(16));
        fail("li", null, 4);
        assertThat(throttle.lockedFor("li", null)).isEmpty();
        throttle.failed("li", null);
        assertThat(throttle.lockedFor("li", null)).isPresent();
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresWhateverTheNamesAndASuccessDoesNotForgiveIt() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess-" + i, "10.0.0.9");
        }
        throttle.succeeded("guess-1");

        assertThat(throttle.lockedFor("zhang", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedFor("zhang", "10.0.0.10")).isEmpty();
    }

    @Test
    void aSuccessForgivesTheNamesFailures() {
        fail("zhao", "10.0.0.3", 4);
        throttle.succeeded("zhao");
        fail("zhao", "10.0.0.4", 4);
        assertThat(throttle.lockedFor("zhao", "10.0.0.4")).isEmpty();
    }

    @Test
    void theWaitIsTheRoundedUpMinutesAndSecondsOfTheLongerLock() {
        SignInThrottled refused = new SignInThrottled(Duration.ofSeconds(61));
        assertThat(refused.retryAfterSeconds()).isEqualTo(61);
        assertThat(refused.getMessage()).isEqualTo("登录失败次数过多，请于2分钟后再试");
        assertThat(new SignInThrottled(Duration.ofMillis(10)).retryAfterSeconds()).isEqualTo(1);
    }
}
