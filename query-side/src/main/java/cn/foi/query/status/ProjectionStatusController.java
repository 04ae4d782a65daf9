package cn.foi.query.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "运行状态")
public class ProjectionStatusController {

    private final ProjectionStatus status;

    public ProjectionStatusController(ProjectionStatus status) {
        this.status = status;
    }

    @GetMapping("/api/projections/status")
    @Operation(summary = "查询端是否已处理完全部已存储的事件（caughtUp：已写入或已滞留），滞留事件数（parked）")
    public ProjectionStatus.Status status(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return status.current(authorization);
    }
}
