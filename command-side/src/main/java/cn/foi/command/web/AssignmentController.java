package cn.foi.command.web;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.command.request.RequestCommands;
import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.limits.TextField;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who handles a request (承办人): one request at a time, or many of an agency's requests at once. The aggregate decides
 * whether the user may handle it; a batch sends one command per request, so one refusal does not stop the others.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "申请办理", description = "登记申请及办理过程中的每一步")
public class AssignmentController {

    /** A batch is chosen on one page of the list, whose largest page is 500 rows. */
    static final int MAX_BATCH = 500;

    /** User names as accounts are created with them (UserAccount). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,"
            + (TextField.USERNAME.maxLength() - 1) + "}");

    private final CommandGateway commands;
    private final RequestAccess access;
    private final CommandDirectories directories;

    public AssignmentController(CommandGateway commands, RequestAccess access, CommandDirectories directories) {
        this.commands = commands;
        this.access = access;
        this.directories = directories;
    }

    public record HandlerAssignment(@Schema(example = "clerk1", description = "承办人的用户名；为空或 null 表示取消承办人")
                             String handler) {
    }

    public record HandlerBatchAssignment(@NotNull(message = "请选择要指定承办人的申请（requestIds）")
                                  @Schema(description = "申请的 id，最多 " + MAX_BATCH + " 件") List<String> requestIds,
                                  @Schema(example = "clerk1", description = "承办人的用户名；为空或 null 表示取消承办人")
                                  String handler) {
    }

    /** One request of a batch: assigned, or why not. */
    @Schema(description = "批量指定中一件申请的结果")
    public record AssignmentResult(String requestId, boolean assigned, String rule, String message) {
    }

    @PostMapping("/requests/{id}/assignment")
    @Operation(summary = "指定、更换或取消承办人（须为本机关的经办人或主管）")
    public Map<String, Object> assign(@PathVariable String id, @Valid @RequestBody HandlerAssignment body) {
        String handler = handler(body.handler());
        access.requireRequest(id);
        commands.sendAndWait(new RequestCommands.AssignHandler(id, handler, CurrentUser.get().username()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("handler", handler);
        return response;
    }

    @PostMapping("/agencies/{code}/requests/assignment")
    @Operation(summary = "批量指定承办人：逐件办理，某件失败不影响其他各件；结果逐件列出成功与否及原因")
    public Map<String, Object> assignMany(@PathVariable String code, @Valid @RequestBody HandlerBatchAssignment body) {
        String handler = handler(body.handler());
        access.requireAgency(code);
        if (body.requestIds().isEmpty()) {
            throw new InvalidInputException("requestIds", "请至少选择一件申请（requestIds）");
        }
        if (body.requestIds().size() > MAX_BATCH) {
            throw new InvalidInputException("requestIds", "一次最多指定 " + MAX_BATCH + " 件申请，现为 "
                    + body.requestIds().size() + " 件");
        }
        String assignedBy = CurrentUser.get().username();
        List<AssignmentResult> results = new ArrayList<>();
        for (String id : new LinkedHashSet<>(body.requestIds())) {
            results.add(assignOne(code, id, handler, assignedBy));
        }
        long assigned = results.stream().filter(AssignmentResult::assigned).count();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("handler", handler);
        response.put("assigned", assigned);
        response.put("failed", results.size() - assigned);
        response.put("results", results);
        return response;
    }

    private AssignmentResult assignOne(String code, String id, String handler, String assignedBy) {
        if (id == null || TextField.AGENCY_CODE.fault(id).isPresent() || id.isBlank()) {
            return new AssignmentResult(id, false, "REQUEST_ID_INVALID", "申请 id 无效");
        }
        if (!directories.agencyOfRequest(id).map(code::equals).orElse(false)) {
            return new AssignmentResult(id, false, "REQUEST_NOT_FOUND", "未找到该申请：它不存在，或不属于机关 " + code);
        }
        try {
            commands.sendAndWait(new RequestCommands.AssignHandler(id, handler, assignedBy));
            return new AssignmentResult(id, true, null, null);
        } catch (RuleViolation e) {
            return new AssignmentResult(id, false, e.rule(), e.getMessage());
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuleViolation violation) {
                return new AssignmentResult(id, false, violation.rule(), violation.getMessage());
            }
            throw e;
        } catch (ConcurrencyException e) {
            return new AssignmentResult(id, false, "CONCURRENT_CHANGE", "该申请刚被他人修改，请刷新后重试");
        }
    }

    /** The handler's user name, or null to leave the request without one; a malformed name is refused outright. */
    private static String handler(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("handler", "承办人（handler）须为用户名：2 至 " + TextField.USERNAME.maxLength()
                    + " 位字母、数字或 . _ @ -，且以字母或数字开头");
        }
        return name;
    }
}
