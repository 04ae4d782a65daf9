package cn.foi.command.web;

import cn.foi.command.calendar.CalendarCommands;
import cn.foi.command.calendar.CalendarYearPreview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Declaring the working-day calendar (administrators only): a new year's national schedule when the State Council
 * publishes it, and the extra days of a region. Every open request the change touches gets its due date recomputed.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历", description = "节假日与调休安排")
public class CalendarController {

    private final CommandGateway commands;

    public CalendarController(CommandGateway commands) {
        this.commands = commands;
    }

    public record YearDeclaration(@Schema(example = "2027") @NotNull(message = "请填写年份") Integer year,
                                  @Schema(description = "放假日期（含假期中的周末）") List<LocalDate> holidays,
                                  @Schema(description = "调休上班的周末日期") List<LocalDate> makeUpWorkdays,
                                  @Schema(example = "国办发明电〔2026〕X号") String source,
                                  @Schema(description = "确认更改：重新公布今年或往年并取消已公布的日期时须为 true")
                                  Boolean confirm,
                                  @Schema(description = "更改原因（确认更改时必填，最多 200 字）", example = "通知录入有误，按原文更正")
                                  String reason) {
    }

    public record YearPreview(@Schema(example = "2027") @NotNull(message = "请填写年份") Integer year,
                              @Schema(description = "放假日期（含假期中的周末）") List<LocalDate> holidays,
                              @Schema(description = "调休上班的周末日期") List<LocalDate> makeUpWorkdays) {
    }

    public record RegionalDeclaration(@NotNull(message = "请填写年份") Integer year,
                                      List<LocalDate> holidays,
                                      List<LocalDate> makeUpWorkdays,
                                      @Schema(example = "某自治州民族节日放假一天") String reason) {
    }

    @PostMapping("/years")
    @Operation(summary = "公布（或更正）某年全国节假日安排（仅管理员）；取消今年或往年已公布的日期须确认（confirm）并写明原因（reason），"
            + "否则 409 并说明将改变的日期和受影响的申请数")
    public Map<String, Object> declareYear(@Valid @RequestBody YearDeclaration body) {
        commands.sendAndWait(new CalendarCommands.DeclareCalendarYear(CalendarCommands.NATIONAL, body.year(),
                body.holidays(), body.makeUpWorkdays(), body.source(), Boolean.TRUE.equals(body.confirm()),
                body.reason()));
        return Map.of("calendar", CalendarCommands.NATIONAL, "year", body.year());
    }

    @PostMapping("/years/preview")
    @Operation(summary = "预览重新公布某年节假日安排的影响（不保存）：新增和取消的日期、答复期限将改变的未办结申请数、是否须确认（仅管理员）")
    public CalendarYearPreview previewYear(@Valid @RequestBody YearPreview body) {
        return commands.sendAndWait(new CalendarCommands.PreviewCalendarYear(CalendarCommands.NATIONAL, body.year(),
                body.holidays(), body.makeUpWorkdays()));
    }

    @PostMapping("/regions/{agencyCode}")
    @Operation(summary = "登记某地区（机关及其下级机关）的地方假日（仅管理员）")
    public Map<String, Object> declareRegionalDays(@PathVariable String agencyCode,
                                                   @Valid @RequestBody RegionalDeclaration body) {
        commands.sendAndWait(new CalendarCommands.DeclareRegionalDays(agencyCode, body.year(), body.holidays(),
                body.makeUpWorkdays(), body.reason()));
        return Map.of("calendar", agencyCode, "year", body.year());
    }
}
