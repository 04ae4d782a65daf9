package cn.foi.command.web;

import cn.foi.command.agency.AgencyCommands;
import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What an agency's notices print where the law leaves the words to the agency (ADR 19). */
@RestController
@Tag(name = "文书", description = "出具、查看和下载申请办理中的各类告知书和答复书")
public class NoticeSettingsController {

    private final CommandGateway commands;

    public NoticeSettingsController(CommandGateway commands) {
        this.commands = commands;
    }

    public record NoticeSettingsBody(
            @Schema(example = "某街道", description = "文号中的机关简称；不填则用机关名称") String shortName,
            @Schema(example = "{机关简称}依申公{类别}〔{年}〕{序号}号",
                    description = "文号格式，须包含 {类别}、{年}、{序号}；不填则沿用上级机关的设置或默认格式") String numberPattern,
            @Schema(example = "某区人民政府", description = "答复书救济告知中的行政复议机关；不填则沿用上级机关的设置或通用表述")
            String reconsiderationBody,
            @Schema(example = "某区人民法院", description = "答复书救济告知中的人民法院；不填则沿用上级机关的设置或通用表述")
            String court) {
    }

    @PostMapping("/api/agencies/{code}/notice-settings")
    @Operation(summary = "机关的文书设置：机关简称、文号格式、复议机关和人民法院（管理员或本机关主管）")
    public Map<String, Object> change(@PathVariable String code, @RequestBody NoticeSettingsBody body) {
        FoiUser user = CurrentUser.get();
        if (!user.isAdmin() && !(user.role() == Role.SUPERVISOR && user.mayAccessAgency(code))) {
            throw new AccessDeniedException("只有管理员或本机关主管可以修改文书设置");
        }
        commands.sendAndWait(new AgencyCommands.ChangeNoticeSettings(code, body.shortName(), body.numberPattern(),
                body.reconsiderationBody(), body.court()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("shortName", body.shortName());
        response.put("numberPattern", body.numberPattern());
        response.put("reconsiderationBody", body.reconsiderationBody());
        response.put("court", body.court());
        return response;
    }
}
