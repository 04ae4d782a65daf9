package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.query.directory.DirectoryProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whom an agency's requests may be given to (承办人): the clerks and supervisors of that agency. */
@RestController
@RequestMapping("/api")
@Tag(name = "申请查询")
public class HandlerQueryController {

    private final DirectoryProjection directory;
    private final ReadAccess access;

    public HandlerQueryController(DirectoryProjection directory, ReadAccess access) {
        this.directory = directory;
        this.access = access;
    }

    public record HandlerOption(String username, String role, String roleLabel) {
    }

    @GetMapping("/agencies/{code}/handlers")
    @Operation(summary = "可指定为承办人的用户：本机关的经办人和主管")
    public List<HandlerOption> handlers(@PathVariable String code) {
        if (!access.mayRead(CurrentUser.get(), code)) {
            throw new AccessDeniedException("您只能查看本机关（主管：本机关及下级机关）的用户");
        }
        return directory.users().stream()
                .filter(user -> code.equals(user.agencyCode()) && user.role() != Role.ADMIN)
                .map(user -> new HandlerOption(user.username(), user.role().name(),
                        user.role() == Role.SUPERVISOR ? "主管" : "经办人"))
                .toList();
    }
}
