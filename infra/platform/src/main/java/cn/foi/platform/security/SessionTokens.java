package cn.foi.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's session as a signed token in a cookie: the user name, when the session began, and an HMAC over both and
 * the user's stored password hash.
 *
 * <p>Why not a server-side HTTP session: in the distributed mode the command side and any number of query-side instances
 * sit behind one origin, and each keeps its own copy of the users (ADR 3); a token that every side can check with the
 * shared secret needs no shared session store. Binding the stored hash ends every session of a user whose password
 * changes; signing out ends every session issued before it ({@link FoiUser#sessionsEndedAt()}, kept by every side
 * from the user's events), so that a copied cookie is of no use after its owner signed out.
 */
public final class SessionTokens {

    /** v2: the time of issue in milliseconds, to tell a session begun right after a sign-out from one before it. */
    private static final String VERSION = "v2";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param secret the shared secret; blank means a random one for this process only (the all-in-one, where a restart
     *               asks everybody to sign in again)
     */
    public SessionTokens(String secret, Duration maxAge, Clock clock) {
        if (secret == null || secret.isBlank()) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(this.secret);
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public String issue(FoiUser user) {
        long issuedAt = clock.instant().toEpochMilli();
        String name = ENCODER.encodeToString(user.username().getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + name + "." + issuedAt + "." + ENCODER.encodeToString(mac(user.username(), issuedAt,
                user.passwordHash()));
    }

    /** The user name a token was issued to, if it is well formed and not expired; the signature is checked next. */
    public Optional<String> username(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            Instant now = clock.instant();
            Instant issued = issuedAt(parts);
            if (issued.plus(maxAge).isBefore(now) || issued.isAfter(now.plusSeconds(300))) {
                return Optional.empty();
            }
            return Optional.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the token was issued by a holder of the secret to this user while their password hash was this one, and
     * after they last signed out.
     */
    public boolean valid(String token, FoiUser user) {
        Optional<String> name = username(token);
        if (name.isEmpty() || !name.get().equals(user.username())) {
            return false;
        }
        String[] parts = token.split("\\.");
        try {
            if (user.sessionsEndedAt() != null && !issuedAt(parts).isAfter(user.sessionsEndedAt())) {
                return false;
            }
            byte[] expected = mac(user.username(), Long.parseLong(parts[2]), user.passwordHash());
            return MessageDigest.isEqual(expected, DECODER.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant issuedAt(String[] parts) {
        return Instant.ofEpochMilli(Long.parseLong(parts[2]));
    }

    private byte[] mac(String username, long issuedAt, String passwordHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(Long.toString(issuedAt).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(passwordHash.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
