package cn.foi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.events.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * A deactivated account's password signs in neither by the web UI nor by HTTP Basic, and the log says why; a password
 * checked is remembered for five minutes of the offices' clock, then checked (and logged) again.
 */
class DeactivatedAccountSignInTest {

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
    private final Passwords passwords = new Passwords(4);
    private final String hash = passwords.encode("clerk-pass-12");
    private final List<SignInAttempt> logged = new ArrayList<>();
    private boolean active = true;

    private CachingPasswordAuthenticationProvider provider() {
        UserAccountStore users = name -> "zhang.san".equals(name)
                ? Optional.of(new FoiUser("zhang.san", hash, Role.CLERK, "xh", null, false, active))
                : Optional.empty();
        SignInLog log = new SignInLog() {
            @Override
            public void record(SignInAttempt attempt) {
                logged.add(attempt);
            }

            @Override
            public Page list(String username, SignInResult result, int page, int size) {
                return new Page(logged, logged.size());
            }

            @Override
            public Page between(java.util.Collection<String> usernames, Instant from, Instant to, int limit) {
                return new Page(logged, logged.size());
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("signInLog", log);
        return new CachingPasswordAuthenticationProvider(users, passwords, clock,
                new SignInThrottle(new SignInPolicy(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15),
                        Duration.ofDays(180)), clock), beans.getBeanProvider(SignInLog.class));
    }

    @Test
    void theRightPasswordOfADeactivatedAccountIsRefusedAndLoggedAsInactive() {
        active = false;

        assertThatThrownBy(() -> provider().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("zhang.san", "clerk-pass-12")))
                .isInstanceOf(DisabledException.class)
                .hasMessageContaining("已停用");
        assertThat(logged).extracting(SignInAttempt::result).containsExactly(SignInResult.INACTIVE);
    }

    @Test
    void anApiClientsPasswordIsRememberedForFiveMinutesThenCheckedAgain() {
        CachingPasswordAuthenticationProvider provider = provider();
        var basic = UsernamePasswordAuthenticationToken.unauthenticated("zhang.san", "clerk-pass-12");
        provider.authenticate(basic);
        assertThat(logged).as("the first call's password is checked").hasSize(1);

        clock.add(Duration.ofMinutes(4).plusSeconds(59));
        provider.authenticate(basic);
        assertThat(logged).as("a further call within five minutes is answered from memory").hasSize(1);

        clock.add(Duration.ofSeconds(1));
        provider.authenticate(basic);
        assertThat(logged).as("five minutes after the check, the password is checked again")
                .extracting(SignInAttempt::result).containsExactly(SignInResult.SUCCESS, SignInResult.SUCCESS);
    }

    @Test
    void aRememberedPasswordDoesNotOutliveTheDeactivation() {
        CachingPasswordAuthenticationProvider provider = provider();
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("zhang.san", "clerk-pass-12"));
        active = false;

        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("zhang.san", "clerk-pass-12")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void aWrongPasswordOfADeactivatedAccountIsJustWrong() {
        active = false;

        assertThatThrownBy(() -> provider().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("zhang.san", "wrong-pass-12")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(logged).extracting(SignInAttempt::result).containsExactly(SignInResult.WRONG_PASSWORD);
    }
}
