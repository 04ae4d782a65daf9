package cn.foi.platform.security;

import cn.foi.platform.limits.TextField;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a user name and password against the stored bcrypt hash, and remembers a successful check for a few minutes.
 *
 * <p>HTTP Basic sends the password with every call, and a bcrypt check costs tens of milliseconds of CPU on purpose: on a
 * two-core machine that alone would cap the API at a few dozen calls per second. A successful check is remembered under
 * a keyed hash (HMAC with a key that never leaves this process) of the password together with the stored hash, so a
 * changed password or a changed hash is never served from memory, and the cache holds nothing that helps an attacker.
 *
 * <p>Guessing is throttled ({@link SignInThrottle}): a user name or client address that failed too often is refused
 * before any password check. An unknown user name costs the same bcrypt check as a wrong password, so the answer's time
 * does not tell which names exist. Every attempt whose password is checked, and every refused one, goes to the
 * {@link SignInLog}; an API client's further calls answered from memory do not.
 */
public class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final UserAccountStore users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final byte[] key = new byte[32];
    /** Successful checks by keyed hash, forgotten {@link #REMEMBER_FOR} after the check, at most MAX_ENTRIES. */
    private final Cache<String, Boolean> verified;
    private final SignInThrottle throttle;
    private final ObjectProvider<SignInLog> signIns;
    /** A hash of a random password, made with the same cost as the stored ones: checked against for unknown users. */
    private final String unknownUserHash;

    public CachingPasswordAuthenticationProvider(UserAccountStore users, PasswordEncoder passwordEncoder, Clock clock,
                                                 SignInThrottle throttle, ObjectProvider<SignInLog> signIns) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.throttle = throttle;
        this.signIns = signIns;
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        byte[] dummy = new byte[24];
        random.nextBytes(dummy);
        this.unknownUserHash = passwordEncoder.encode(Base64.getEncoder().encodeToString(dummy));
        // Caffeine's time is the offices' clock, so that a test moving the clock moves the expiry with it.
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(REMEMBER_FOR)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typed = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        SignInDetails details = authentication.getDetails() instanceof SignInDetails given ? given
                : new SignInDetails(null, null, SignInDetails.BASIC);
        String canonical = typed == null ? "" : Usernames.canonical(typed);
        Instant now = clock.instant();
        // Refused before anything else is looked at: a locked name or address costs no bcrypt and tells nothing.
        Optional<Duration> locked = throttle.lockedFor(canonical, details.address());
        if (locked.isPresent()) {
            log(now, typed, canonical, SignInResult.THROTTLED, details);
            throw new SignInThrottled(locked.get());
        }
        // A name no account can have (a NUL, which PostgreSQL would refuse even to compare; over the length) is simply
        // wrong, not a failure of the system.
        Optional<FoiUser> found = typed == null || typed.isEmpty() || TextField.USERNAME.fault(typed).isPresent()
                ? Optional.empty()
                // As typed first: a name stored before names were lower-cased keeps its case; then the canonical form,
                // so that ADMIN signs in as admin.
                : users.findByUsername(typed).or(() -> typed.equals(canonical) ? Optional.empty()
                        : users.findByUsername(canonical));
        if (found.isEmpty()) {
            // The same bcrypt work as for a wrong password, so that the answer's time does not tell who exists.
            passwordEncoder.matches(password, unknownUserHash);
            throw failed(now, typed, canonical, SignInResult.UNKNOWN_USER, details);
        }
        FoiUser user = found.get();
        String username = user.username();
        String cacheKey = fingerprint(username, password, user.passwordHash());
        boolean checked = verified.getIfPresent(cacheKey) == null;
        if (checked) {
            if (!passwordEncoder.matches(password, user.passwordHash())) {
                throw failed(now, typed, username, SignInResult.WRONG_PASSWORD, details);
            }
            verified.put(cacheKey, Boolean.TRUE);
        }
        if (!user.active()) {
            // Told only after the password matched, so that the answer reveals nothing to someone guessing; logged on
            // every attempt, since a deactivated user still trying is what an administrator wants to see.
            log(now, typed, username, SignInResult.INACTIVE, details);
            throw new DisabledException("该账号已停用，请联系管理员");
        }
        // A password actually checked, or the web UI's sign-in, is a sign-in; a password remembered for HTTP Basic is an
        // API client's further call.
        if (checked || SignInDetails.SESSION.equals(details.via())) {
            log(now, typed, username, SignInResult.SUCCESS, details);
        }
        // The account was found under the typed name or its canonical form: either way its canonical name is this one.
        throttle.succeeded(canonical);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** Counts and logs a failure; the same answer whether the user exists or not. */
    private BadCredentialsException failed(Instant now, String typed, String username, SignInResult result,
                                           SignInDetails details) {
        throttle.failed(Usernames.canonical(username), details.address());
        log(now, typed, username, result, details);
        return new BadCredentialsException("用户名或密码错误");
    }

    private void log(Instant now, String typed, String username, SignInResult result, SignInDetails details) {
        signIns.ifAvailable(log -> log.record(new SignInAttempt(now, typed == null ? "" : typed, username, result,
                details.address(), details.userAgent(), details.via())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String username, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
