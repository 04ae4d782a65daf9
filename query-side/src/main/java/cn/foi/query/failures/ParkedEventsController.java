package cn.foi.query.failures;

import cn.foi.platform.limits.TextField;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Events the projections could not apply: listed, retried and skipped by administrators only. */
@RestController
@RequestMapping("/api/projections/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "运行状态")
public class ParkedEventsController {

    private final ParkedEvents parked;

    public ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    public record SkipBody(String reason) {
    }

    @GetMapping
    @Operation(summary = "滞留事件：查询端无法写入的事件（仅管理员；只列出标识，不含事件内容）")
    public List<ParkedEvents.ParkedEvent> list() {
        return parked.all();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "重新处理该事件所在申请的全部滞留事件（仅管理员）")
    public ResponseEntity<?> retry(@PathVariable String id) {
        ParkedEvents.ParkedEvent event = parked.find(id).orElseThrow(() -> notFound(id));
        ParkedEvents.RetryResult result = parked.retry(event, CurrentUser.get().username());
        if (result.cleared()) {
            return ResponseEntity.ok(Map.of("cleared", true, "stillParked", 0));
        }
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "still-parked", "重试未成功",
                "事件仍无法写入查询库，仍滞留 " + result.stillParked() + " 个事件；原因类型：" + result.causeType()
                        + (result.causeMessage() == null ? "" : "（" + result.causeMessage() + "）"));
        problem.setProperty("stillParked", result.stillParked());
        problem.setProperty("causeType", result.causeType());
        return Problems.respond(problem);
    }

    @PostMapping("/{id}/skip")
    @Operation(summary = "跳过该滞留事件，不再写入查询库（仅管理员；须说明原因，记录操作人和时间）")
    public Map<String, Object> skip(@PathVariable String id, @RequestBody SkipBody body) {
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "请填写跳过的原因");
        }
        TextField.PARKED_EVENT_SKIP_REASON.fault(reason).ifPresent(fault -> {
            throw new InvalidInputException("reason", fault.message());
        });
        if (!parked.skip(id, reason, CurrentUser.get().username())) {
            throw notFound(id);
        }
        return Map.of("skipped", true);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("未找到编号为 " + id + " 的滞留事件，可能已被处理");
    }
}
