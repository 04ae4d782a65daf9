package cn.foi.query.web;

import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.report.AnnualReportView;
import cn.foi.query.report.AnnualReportProjection;
import cn.foi.query.report.AnnualReports;
import cn.foi.query.report.AnnualStatistics;
import cn.foi.query.report.ReportTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The annual report of an agency, counted from its requests; a supervisor's roll-up and comparison of the agencies under it. */
@RestController
@RequestMapping("/api")
@Tag(name = "年度报告")
public class ReportQueryController {

    private final AnnualStatistics statistics;
    private final AnnualReports reports;
    private final DirectoryProjection directory;
    private final ReportAccess access;

    public ReportQueryController(AnnualStatistics statistics, AnnualReports reports, DirectoryProjection directory,
                                 ReportAccess access) {
        this.statistics = statistics;
        this.reports = reports;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/agencies/{code}/reports/{year}")
    @Operation(summary = "年度报告：表三、表四及校验、收费、附表（办理时效等）；includeSubordinates=true 时汇总本机关及全部下级机关"
            + "（主管和管理员）；template 可选 2019 或 2021，默认按年度")
    public AnnualReportView report(@PathVariable String code, @PathVariable int year,
                               @RequestParam(required = false) String template,
                               @RequestParam(defaultValue = "false") boolean includeSubordinates) {
        return access.report(code, year, template, includeSubordinates);
    }

    @GetMapping("/agencies/{code}/reports/{year}/publications")
    @Operation(summary = "年度报告的各发布版本（含更正版本），内容为发布时冻结的数字和文本")
    public List<AnnualReportProjection.Publication> publications(@PathVariable String code, @PathVariable int year) {
        access.readable(code, false);
        access.checkYear(year);
        return reports.publications(code, year);
    }

    /** One row per agency under the supervisor's agency: what the roll-up adds up. */
    public record ComparisonRow(String code, String name, Map<String, List<Long>> table3) {
    }

    @GetMapping("/agencies/{code}/reports/{year}/comparison")
    @Operation(summary = "下级机关年报对比：本机关及每个下级机关的表三（主管和管理员）")
    public List<ComparisonRow> comparison(@PathVariable String code, @PathVariable int year,
                                          @RequestParam(required = false) String template) {
        access.readable(code, true);
        access.checkYear(year);
        List<String> agencies = directory.subtree(code);
        Map<String, Map<String, List<Long>>> tables = statistics.table3ByAgency(agencies, year,
                ReportTemplate.of(template, year));
        List<ComparisonRow> rows = new ArrayList<>();
        for (String agency : agencies) {
            rows.add(new ComparisonRow(agency, directory.agency(agency).map(DirectoryProjection.AgencyRow::name)
                    .orElse(agency), tables.get(agency)));
        }
        return rows;
    }
}
