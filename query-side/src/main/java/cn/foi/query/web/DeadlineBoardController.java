package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.deadline.DeadlineBoard;
import cn.foi.query.deadline.DeadlineQueries;
import cn.foi.query.directory.DirectoryProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' deadline board: open requests by how close they are to their statutory answer date. */
@RestController
@RequestMapping("/api")
@Tag(name = "申请查询")
public class DeadlineBoardController {

    /** Three months of working days: enough for an extended period (20 + 20) with room to spare. */
    static final int MAX_WITHIN = 60;

    private final DeadlineQueries deadlines;
    private final DirectoryProjection directory;
    private final ReadAccess access;

    public DeadlineBoardController(DeadlineQueries deadlines, DirectoryProjection directory, ReadAccess access) {
        this.deadlines = deadlines;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/agencies/{code}/deadlines")
    @Operation(summary = "办理期限看板：未办结申请按剩余工作日排列（主管和管理员含下级机关；"
            + "within 为“即将到期”的工作日数，默认 5）")
    public DeadlineBoard deadlines(@PathVariable String code, @RequestParam(defaultValue = "5") int within) {
        FoiUser user = CurrentUser.get();
        boolean withSubtree;
        if (user.isAdmin()) {
            if (directory.agency(code).isEmpty()) {
                throw new NotFoundException("未找到编码为 " + code + " 的机关");
            }
            withSubtree = true;
        } else if (access.oversees(user, code)) {
            withSubtree = true;
        } else if (user.role() == Role.CLERK && user.mayAccessAgency(code)) {
            withSubtree = false;
        } else {
            throw new AccessDeniedException(user.role() == Role.SUPERVISOR
                    ? "您只能查看本机关及下级机关的办理期限" : "您只能查看本机关的办理期限");
        }
        if (within < 0 || within > MAX_WITHIN) {
            throw new InvalidInputException("within", "参数 within（即将到期的工作日数）须在 0 至 " + MAX_WITHIN + " 之间");
        }
        return deadlines.board(code, withSubtree, within);
    }
}
