package cn.foi.query.web;

import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.report.AnnualReportView;
import cn.foi.query.report.documents.Grid;
import cn.foi.query.report.documents.ReportDocument;
import cn.foi.query.request.RequestQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web UI's year-end page shows beside the report JSON: the tables laid out as the official template lays them
 * out (the grids the documents draw, so the page and the files cannot disagree), and the requests received and closed
 * per month.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "年度报告")
public class ReportViewController {

    private static final Set<String> TABLES = Set.of("table2", "table3", "table4", "checks");

    private final ReportAccess access;
    private final RequestQueries requests;
    private final DirectoryProjection directory;

    public ReportViewController(ReportAccess access, RequestQueries requests, DirectoryProjection directory) {
        this.access = access;
        this.requests = requests;
        this.directory = directory;
    }

    public record Layout(List<Grid> tables) {
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}/layout")
    @Operation(summary = "年度报告表二、表三、表四及校验结果的版式（与下载文件相同的单元格及合并），供页面按官方模板呈现；"
            + "参数与年度报告相同，version=N 为已发布的第 N 版")
    public Layout layout(@PathVariable String code, @PathVariable int year,
                         @RequestParam(required = false) String template,
                         @RequestParam(defaultValue = "false") boolean includeSubordinates,
                         @RequestParam(required = false) Integer version) {
        AnnualReportView report = access.reportOrVersion(code, year, template, includeSubordinates, version);
        // The official tables come from the published document, the checks from its 校验单.
        List<Grid> tables = java.util.stream.Stream.concat(ReportDocument.of(report, version).blocks().stream(),
                        ReportDocument.checkSheet(report, version).blocks().stream())
                .filter(ReportDocument.Table.class::isInstance)
                .map(block -> ((ReportDocument.Table) block).grid())
                .filter(grid -> TABLES.contains(grid.name()))
                .toList();
        return new Layout(tables);
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}/monthly")
    @Operation(summary = "本年度每月收到和办结的申请件数（按收到日期和办结日期）；includeSubordinates=true 时含全部下级机关")
    public Map<String, Object> monthly(@PathVariable String code, @PathVariable int year,
                                       @RequestParam(defaultValue = "false") boolean includeSubordinates) {
        access.readable(code, includeSubordinates);
        access.checkYear(year);
        List<String> agencies = includeSubordinates ? directory.subtree(code) : List.of(code);
        return Map.of("agency", code, "year", year, "months", requests.monthlyCounts(agencies, year));
    }
}
