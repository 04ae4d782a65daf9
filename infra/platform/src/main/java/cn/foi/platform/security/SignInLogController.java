package cn.foi.platform.security;

import cn.foi.platform.limits.TextField;
import cn.foi.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in log for administrators: who tried to sign in, when, from where, and how it ended. */
@RestController
@Tag(name = "登录日志")
public class SignInLogController {

    static final int MAX_PAGE_SIZE = 200;

    private final ObjectProvider<SignInLog> signIns;

    public SignInLogController(ObjectProvider<SignInLog> signIns) {
        this.signIns = signIns;
    }

    @GetMapping("/api/sign-ins")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "登录日志（仅管理员）：每次登录成功、失败和被限制的尝试，最新的在前（可按用户名、结果筛选；总数见 X-Total-Count）")
    public ResponseEntity<List<SignInAttempt>> signIns(@RequestParam(required = false) String username,
                                                       @RequestParam(required = false) String result,
                                                       @RequestParam(defaultValue = "0") int page,
                                                       @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 至 " + MAX_PAGE_SIZE + " 之间");
        }
        SignInResult wanted = null;
        if (result != null && !result.isBlank()) {
            wanted = Arrays.stream(SignInResult.values()).filter(r -> r.name().equals(result)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("result", "结果“" + result + "”无效，可选值："
                            + Arrays.stream(SignInResult.values()).map(Enum::name).collect(Collectors.joining("、"))));
        }
        if (username != null) {
            TextField.USERNAME.fault(username).ifPresent(fault -> {
                throw new InvalidInputException("username", fault.message());
            });
        }
        String name = username == null || username.isBlank() ? null : Usernames.canonical(username);
        SignInLog log = signIns.getIfAvailable();
        if (log == null) {
            return ResponseEntity.ok().header("X-Total-Count", "0").body(List.of());
        }
        SignInLog.Page found = log.list(name, wanted, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(found.items());
    }
}
