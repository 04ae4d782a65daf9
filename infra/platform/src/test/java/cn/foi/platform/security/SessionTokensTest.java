package cn.foi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final FoiUser CLERK = new FoiUser("clerk1", "$2a$10$hash-one", Role.CLERK, "S1");

    private static SessionTokens tokensAt(Instant instant, String secret) {
        return new SessionTokens(secret, Duration.ofHours(10), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenSignsInItsUserUntilItExpires() {
        String token = tokensAt(NOW, "secret").issue(CLERK);

        assertThat(tokensAt(NOW.plus(Duration.ofHours(9)), "secret").valid(token, CLERK)).isTrue();
        assertThat(tokensAt(NOW.plus(Duration.ofHours(11)), "secret").username(token)).isEmpty();
        assertThat(tokensAt(NOW.plus(Duration.ofHours(11)), "secret").valid(token, CLERK)).isFalse();
    }

    @Test
    void anotherSideWithTheSameSecretAcceptsItAndOneWithAnotherSecretDoesNot() {
        String token = tokensAt(NOW, "shared").issue(CLERK);

        assertThat(tokensAt(NOW, "shared").valid(token, CLERK)).isTrue();
        assertThat(tokensAt(NOW, "other").valid(token, CLERK)).isFalse();
        assertThat(tokensAt(NOW, "").valid(token, CLERK)).as("a random per-process secret").isFalse();
    }

    @Test
    void aChangedPasswordEndsTheSession() {
        String token = tokensAt(NOW, "secret").issue(CLERK);
        FoiUser afterChange = new FoiUser("clerk1", "$2a$10$hash-two", Role.CLERK, "S1");

        assertThat(tokensAt(NOW, "secret").valid(token, afterChange)).isFalse();
    }

    @Test
    void aSignOutEndsTheSessionsIssuedBeforeItButNotOneIssuedAfter() {
        String before = tokensAt(NOW, "secret").issue(CLERK);
        String after = tokensAt(NOW.plusMillis(1001), "secret").issue(CLERK);
        FoiUser signedOut = new FoiUser("clerk1", "$2a$10$hash-one", Role.CLERK, "S1", NOW.plusSeconds(1));

        SessionTokens later = tokensAt(NOW.plusSeconds(5), "secret");
        assertThat(later.valid(before, signedOut)).isFalse();
        assertThat(later.valid(after, signedOut)).isTrue();
    }

    @Test
    void aTokenAlteredToNameSomeoneElseIsRefused() {
        SessionTokens tokens = tokensAt(NOW, "secret");
        String token = tokens.issue(CLERK);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("admin".getBytes()) + "." + parts[2] + "." + parts[3];
        FoiUser admin = new FoiUser("admin", "$2a$10$hash-admin", Role.ADMIN, null);

        assertThat(tokens.username(forged)).contains("admin");
        assertThat(tokens.valid(forged, admin)).isFalse();
        assertThat(tokens.valid("garbage", CLERK)).isFalse();
        assertThat(tokens.valid("v2.!!.x.y", CLERK)).isFalse();
    }
}
