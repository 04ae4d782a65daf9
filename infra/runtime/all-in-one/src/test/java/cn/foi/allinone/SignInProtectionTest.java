package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in against guessing: failures per user name and per client address lock further attempts for a while (429 with
 * Retry-After), an unknown user name takes as long as a wrong password, and every attempt is in the administrators' log.
 * Each test signs in from its own address (X-Forwarded-For, trusted from 127.0.0.1 as from any internal proxy).
 */
class SignInProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static AllInOne system;
    private static String agency;
    private static FoiApi clerk;

    @BeforeAll
    static void start() throws Exception {
        // The defaults (5 per user, 20 per address, 15 minutes), not the harness's generous limit per address.
        system = AllInOne.startFresh(Map.of("foi.sign-in.max-failures-per-address", "20"));
        agency = AllInOne.uniqueCode();
        clerk = system.agencyWithClerk(agency);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static String newAddress() {
        return "10.13.0." + ADDRESSES.incrementAndGet();
    }

    private static String newUser(String prefix) {
        String name = prefix + "-" + AllInOne.uniqueCode().toLowerCase();
        system.admin().post("/api/users", Map.of("username", name, "password", "right-pass-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        return name;
    }

    private static HttpResponse<String> signIn(String username, String password, String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.anonymous().baseUrl() + "/api/session"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", username, "password", password))))
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "foi-ui")
                .header("X-Forwarded-For", address)
                .header("User-Agent", "SignInProtectionTest/1.0")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> basic(String username, String password, String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.anonymous().baseUrl() + "/api/session"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertThrottled(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).matches("登录失败次数过多，请于\\d+分钟后再试");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() throws Exception {
        String user = newUser("locked");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong-pass-" + i, address).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> right = signIn(user, "right-pass-1", address);

        assertThrottled(right);
        assertThat(JSON.readTree(right.body()).get("detail").asText()).isEqualTo("登录失败次数过多，请于15分钟后再试");
        // From another computer, and through HTTP Basic, too: the name is locked, not the address.
        assertThrottled(signIn(user, "right-pass-1", newAddress()));
        assertThrottled(basic(user, "right-pass-1", newAddress()));
    }

    @Test
    void oneUsersFailuresDoNotLockAnotherUserAtTheSameAddress() throws Exception {
        String locked = newUser("victim");
        String other = newUser("other");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            signIn(locked, "wrong-pass-" + i, address);
        }

        assertThat(signIn(other, "right-pass-1", address).statusCode()).isEqualTo(200);
        assertThat(signIn(locked, "right-pass-1", address).statusCode()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInForgivesTheUsersEarlierFailures() throws Exception {
        String user = newUser("forgiven");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user, "wrong-pass-" + i, address).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(user, "right-pass-1", address).statusCode()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user, "wrong-again-" + i, address).statusCode()).isEqualTo(401);
        }
        assertThat(signIn(user, "right-pass-1", address).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressTryingManyNamesIsRefusedEvenForAnExistingUserWhileOtherAddressesAreNot() throws Exception {
        String user = newUser("bystander");
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("guess-" + i, "guess-pass-1", address).statusCode()).isEqualTo(401);
        }

        assertThrottled(signIn(user, "right-pass-1", address));
        assertThat(signIn(user, "right-pass-1", newAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownUserNameTakesAboutAsLongAsAWrongPassword() throws Exception {
        // Five users with two wrong passwords each stay under every limit, as do ten unknown names per address.
        String[] users = new String[5];
        for (int i = 0; i < users.length; i++) {
            users[i] = newUser("timing");
        }
        String wrongAddress = newAddress();
        String unknownAddress = newAddress();
        signIn("warm-up-unknown", "wrong-pass-1", newAddress());
        signIn(newUser("warm-up"), "wrong-pass-1", newAddress());
        long wrongNanos = 0;
        long unknownNanos = 0;
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            assertThat(signIn(users[i % users.length], "wrong-pass-" + i, wrongAddress).statusCode()).isEqualTo(401);
            wrongNanos += System.nanoTime() - started;
            started = System.nanoTime();
            assertThat(signIn("nobody-" + i, "wrong-pass-" + i, unknownAddress).statusCode()).isEqualTo(401);
            unknownNanos += System.nanoTime() - started;
        }

        // Without the check against a dummy hash an unknown name answers in a few milliseconds, a wrong password in
        // tens: a generous bound that still tells the two apart.
        assertThat(unknownNanos).as("time of 10 unknown names (ns) vs 10 wrong passwords (%d ns)", wrongNanos)
                .isGreaterThanOrEqualTo(wrongNanos / 2);
    }

    @Test
    void everyAttemptIsLoggedForAdministratorsOnly() throws Exception {
        String user = newUser("logged");
        String address = newAddress();
        signIn(user.toUpperCase(), "wrong-pass-1", address);
        signIn(user, "right-pass-1", address);

        HttpResponse<String> unknown = signIn("no-such-" + user, "wrong-pass-1", address);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unknown.body()).get("detail").asText()).isEqualTo("用户名或密码错误，请重新输入");

        FoiApi.Response log = system.admin().get("/api/sign-ins?username=" + user).expect(200);
        JsonNode entries = log.json();
        assertThat(log.header("X-Total-Count")).isEqualTo("2");
        assertThat(entries).hasSize(2);
        // Newest first.
        assertThat(entries.get(0).get("result").asText()).isEqualTo("SUCCESS");
        JsonNode failure = entries.get(1);
        assertThat(failure.get("result").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(failure.get("typed").asText()).isEqualTo(user.toUpperCase());
        assertThat(failure.get("username").asText()).isEqualTo(user);
        assertThat(failure.get("address").asText()).isEqualTo(address);
        assertThat(failure.get("userAgent").asText()).isEqualTo("SignInProtectionTest/1.0");
        assertThat(failure.get("via").asText()).isEqualTo("SESSION");
        assertThat(failure.get("at").asText()).isNotBlank();

        JsonNode unknowns = system.admin().get("/api/sign-ins?result=UNKNOWN_USER&username=no-such-" + user)
                .expect(200).json();
        assertThat(unknowns).hasSize(1);
        assertThat(unknowns.get(0).get("address").asText()).isEqualTo(address);

        FoiApi.Response byClerk = clerk.get("/api/sign-ins");
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(byClerk.json().get("detail").asText()).contains("无权");
        FoiApi.Response badResult = system.admin().get("/api/sign-ins?result=MAYBE");
        assertThat(badResult.status()).isEqualTo(400);
        assertThat(badResult.json().get("field").asText()).isEqualTo("result");
    }
}
