package cn.foi.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** The session cookie of the web UI: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
public final class SessionCookies {

    public static final String NAME = "FOI_SESSION";
    /** The header every call of the web UI carries; a page of another origin cannot add it without CORS consent. */
    public static final String UI_HEADER = "X-Requested-With";
    public static final String UI_HEADER_VALUE = "foi-ui";

    private final SessionTokens tokens;

    public SessionCookies(SessionTokens tokens) {
        this.tokens = tokens;
    }

    public SessionTokens tokens() {
        return tokens;
    }

    public Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue)
                .findFirst();
    }

    public void issue(FoiUser user, HttpServletRequest request, HttpServletResponse response) {
        write(response, cookie(tokens.issue(user), request).maxAge(tokens.maxAge()).build());
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        write(response, cookie("", request).maxAge(0).build());
    }

    public static boolean fromUi(HttpServletRequest request) {
        return UI_HEADER_VALUE.equals(request.getHeader(UI_HEADER));
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(String value, HttpServletRequest request) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").path("/")
                .secure(request.isSecure());
    }

    private static void write(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
