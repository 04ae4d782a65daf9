package cn.foi.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name and per client address, and refuses further attempts for a while once either has
 * failed too often ({@link SignInPolicy}). The counters live in bounded Caffeine caches in this process's memory: each
 * entry expires when its window or its lockout is over, and a flood of made-up names or addresses evicts the oldest
 * instead of filling the heap. A restart forgets them, and each side of the distributed mode counts its own attempts.
 */
public class SignInThrottle {

    private static final int MAX_ENTRIES = 100_000;

    private final SignInPolicy policy;
    private final Clock clock;
    private final Cache<String, Failures> users;
    private final Cache<String, Failures> addresses;

    public SignInThrottle(SignInPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.users = counters();
        this.addresses = counters();
    }

    /** Failures since {@code since}, and when the key's lockout ends (null: not locked). */
    record Failures(int count, Instant since, Instant lockedUntil) {

        Instant expires(Duration window) {
            Instant windowEnds = since.plus(window);
            return lockedUntil != null && lockedUntil.isAfter(windowEnds) ? lockedUntil : windowEnds;
        }
    }

    private Cache<String, Failures> counters() {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfter(new Expiry<String, Failures>() {
                    @Override
                    public long expireAfterCreate(String key, Failures value, long currentTime) {
                        return remaining(value);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Failures value, long currentTime, long currentDuration) {
                        return remaining(value);
                    }

                    @Override
                    public long expireAfterRead(String key, Failures value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    private long remaining(Failures failures) {
        Duration left = Duration.between(clock.instant(), failures.expires(policy.window()));
        return Math.max(0, left.toNanos());
    }

    /**
     * How long the attempt must wait, if the user name or the address is locked: the longer of the two. Asked before
     * the password is checked, so that a locked attempt costs no bcrypt and tells nothing.
     */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Failures failures : new Failures[] {users.getIfPresent(username),
                address == null ? null : addresses.getIfPresent(address)}) {
            if (failures != null && failures.lockedUntil() != null && failures.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, failures.lockedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password or an unknown user name: counts for the name and for the address. */
    public void failed(String username, String address) {
        count(users, username, policy.maxFailuresPerUser());
        if (address != null) {
            count(addresses, address, policy.maxFailuresPerAddress());
        }
    }

    /** The right password: the user's failures are forgiven; the address's are not (one own account would reset it). */
    public void succeeded(String username) {
        users.invalidate(username);
    }

    private void count(Cache<String, Failures> counters, String key, int max) {
        Instant now = clock.instant();
        counters.asMap().compute(key, (k, failures) -> {
            // A window that has passed, or a lockout served, starts counting afresh.
            boolean over = failures == null || !failures.expires(policy.window()).isAfter(now)
                    || (failures.lockedUntil() != null && !failures.lockedUntil().isAfter(now));
            Failures next = over ? new Failures(1, now, null) : new Failures(failures.count() + 1, failures.since(),
                    failures.lockedUntil());
            return next.count() >= max && next.lockedUntil() == null
                    ? new Failures(next.count(), next.since(), now.plus(policy.lockout())) : next;
        });
    }
}
