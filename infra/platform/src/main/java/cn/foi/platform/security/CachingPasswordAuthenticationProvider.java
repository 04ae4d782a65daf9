package cn.foi.platform.security;

import cn.foi.platform.limits.TextField;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
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
 */
public class CachingPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final UserAccountStore users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    public CachingPasswordAuthenticationProvider(UserAccountStore users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String typed = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        // A name no account can have (a NUL, which PostgreSQL would refuse even to compare; over the length) is simply
        // wrong, not a failure of the system.
        if (typed == null || typed.isEmpty() || TextField.USERNAME.fault(typed).isPresent()) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        // As typed first: a name stored before names were lower-cased keeps its case; then the canonical form, so that
        // ADMIN signs in as admin.
        FoiUser user = users.findByUsername(typed)
                .or(() -> typed.equals(Usernames.canonical(typed)) ? java.util.Optional.empty()
                        : users.findByUsername(Usernames.canonical(typed)))
                .orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
        String username = user.username();
        String cacheKey = fingerprint(username, password, user.passwordHash());
        Instant now = clock.instant();
        Instant until = verified.get(cacheKey);
        if (until == null || until.isBefore(now)) {
            if (!passwordEncoder.matches(password, user.passwordHash())) {
                throw new BadCredentialsException("用户名或密码错误");
            }
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(expiry -> expiry.isBefore(now));
            }
            verified.put(cacheKey, now.plus(REMEMBER_FOR));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
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
