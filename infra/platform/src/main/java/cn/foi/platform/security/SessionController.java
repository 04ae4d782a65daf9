package cn.foi.platform.security;

import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, the signed-in user and sign-out of the web UI (API clients use HTTP Basic on every call instead). */
@RestController
@RequestMapping("/api/session")
@Tag(name = "登录会话")
public class SessionController {

    private final CachingPasswordAuthenticationProvider passwords;
    private final SessionCookies cookies;
    private final ObjectProvider<SignOuts> signOuts;
    private final Clock clock;

    public SessionController(CachingPasswordAuthenticationProvider passwords, SessionCookies cookies,
                             ObjectProvider<SignOuts> signOuts, Clock clock) {
        this.passwords = passwords;
        this.cookies = cookies;
        this.signOuts = signOuts;
        this.clock = clock;
    }

    public record SignIn(String username, String password) {
    }

    @PostMapping
    @Operation(summary = "登录：用户名和密码正确时建立会话（HttpOnly Cookie），返回用户信息；同一用户名或同一地址失败次数过多时"
            + "暂时拒绝（429，Retry-After 为等待秒数）")
    public ResponseEntity<Map<String, Object>> signIn(@RequestBody SignIn body, HttpServletRequest request,
                                                      HttpServletResponse response) {
        if (body == null || blank(body.username()) || blank(body.password())) {
            throw new InvalidInputException("username", "请输入用户名和密码");
        }
        FoiUser user;
        try {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                    body.username().strip(), body.password());
            attempt.setDetails(SignInDetails.of(request, SignInDetails.SESSION));
            user = (FoiUser) passwords.authenticate(attempt).getPrincipal();
        } catch (SignInThrottled e) {
            throw e;
        } catch (DisabledException e) {
            throw new SignInFailed(e.getMessage());
        } catch (AuthenticationException e) {
            throw new SignInFailed();
        }
        cookies.issue(user, request, response);
        return ResponseEntity.ok(describe(user));
    }

    @GetMapping
    @Operation(summary = "当前登录的用户：用户名、角色、所属机关")
    public Map<String, Object> current() {
        return describe(CurrentUser.get());
    }

    @DeleteMapping
    @Operation(summary = "退出登录：结束本人在所有电脑上的会话，删除浏览器中的会话 Cookie")
    public ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(SessionCookieFilter.SIGNED_IN_BY_COOKIE) != null) {
            CurrentUser.find().ifPresent(user -> signOuts.ifAvailable(recorder ->
                    recorder.signedOut(user, clock.instant())));
        }
        cookies.clear(request, response);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> describe(FoiUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("role", user.role().name());
        body.put("agencyCode", user.agencyCode());
        // The web UI shows only the password page until it is changed (a generated or reset password).
        body.put("mustChangePassword", user.mustChangePassword());
        return body;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @ExceptionHandler(SignInFailed.class)
    ResponseEntity<ProblemDetail> signInFailed(SignInFailed e) {
        return Problems.respond(Problems.problem(HttpStatus.UNAUTHORIZED, "sign-in-failed", "登录失败", e.getMessage()));
    }

    /** Too many failures for the user name or from the address: 429 with the wait in {@code Retry-After}. */
    @ExceptionHandler(SignInThrottled.class)
    ResponseEntity<ProblemDetail> signInThrottled(SignInThrottled e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "登录受限", e.getMessage()));
    }

    /** A wrong user name or password: the same message for both, so that user names cannot be probed. */
    static final class SignInFailed extends RuntimeException {
        SignInFailed() {
            super("用户名或密码错误，请重新输入");
        }

        SignInFailed(String message) {
            super(message);
        }
    }
}
