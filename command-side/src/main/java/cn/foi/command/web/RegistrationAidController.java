package cn.foi.command.web;

import cn.foi.command.agency.AgencyCommands;
import cn.foi.command.directory.CommandDirectories;
import cn.foi.command.request.CaseNumberPattern;
import cn.foi.command.request.RequestCommands;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What helps the clerk register: the next case number of the agency's series (in the agency's pattern, which its
 * administrator or supervisor sets here, else the deployment's), and the link of a new request to an
 * earlier one (重复申请). The command side answers the case number because its registry is written in the registering
 * transaction: the number registered a moment ago is counted at once, which the query side could not promise (ADR 24).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "申请办理")
public class RegistrationAidController {

    private final CommandDirectories directories;
    private final RequestAccess access;
    private final CommandGateway commands;
    /** The deployment's pattern, for agencies that set none of their own. */
    private final CaseNumberPattern pattern;
    private final Clock clock;

    public RegistrationAidController(CommandDirectories directories, RequestAccess access, CommandGateway commands,
                                     Clock clock,
                                     @Value("${foi.case-numbers.pattern:" + CaseNumberPattern.DEFAULT + "}")
                                     String pattern) {
        this.directories = directories;
        this.access = access;
        this.commands = commands;
        this.clock = clock;
        this.pattern = CaseNumberPattern.of(pattern);
    }

    @GetMapping("/agencies/{code}/next-case-number")
    @Operation(summary = "建议的下一个受理编号（按本机关的编号格式，未设置则按系统默认格式；取该年度已用最大序号加一；"
            + "仅为建议，可修改，登记时仍校验是否重复）")
    public Map<String, Object> nextCaseNumber(
            @PathVariable String code,
            @Parameter(description = "收到申请日期，编号按其年度；默认今天")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @Parameter(description = "试用的编号格式（如 {年}-{序号:3}）：按此格式预览下一个编号，不保存；不填则用本机关的格式")
            @RequestParam(required = false) String pattern) {
        // The agency's own staff, and a supervisor above it, who previews a pattern in the 案号规则 dialog.
        if (!access.oversees(CurrentUser.get(), code)) {
            access.requireAgency(code);
        }
        if (!directories.exists(code)) {
            throw new NotFoundException("本系统中没有编码为 " + code + " 的机关");
        }
        LocalDate day = receivedOn != null ? receivedOn : LocalDate.now(clock);
        int year = CaseNumberPattern.seriesYear(day, LocalDate.now(clock));
        Optional<String> own = directories.caseNumberPattern(code);
        CaseNumberPattern used = pattern != null ? CaseNumberPattern.checked(pattern.strip(), "pattern")
                : own.map(CaseNumberPattern::of).orElse(this.pattern);
        String caseNo = used.next(year, directories.caseNumbersMatching(code, used.seriesRegex(year)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", caseNo);
        body.put("pattern", used.toString());
        body.put("agencyPattern", own.orElse(null));
        body.put("defaultPattern", this.pattern.toString());
        return body;
    }

    public record CaseNumberSettingsBody(
            @Schema(example = "{年}-{序号:3}", description = "受理编号格式：{年} 为收到申请的年度，{序号} 或 {序号:3}（补零到 3 位）"
                    + "为该年度的序号，其他字符照写；不填或空字符串则用系统默认格式")
            String caseNumberPattern) {
    }

    @PostMapping("/agencies/{code}/case-number-settings")
    @Operation(summary = "机关的受理编号格式，登记时按它建议下一个编号（管理员，或本机关及其上级机关的主管）")
    public Map<String, Object> changeCaseNumberSettings(@PathVariable String code,
                                                        @RequestBody CaseNumberSettingsBody body) {
        if (!access.oversees(CurrentUser.get(), code)) {
            throw new AccessDeniedException("只有管理员或本机关及其上级机关的主管可以修改受理编号格式");
        }
        if (!directories.exists(code)) {
            throw new NotFoundException("本系统中没有编码为 " + code + " 的机关");
        }
        commands.sendAndWait(new AgencyCommands.SetCaseNumberPattern(code, body.caseNumberPattern()));
        String own = directories.caseNumberPattern(code).orElse(null);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("caseNumberPattern", own);
        response.put("pattern", own != null ? own : pattern.toString());
        return response;
    }

    public record RelatedRequestBody(
            @Schema(description = "要关联的既往申请的 ID（须为同一机关的申请）")
            @NotBlank(message = "请选择要关联的既往申请") String earlierRequestId,
            @Schema(example = "同一申请人就同一事项再次申请") String reason) {
    }

    @PostMapping("/requests/{id}/related")
    @Operation(summary = "将申请关联到本机关的既往申请（如可能为重复申请），记入办理过程")
    public Map<String, Object> linkToEarlier(@PathVariable String id, @Valid @RequestBody RelatedRequestBody body) {
        access.requireRequest(id);
        CommandDirectories.RegisteredCase self = directories.registeredCase(id).orElseThrow();
        String earlierId = body.earlierRequestId().strip();
        // An ID is never long nor holds control characters; PostgreSQL would refuse to even compare one with U+0000.
        boolean plausible = earlierId.length() <= 64 && earlierId.chars().noneMatch(Character::isISOControl);
        CommandDirectories.RegisteredCase earlier = (plausible ? directories.registeredCase(earlierId)
                : java.util.Optional.<CommandDirectories.RegisteredCase>empty())
                .filter(found -> found.agencyCode().equals(self.agencyCode()))
                .orElseThrow(() -> new InvalidInputException("earlierRequestId",
                        "未找到要关联的申请：只能关联同一机关（" + self.agencyCode() + "）的申请"));
        commands.sendAndWait(new RequestCommands.LinkToEarlierRequest(id, earlierId, earlier.caseNo(),
                body.reason()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("earlierRequestId", earlierId);
        response.put("earlierCaseNo", earlier.caseNo());
        return response;
    }
}
