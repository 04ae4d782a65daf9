package cn.foi.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the web UI's calls from the session cookie. A call with an Authorization header is left to HTTP Basic, so
 * API clients are unaffected.
 *
 * <p>A cookie travels with every request the browser makes to this origin, including one a hostile page triggers; the
 * cookie is SameSite=Strict, and in addition a call that changes something must carry the UI's header, which a page of
 * another origin cannot add without a CORS consent this server never gives.
 */
public class SessionCookieFilter extends OncePerRequestFilter {

    /** Marks a request signed in by its cookie, for checks that ask more of a session than of a password. */
    public static final String SIGNED_IN_BY_COOKIE = SessionCookieFilter.class.getName() + ".cookie";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionCookies cookies;
    private final UserAccountStore users;
    private final ProblemWriter problems;

    public SessionCookieFilter(SessionCookies cookies, UserAccountStore users, ProblemWriter problems) {
        this.cookies = cookies;
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = cookies.read(request);
        if (token.isEmpty() || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<FoiUser> user = cookies.tokens().username(token.get()).flatMap(users::findByUsername)
                .filter(FoiUser::active)
                .filter(found -> cookies.tokens().valid(token.get(), found));
        if (user.isEmpty()) {
            // An expired or outdated cookie, or one of a deactivated user, is forgotten; the call goes on unauthenticated and is answered 401.
            cookies.clear(request, response);
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !SessionCookies.fromUi(request)) {
            problems.write(request, response, 403, "forbidden", "无权操作", "请求来源无法确认，请在本系统的页面中操作");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.setAttribute(SIGNED_IN_BY_COOKIE, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
