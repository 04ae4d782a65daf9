package cn.foi.command.web;

import cn.foi.command.access.UserCommands;
import cn.foi.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marks the signed-in user's reminders read. The reminders themselves are read on the query side
 * ({@code GET /api/reminders}); the mark is an event of the user's account, so that every query side shows it and a
 * rebuilt projection keeps it (ADR 0027).
 */
@RestController
@RequestMapping("/api/reminders")
@Tag(name = "提醒", description = "系统提醒与菜单角标")
public class ReminderCommandController {

    private final CommandGateway commands;
    private final Clock clock;

    public ReminderCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public record ReadMark(@NotNull(message = "请列出要标为已读的提醒（keys）")
                           @ArraySchema(schema = @Schema(example = "3f2a9c1e-5b7d-4e21-9a0b-1c2d3e4f5a6b:OVERDUE:2026-11-30"),
                                   arraySchema = @Schema(description = "提醒标识，取自 GET /api/reminders 的 key；"
                                           + "“全部标为已读”即列出全部未读提醒的标识"))
                           List<String> keys) {
    }

    @PostMapping("/read")
    @Operation(summary = "将本人的提醒标为已读（只影响本人）")
    public Map<String, Object> markRead(@Valid @RequestBody ReadMark body) {
        commands.sendAndWait(new UserCommands.MarkRemindersRead(CurrentUser.get().username(), body.keys(),
                clock.instant()));
        return Map.of("read", body.keys().size());
    }
}
