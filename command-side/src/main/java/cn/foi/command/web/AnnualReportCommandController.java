package cn.foi.command.web;

import cn.foi.command.report.ReportCommands;
import cn.foi.command.report.ReportCommands.Publication;
import cn.foi.events.report.PublishedReport;
import cn.foi.events.report.ReportTemplates;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.ReportPermissions;
import cn.foi.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's annual report for a year: clerks and supervisors enter Table 二 and the texts; a supervisor (or an
 * administrator) publishes it, as checked, and publishes corrections. The statistics themselves are read on the query
 * side (GET /api/agencies/{code}/reports/{year}) and sent back here to be frozen.
 */
@RestController
@RequestMapping("/api/agencies/{code}/reports/{year}")
@Tag(name = "年度报告", description = "政府信息公开工作年度报告：表二、文字部分与发布")
public class AnnualReportCommandController {

    private final CommandGateway commands;

    public AnnualReportCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    public record Table2Body(
            @Schema(example = "2021", description = "模板：2019 或 2021；不填则按年度（2020 年及以前 2019，2021 年起 2021）")
            String template,
            @Schema(example = "{\"RULES_ISSUED\": 3, \"FEES_AMOUNT\": 1.25}",
                    description = "表二全部项目，须整表录入；计数为整数，本年增/减可为负数，金额单位万元，最多 4 位小数")
            Map<String, BigDecimal> figures) {
    }

    public record TextsBody(
            @Schema(description = "一、总体情况（必填，最多 20000 字）") String overview,
            @Schema(description = "五、存在的主要问题及改进情况（最多 20000 字）") String problems,
            @Schema(description = "六、其他需要报告的事项（最多 20000 字）") String otherMatters) {
    }

    /** The report as the query side shows it; numbers arrive as decimals so that 1.5 is refused, not truncated. */
    public record ReportBody(
            @Schema(description = "表三：行键 → C1..C6 及总计 C7，共 7 个数") Map<String, List<BigDecimal>> table3,
            @Schema(description = "表四：reconsideration、lawsuitDirect、lawsuitAfterReconsideration → 各 5 个数")
            Map<String, List<BigDecimal>> table4,
            @Schema(description = "表四的统计口径") String table4Rule,
            @Schema(description = "表二；可不填（发布已录入的表二），填写则须与已录入的一致") Map<String, BigDecimal> table2,
            @Schema(description = "可不填；填写则须与已填写的一致") String overview,
            String problems,
            String otherMatters,
            @Schema(description = "本年收取的信息处理费（元）；不填视为 0") BigDecimal feesCollected) {
    }

    public record PublicationBody(
            @Schema(example = "2021", description = "模板：2019 或 2021；不填则按年度") String template,
            ReportBody report,
            @Schema(description = "查看报告时显示的校验值；填写后，若报告内容已变化则拒绝发布") String expectedHash) {
    }

    public record RepublicationBody(String template, ReportBody report, String expectedHash,
                                    @Schema(example = "表三中 R3_1 行数据有误，予以更正") String reason) {
    }

    @PutMapping("/table2")
    @Operation(summary = "录入表二（主动公开政府信息情况），整表录入并替换之前录入的内容（本机关经办人、主管或管理员）")
    public Map<String, Object> enterTable2(@PathVariable String code, @PathVariable int year,
                                           @RequestBody Table2Body body) {
        requireEditor(code);
        commands.sendAndWait(new ReportCommands.EnterTable2Figures(code, year, body.template(), body.figures()));
        String template = body.template() == null || body.template().isBlank()
                ? ReportTemplates.defaultFor(year) : body.template().strip();
        return Map.of("agency", code, "year", year, "template", template);
    }

    @PutMapping("/texts")
    @Operation(summary = "填写年度报告的文字部分：总体情况、存在的主要问题及改进情况、其他需要报告的事项（本机关经办人、主管或管理员）")
    public Map<String, Object> enterTexts(@PathVariable String code, @PathVariable int year,
                                          @RequestBody TextsBody body) {
        requireEditor(code);
        commands.sendAndWait(new ReportCommands.EnterReportTexts(code, year, body.overview(), body.problems(),
                body.otherMatters()));
        return Map.of("agency", code, "year", year);
    }

    @PostMapping("/publication")
    @Operation(summary = "发布年度报告（本机关主管或管理员），发布后内容固定")
    public ResponseEntity<Map<String, Object>> publish(@PathVariable String code, @PathVariable int year,
                                                       @RequestBody PublicationBody body) {
        requirePublisher(code);
        Publication publication = commands.sendAndWait(new ReportCommands.PublishAnnualReport(code, year,
                body.template(), report(body.report()), body.expectedHash()));
        return created(code, year, publication);
    }

    @PostMapping("/republication")
    @Operation(summary = "更正并重新发布年度报告，须写明更正原因（本机关主管或管理员）")
    public ResponseEntity<Map<String, Object>> republish(@PathVariable String code, @PathVariable int year,
                                                         @RequestBody RepublicationBody body) {
        requirePublisher(code);
        Publication publication = commands.sendAndWait(new ReportCommands.RepublishAnnualReport(code, year,
                body.template(), report(body.report()), body.expectedHash(), body.reason()));
        return created(code, year, publication);
    }

    private static ResponseEntity<Map<String, Object>> created(String code, int year, Publication publication) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("version", publication.version());
        response.put("contentHash", publication.contentHash());
        response.put("template", publication.template());
        return ResponseEntity.created(URI.create("/api/agencies/" + code + "/reports/" + year)).body(response);
    }

    private static void requireEditor(String code) {
        if (!ReportPermissions.mayEnter(CurrentUser.get(), code)) {
            throw new AccessDeniedException("您只能编制本机关的年度报告");
        }
    }

    private static void requirePublisher(String code) {
        requireEditor(code);
        if (!ReportPermissions.mayPublish(CurrentUser.get(), code)) {
            throw new AccessDeniedException("只有本机关主管或管理员可以发布年度报告");
        }
    }

    private static PublishedReport report(ReportBody body) {
        if (body == null) {
            return null;
        }
        return new PublishedReport(counts(body.table3(), "report.table3"), counts(body.table4(), "report.table4"),
                body.table4Rule(), body.table2(), body.overview(), body.problems(), body.otherMatters(),
                body.feesCollected());
    }

    /** Whole numbers only; the shape (rows, columns, signs) is the aggregate's to judge. */
    private static Map<String, List<Long>> counts(Map<String, List<BigDecimal>> table, String field) {
        if (table == null) {
            return null;
        }
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        table.forEach((row, numbers) -> {
            if (numbers == null) {
                counts.put(row, null);
                return;
            }
            List<Long> whole = new ArrayList<>(numbers.size());
            for (int i = 0; i < numbers.size(); i++) {
                BigDecimal number = numbers.get(i);
                try {
                    whole.add(number == null ? null : number.longValueExact());
                } catch (ArithmeticException e) {
                    throw new InvalidInputException(field + "." + row, "第 " + (i + 1) + " 个数须为整数，现为 "
                            + number.toPlainString() + "（" + row + " 行）");
                }
            }
            counts.put(row, whole);
        });
        return counts;
    }
}
