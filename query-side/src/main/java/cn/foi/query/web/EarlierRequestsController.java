package cn.foi.query.web;

import cn.foi.platform.limits.TextField;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.query.request.EarlierRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the clerk sees while registering: the applicant's earlier requests to the agency, and those that may be the same
 * request again (重复申请). Kept apart from the request list, whose filters serve other needs. No ID number or contact
 * is returned: the lists' personal-data rule (ADR 0013) holds here too.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "申请查询")
public class EarlierRequestsController {

    private final EarlierRequests earlier;
    private final ReadAccess access;
    private final Clock clock;

    public EarlierRequestsController(EarlierRequests earlier, ReadAccess access, Clock clock) {
        this.earlier = earlier;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/agencies/{code}/requests/by-applicant")
    @Operation(summary = "该申请人向本机关提出的既往申请（按姓名或名称匹配，忽略空格和全角半角；最新的在前，最多 "
            + EarlierRequests.LIMIT + " 件，总数见 X-Total-Count）")
    public ResponseEntity<List<EarlierRequests.Earlier>> byApplicant(
            @PathVariable String code,
            @Parameter(description = "申请人姓名或名称") @RequestParam String applicantName) {
        requireReadable(code);
        String name = checked(TextField.APPLICANT_NAME, "applicantName", applicantName, true);
        EarlierRequests.Found found = earlier.ofApplicant(code, name);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(found.items());
    }

    @GetMapping("/agencies/{code}/requests/similar")
    @Operation(summary = "可能的重复申请：同一申请人在收到申请日期前 12 个月内内容相近的申请（similarity 为 0 至 1 的相似度，"
            + "达到设定阈值 foi.requests.similarity-threshold 的才列出，最相近的在前）")
    public List<EarlierRequests.Earlier> similar(
            @PathVariable String code,
            @Parameter(description = "申请人姓名或名称") @RequestParam String applicantName,
            @Parameter(description = "申请内容") @RequestParam String description,
            @Parameter(description = "新申请的收到申请日期，默认今天")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn) {
        requireReadable(code);
        String name = checked(TextField.APPLICANT_NAME, "applicantName", applicantName, true);
        String content = checked(TextField.DESCRIPTION, "description", description, false);
        LocalDate today = LocalDate.now(clock);
        if (receivedOn != null && receivedOn.isAfter(today)) {
            throw new InvalidInputException("receivedOn", "收到申请日期（" + receivedOn + "）不能晚于今天");
        }
        return earlier.similar(code, name, content, receivedOn == null ? today : receivedOn);
    }

    private void requireReadable(String code) {
        if (!access.mayRead(CurrentUser.get(), code)) {
            throw new AccessDeniedException("您只能查看本机关（主管：本机关及下级机关）的申请");
        }
    }

    /** The text as the registration form would take it; a blank name is refused as the form refuses it. */
    private static String checked(TextField field, String parameter, String text, boolean required) {
        String stripped = text == null ? "" : text.strip();
        if (required && stripped.isEmpty()) {
            throw new InvalidInputException(parameter, "请填写" + field.label());
        }
        field.fault(stripped).ifPresent(fault -> {
            throw new InvalidInputException(parameter, fault.message());
        });
        return stripped;
    }
}
