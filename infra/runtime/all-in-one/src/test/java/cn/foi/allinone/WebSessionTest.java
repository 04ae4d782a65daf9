package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web UI's session: sign-in sets a cookie that signs in its calls; sign-out, password changes and forged calls. */
class WebSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AllInOne system;
    private static String agency;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        agency = AllInOne.uniqueCode();
        system.agencyWithClerk(agency);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    /** A browser as the tests need it: one cookie, the UI's header on every call unless told otherwise. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base = system.anonymous().baseUrl();
        String cookie;
        boolean uiHeader = true;

        HttpResponse<String> call(String method, String path, Object body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            if (uiHeader) {
                request.header("X-Requested-With", "foi-ui");
            }
            if (cookie != null) {
                request.header("Cookie", "FOI_SESSION=" + cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            setCookie(response).ifPresent(value -> cookie = value.isEmpty() ? null : value);
            return response;
        }

        JsonNode json(HttpResponse<String> response) throws Exception {
            return JSON.readTree(response.body());
        }
    }

    private static Optional<String> setCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("FOI_SESSION="))
                .map(c -> c.substring("FOI_SESSION=".length(), c.indexOf(';'))).findFirst();
    }

    private static String clerk() {
        return "clerk-" + agency.toLowerCase();
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatSignsInTheUisCalls() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> signIn = browser.call("POST", "/api/session",
                Map.of("username", clerk(), "password", "clerk-pass-1"));

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=36000");
        assertThat(browser.json(signIn).get("role").asText()).isEqualTo("CLERK");
        assertThat(browser.json(signIn).get("agencyCode").asText()).isEqualTo(agency);

        JsonNode me = browser.json(browser.call("GET", "/api/session", null));
        assertThat(me.get("username").asText()).isEqualTo(clerk());
        HttpResponse<String> registered = browser.call("POST", "/api/agencies/" + agency + "/requests",
                Map.of("caseNo", "S-1", "applicant", Map.of("category", "自然人", "name", "张三"),
                        "channel", "网络", "receivedOn", "2026-03-02", "description", "会话中登记"));
        assertThat(registered.statusCode()).isEqualTo(201);
        // The session carries the clerk's rights, no more.
        assertThat(browser.call("POST", "/api/agencies", Map.of("code", "NO", "name", "无权")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aWrongPasswordIsRefusedInTheClerksWordsWithoutTheBrowsersOwnDialog() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> signIn = browser.call("POST", "/api/session",
                Map.of("username", clerk(), "password", "wrong-password"));

        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(browser.json(signIn).get("detail").asText()).isEqualTo("用户名或密码错误，请重新输入");
        assertThat(signIn.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(browser.cookie).isNull();
        HttpResponse<String> me = browser.call("GET", "/api/session", null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void onlyApiClientsAreChallengedForBasicCredentials() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String download = system.anonymous().baseUrl() + "/api/agencies/" + agency + "/ledger.csv";

        HttpResponse<String> apiClient = http.send(HttpRequest.newBuilder(URI.create(download)).build(),
                HttpResponse.BodyHandlers.ofString());
        // A download link followed after the session ended: the browser must not open its own password dialog.
        HttpResponse<String> browserLink = http.send(HttpRequest.newBuilder(URI.create(download))
                .header("Sec-Fetch-Mode", "navigate").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(apiClient.statusCode()).isEqualTo(401);
        assertThat(apiClient.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertThat(browserLink.statusCode()).isEqualTo(401);
        assertThat(browserLink.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aChangeSentWithTheCookieButWithoutTheUisHeaderIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.call("POST", "/api/session", Map.of("username", "admin", "password", AllInOne.ADMIN_PASSWORD));
        browser.uiHeader = false;

        HttpResponse<String> forged = browser.call("POST", "/api/agencies", Map.of("code", "FORGED", "name", "伪造"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.json(forged).get("detail").asText()).contains("请求来源无法确认");
        assertThat(system.admin().get("/api/agencies/FORGED").status()).isEqualTo(404);
        // Reading needs no header: a hostile page cannot read the answer anyway.
        assertThat(browser.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheUsersSessionsEvenACopiedCookieAndANewSignInWorks() throws Exception {
        String user = "out-" + agency.toLowerCase();
        system.admin().post("/api/users", Map.of("username", user, "password", "sign-out-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        system.awaitCaughtUp();
        Browser browser = new Browser();
        browser.call("POST", "/api/session", Map.of("username", user, "password", "sign-out-1"));
        Browser copied = new Browser();
        copied.cookie = browser.cookie;
        Browser otherComputer = new Browser();
        otherComputer.call("POST", "/api/session", Map.of("username", user, "password", "sign-out-1"));

        HttpResponse<String> signOut = browser.call("DELETE", "/api/session", null);
        system.awaitCaughtUp();

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(browser.cookie).isNull();
        assertThat(browser.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
        assertThat(copied.call("GET", "/api/session", null).statusCode()).as("a copy of the cookie").isEqualTo(401);
        assertThat(otherComputer.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
        Browser again = new Browser();
        assertThat(again.call("POST", "/api/session", Map.of("username", user, "password", "sign-out-1"))
                .statusCode()).isEqualTo(200);
        assertThat(again.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
        // Signing out without a session is harmless.
        assertThat(new Browser().call("DELETE", "/api/session", null).statusCode()).isEqualTo(204);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessionsButNotThisOne() throws Exception {
        String user = "pw-" + agency.toLowerCase();
        system.admin().post("/api/users", Map.of("username", user, "password", "first-pass-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        system.awaitCaughtUp();
        Browser here = new Browser();
        Browser elsewhere = new Browser();
        here.call("POST", "/api/session", Map.of("username", user, "password", "first-pass-1"));
        elsewhere.call("POST", "/api/session", Map.of("username", user, "password", "first-pass-1"));

        HttpResponse<String> withoutCurrent = here.call("POST", "/api/users/me/password",
                Map.of("newPassword", "second-pass-2"));
        assertThat(withoutCurrent.statusCode()).isEqualTo(400);
        assertThat(here.json(withoutCurrent).get("field").asText()).isEqualTo("currentPassword");
        HttpResponse<String> wrongCurrent = here.call("POST", "/api/users/me/password",
                Map.of("currentPassword", "not-it", "newPassword", "second-pass-2"));
        assertThat(here.json(wrongCurrent).get("detail").asText()).isEqualTo("当前密码不正确");

        assertThat(here.call("POST", "/api/users/me/password",
                Map.of("currentPassword", "first-pass-1", "newPassword", "second-pass-2")).statusCode()).isEqualTo(204);
        system.awaitCaughtUp();

        assertThat(here.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
        assertThat(elsewhere.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
        assertThat(new Browser().call("POST", "/api/session",
                Map.of("username", user, "password", "first-pass-1")).statusCode()).isEqualTo(401);
        assertThat(new Browser().call("POST", "/api/session",
                Map.of("username", user, "password", "second-pass-2")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorResetsAForgottenPasswordAndTheUsersSessionsEnd() throws Exception {
        String user = "reset-" + agency.toLowerCase();
        system.admin().post("/api/users", Map.of("username", user, "password", "forgotten-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        system.awaitCaughtUp();
        Browser userBrowser = new Browser();
        userBrowser.call("POST", "/api/session", Map.of("username", user, "password", "forgotten-1"));
        Browser adminBrowser = new Browser();
        adminBrowser.call("POST", "/api/session", Map.of("username", "admin", "password", AllInOne.ADMIN_PASSWORD));

        assertThat(userBrowser.call("POST", "/api/users/" + clerk() + "/password",
                Map.of("newPassword", "taken-over-1")).statusCode()).as("only administrators").isEqualTo(403);
        HttpResponse<String> unknown = adminBrowser.call("POST", "/api/users/nobody-here/password",
                Map.of("newPassword", "whatever-12"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(adminBrowser.json(unknown).get("detail").asText()).isEqualTo("未找到用户 nobody-here");
        assertThat(adminBrowser.call("POST", "/api/users/" + user + "/password",
                Map.of("newPassword", "given-by-admin-1")).statusCode()).isEqualTo(204);
        system.awaitCaughtUp();

        assertThat(userBrowser.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
        Browser afterReset = new Browser();
        HttpResponse<String> signIn = afterReset.call("POST", "/api/session",
                Map.of("username", user, "password", "given-by-admin-1"));
        assertThat(signIn.statusCode()).isEqualTo(200);
        // The administrator knows the password: the user must choose their own first (the UI shows only that page).
        assertThat(afterReset.json(signIn).get("mustChangePassword").asBoolean()).isTrue();
        assertThat(afterReset.json(afterReset.call("GET", "/api/session", null)).get("mustChangePassword").asBoolean())
                .isTrue();
        HttpResponse<String> same = afterReset.call("POST", "/api/users/me/password",
                Map.of("currentPassword", "given-by-admin-1", "newPassword", "given-by-admin-1"));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(afterReset.json(same).get("field").asText()).isEqualTo("newPassword");
        assertThat(afterReset.call("POST", "/api/users/me/password",
                Map.of("currentPassword", "given-by-admin-1", "newPassword", "chosen-by-me-1")).statusCode())
                .isEqualTo(204);
        system.awaitCaughtUp();
        assertThat(afterReset.json(afterReset.call("GET", "/api/session", null)).get("mustChangePassword").asBoolean())
                .isFalse();
    }

    @Test
    void passwordsShorterThanTenCharactersOrHoldingTheUserNameAreRefusedNamingTheField() throws Exception {
        String user = "policy-" + agency.toLowerCase();
        Browser adminBrowser = new Browser();
        HttpResponse<String> adminSignIn = adminBrowser.call("POST", "/api/session",
                Map.of("username", "admin", "password", AllInOne.ADMIN_PASSWORD));
        // Set by FOI_ADMIN_PASSWORD, not generated: nothing to change.
        assertThat(adminBrowser.json(adminSignIn).get("mustChangePassword").asBoolean()).isFalse();

        assertRefused(adminBrowser.call("POST", "/api/users", Map.of("username", user, "password", "nine-char",
                "role", "CLERK", "agencyCode", agency)), "password", "密码至少需要 10 个字符");
        assertRefused(adminBrowser.call("POST", "/api/users", Map.of("username", user, "password",
                user.toUpperCase() + "-2026", "role", "CLERK", "agencyCode", agency)), "password", "密码不能包含用户名");
        assertThat(adminBrowser.call("POST", "/api/users", Map.of("username", user, "password", "policy-pass-1",
                "role", "CLERK", "agencyCode", agency)).statusCode()).isEqualTo(201);
        system.awaitCaughtUp();
        assertRefused(adminBrowser.call("POST", "/api/users/" + user + "/password", Map.of("newPassword", "short-1")),
                "newPassword", "新密码至少需要 10 个字符");
        assertRefused(adminBrowser.call("POST", "/api/users/" + user + "/password",
                Map.of("newPassword", "x" + user + "x")), "newPassword", "新密码不能包含用户名");

        Browser own = new Browser();
        HttpResponse<String> signIn = own.call("POST", "/api/session",
                Map.of("username", user, "password", "policy-pass-1"));
        assertThat(own.json(signIn).get("mustChangePassword").asBoolean()).isFalse();
        assertRefused(own.call("POST", "/api/users/me/password",
                Map.of("currentPassword", "policy-pass-1", "newPassword", "short-1")), "newPassword", "新密码至少需要 10 个字符");
        assertRefused(own.call("POST", "/api/users/me/password",
                Map.of("currentPassword", "policy-pass-1", "newPassword", "My-" + user.toUpperCase())),
                "newPassword", "新密码不能包含用户名");
    }

    private static void assertRefused(HttpResponse<String> response, String field, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void aSignedInUserReadsAYearOfTheirAgencysCalendar() throws Exception {
        Browser browser = new Browser();
        browser.call("POST", "/api/session", Map.of("username", clerk(), "password", "clerk-pass-1"));

        JsonNode year = browser.json(browser.call("GET", "/api/calendar/2026?agency=" + agency, null));

        assertThat(year.get("declared").asBoolean()).isTrue();
        assertThat(year.get("holidays").toString()).contains("\"2026-10-01\"", "\"2026-01-01\"");
        assertThat(year.get("workdays").toString()).contains("\"2026-10-10\"");
        assertThat(year.get("workingDays").asInt()).isEqualTo(248);
    }

    @Test
    void theWebUiAndItsAssetsCarryTheBrowserSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = system.anonymous().baseUrl();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        // Vite's index.html loads its script from a file: script-src 'self' without 'unsafe-inline' suffices.
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        java.util.regex.Matcher asset = java.util.regex.Pattern.compile("assets/[^\"]+\\.js").matcher(page.body());
        assertThat(asset.find()).isTrue();
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base + "/" + asset.group()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);

        for (HttpResponse<String> response : java.util.List.of(page, script)) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-eval"));
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void theBrowserKeepsTheHashedScriptsForAYearButAsksForIndexHtmlOnEveryLoad() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = system.anonymous().baseUrl();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher asset = java.util.regex.Pattern.compile("assets/[^\"]+\\.(js|css)").matcher(page.body());
        java.util.List<String> assets = new java.util.ArrayList<>();
        while (asset.find()) {
            assets.add(asset.group());
        }
        assertThat(assets).anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));

        for (String path : assets) {
            HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(base + "/" + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(path).hasValueSatisfying(cache ->
                    assertThat(cache).contains("max-age=31536000", "public", "immutable").doesNotContain("no-store"));
        }
        // index.html names the files of the version deployed now: a browser that kept it would miss the next one.
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).doesNotContain("max-age=31536000", "immutable"));
        // A file that is not there is still 404, not a cached error.
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/assets/none-00000000.js"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxyInFrontSpeaksHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = JSON.writeValueAsString(Map.of("username", clerk(), "password", "clerk-pass-1"));
        HttpRequest.Builder signIn = HttpRequest.newBuilder(URI.create(system.anonymous().baseUrl() + "/api/session"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("X-Requested-With", "foi-ui");

        HttpResponse<String> overHttps = http.send(signIn.copy().header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> overHttp = http.send(signIn.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(overHttps.statusCode()).isEqualTo(200);
        assertThat(overHttps.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure", "HttpOnly", "SameSite=Strict");
        // Plain http (a local trial without nginx): a Secure cookie would never come back, so none is marked so.
        assertThat(overHttp.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }
}
