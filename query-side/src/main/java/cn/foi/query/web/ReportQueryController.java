package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.reports.AnnualReport;
import cn.foi.query.reports.AnnualReportProjection;
import cn.foi.query.reports.AnnualReports;
import cn.foi.query.reports.AnnualStatistics;
import cn.foi.query.reports.ReportTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
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

    /** The regulations took effect on 1 May 2008: no annual report is older. */
    static final int FIRST_YEAR = 2008;

    private final AnnualStatistics statistics;
    private final AnnualReports reports;
    private final DirectoryProjection directory;
    private final Clock clock;

    public ReportQueryController(AnnualStatistics statistics, AnnualReports reports, DirectoryProjection directory,
                                 Clock clock) {
        this.statistics = statistics;
        this.reports = reports;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/agencies/{code}/reports/{year}")
    @Operation(summary = "年度报告：表三、表四及校验、收费、附表（办理时效等）；includeSubordinates=true 时汇总本机关及全部下级机关"
            + "（主管和管理员）；template 可选 2019 或 2021，默认按年度")
    public AnnualReport report(@PathVariable String code, @PathVariable int year,
                               @RequestParam(required = false) String template,
                               @RequestParam(defaultValue = "false") boolean includeSubordinates) {
        DirectoryProjection.AgencyRow agency = readable(code, includeSubordinates);
        checkYear(year);
        List<String> agencies = includeSubordinates ? directory.subtree(code) : List.of(code);
        return reports.report(code, agency.name(), agencies, includeSubordinates, year,
                ReportTemplate.of(template, year), directory.appealYearRule(code));
    }

    @GetMapping("/agencies/{code}/reports/{year}/publications")
    @Operation(summary = "年度报告的各发布版本（含更正版本），内容为发布时冻结的数字和文本")
    public List<AnnualReportProjection.Publication> publications(@PathVariable String code, @PathVariable int year) {
        readable(code, false);
        checkYear(year);
        return reports.publications(code, year);
    }

    /** One row per agency under the supervisor's agency: what the roll-up adds up. */
    public record ComparisonRow(String code, String name, Map<String, List<Long>> table3) {
    }

    @GetMapping("/agencies/{code}/reports/{year}/comparison")
    @Operation(summary = "下级机关年报对比：本机关及每个下级机关的表三（主管和管理员）")
    public List<ComparisonRow> comparison(@PathVariable String code, @PathVariable int year,
                                          @RequestParam(required = false) String template) {
        readable(code, true);
        checkYear(year);
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

    private DirectoryProjection.AgencyRow readable(String code, boolean withSubordinates) {
        FoiUser user = CurrentUser.get();
        boolean allowed = user.isAdmin()
                || (user.role() == Role.SUPERVISOR && user.agencyCode() != null
                && directory.ancestry(code).contains(user.agencyCode()))
                || (!withSubordinates && user.mayAccessAgency(code));
        if (!allowed) {
            throw new AccessDeniedException(withSubordinates
                    ? "只有上级机关的主管或管理员可以查看汇总年报" : "您只能查看本机关的年度报告");
        }
        return directory.agency(code).orElseThrow(() -> new NotFoundException("未找到编码为 " + code + " 的机关"));
    }

    private void checkYear(int year) {
        int current = LocalDate.now(clock).getYear();
        if (year < FIRST_YEAR || year > current) {
            throw new InvalidInputException("year", "年度须在 " + FIRST_YEAR + " 至 " + current + " 年之间");
        }
    }
}
