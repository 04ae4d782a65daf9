package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.workbench.SystemState;
import cn.foi.query.workbench.Workbench;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The start page of each role, answered for the signed-in user only: a clerk's covers their agency, a supervisor's
 * their agency and every agency under it, an administrator's the system's state. It takes no parameter, so nobody can
 * ask for another agency's figures.
 */
@RestController
@Tag(name = "工作台")
public class WorkbenchController {

    private final Workbench workbench;
    private final SystemState system;
    private final DirectoryProjection directory;

    public WorkbenchController(Workbench workbench, SystemState system, DirectoryProjection directory) {
        this.workbench = workbench;
        this.system = system;
        this.directory = directory;
    }

    /**
     * @param counts   the counts of the lists, each with the list's filter (clerk, supervisor)
     * @param todo     我的待办: the user's open requests by working days left (clerk, supervisor)
     * @param agencies per agency of the scope: open, overdue, 按期答复率 this year (supervisor)
     * @param system   projections, parked events, disk, databases, accounts (administrator)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkbenchView(String username, String role, String roleLabel, LocalDate today, LocalDate weekStart,
                                Workbench.Scope scope, List<Workbench.Count> counts, Workbench.Todo todo,
                                List<Workbench.AgencyLine> agencies, SystemState.State system) {
    }

    @GetMapping("/api/workbench")
    @Operation(summary = "工作台：经办人为本机关的待办统计（本周新收、3个工作日内到期、已逾期、待补正、待缴费、征求意见中，"
            + "含“我的”）和我的待办；主管为本机关及下级机关的统计、我的待办和各机关办理情况（未办结、已逾期、本年按期答复率）；"
            + "管理员为系统状态（投影、滞留事件、磁盘、数据库、用户和机关数）。每项统计附带对应的申请列表筛选条件")
    public WorkbenchView workbench(HttpServletRequest http) {
        FoiUser user = CurrentUser.get();
        if (user.isAdmin() || user.agencyCode() == null) {
            return new WorkbenchView(user.username(), user.role().name(), user.role().label(), null, null, null, null,
                    null, null, system.current(http.getHeader(HttpHeaders.AUTHORIZATION),
                    http.getHeader(HttpHeaders.COOKIE)));
        }
        boolean supervisor = user.role() == Role.SUPERVISOR;
        List<String> agencies = supervisor ? directory.subtree(user.agencyCode()) : List.of(user.agencyCode());
        String name = directory.agency(user.agencyCode()).map(DirectoryProjection.AgencyRow::name)
                .orElse(user.agencyCode());
        Workbench.Scope scope = new Workbench.Scope(user.agencyCode(), name, supervisor, agencies);
        Workbench.Work work = workbench.of(user.username(), scope);
        return new WorkbenchView(user.username(), user.role().name(), user.role().label(), work.today(),
                work.weekStart(), scope, work.counts(),
                work.todo(), work.agencies(), null);
    }
}
