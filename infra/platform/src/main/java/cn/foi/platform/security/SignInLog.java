package cn.foi.platform.security;

import java.util.List;

/**
 * The audit log of sign-ins, for administrators: kept by each side that signs users in, in its own database (the
 * command side's in the all-in-one, where the query side signs in with the command side's accounts). Not events: it is
 * about access to the system, not about the cases.
 */
public interface SignInLog {

    void record(SignInAttempt attempt);

    /** Newest first; {@code username} (canonical) and {@code result} narrow the list when given. */
    Page list(String username, SignInResult result, int page, int size);

    /**
     * For the operation log: the attempts recorded from {@code from} (inclusive) to {@code to} (exclusive), newest
     * first, at most {@code limit}, and how many there are in all.
     *
     * @param usernames the accounts whose attempts count; null for everybody's
     */
    Page between(java.util.Collection<String> usernames, java.time.Instant from, java.time.Instant to, int limit);

    record Page(List<SignInAttempt> items, long total) {
    }
}
