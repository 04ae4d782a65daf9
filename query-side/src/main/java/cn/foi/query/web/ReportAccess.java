package cn.foi.query.web;

import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.security.ReportPermissions;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.report.AnnualReportView;
import cn.foi.query.report.AnnualReports;
import cn.foi.query.report.ReportTemplate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the report as JSON and the report as documents share: who may read which agency's report, which years a report
 * can exist for, and the report itself. One place, so that a document can never be read by someone the JSON refuses.
 */
@Component
public class ReportAccess {

    /** The regulations took effect on 1 May 2008: no annual report is older. */
    static final int FIRST_YEAR = 2008;

    private final AnnualReports reports;
    private final DirectoryProjection directory;
    private final ReadAccess access;
    private final Clock clock;

    public ReportAccess(AnnualReports reports, DirectoryProjection directory, ReadAccess access, Clock clock) {
        this.reports = reports;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The agency, if the signed-in user may read its report: an administrator any; a supervisor their agency and those
     * under it, roll-ups included; a clerk their own agency's, never a roll-up.
     */
    DirectoryProjection.AgencyRow readable(String code, boolean withSubordinates) {
        FoiUser user = CurrentUser.get();
        boolean allowed = withSubordinates ? access.oversees(user, code) : access.mayRead(user, code);
        if (!allowed) {
            throw new AccessDeniedException(withSubordinates
                    ? "只有上级机关的主管或管理员可以查看汇总年报" : "您只能查看本机关的年度报告");
        }
        return directory.agency(code).orElseThrow(() -> new NotFoundException("未找到编码为 " + code + " 的机关"));
    }

    void checkYear(int year) {
        int current = LocalDate.now(clock).getYear();
        if (year < FIRST_YEAR || year > current) {
            throw new InvalidInputException("year", "年度须在 " + FIRST_YEAR + " 至 " + current + " 年之间");
        }
    }

    /** The current report, after the access and year checks. */
    AnnualReportView report(String code, int year, String template, boolean includeSubordinates) {
        DirectoryProjection.AgencyRow agency = readable(code, includeSubordinates);
        checkYear(year);
        List<String> agencies = includeSubordinates ? directory.subtree(code) : List.of(code);
        // Named as the agency was called at the end of the year (机构更名 later does not rename a past year's report);
        // a roll-up sums the agencies under it in the tree as it stands now (README "机构调整", ADR 25).
        String name = directory.nameOn(code, LocalDate.of(year, 12, 31)).orElse(agency.name());
        ReportTemplate shown = ReportTemplate.of(template, year);
        AnnualReportView report = reports.report(code, name, agencies, includeSubordinates, year, shown,
                directory.appealYearRule(code));
        // The page offers only what the command side will accept (the same ReportPermissions rule refuses there), and
        // lists every missing prerequisite before a supervisor is asked to confirm a publication.
        List<String> actions = ReportPermissions.allowed(CurrentUser.get(), code, includeSubordinates);
        return report.withAccess(actions, includeSubordinates ? null
                : reports.publicationBlockers(code, year, shown, LocalDate.now(clock).getYear()));
    }

    /** A published version, after the access and year checks; 404 if the agency has not published it. */
    AnnualReportView published(String code, int year, int version) {
        DirectoryProjection.AgencyRow agency = readable(code, false);
        checkYear(year);
        return reports.published(code, agency.name(), year, version).orElseThrow(() -> new NotFoundException(
                agency.name() + year + "年度报告没有第 " + version + " 版已发布版本"));
    }

    /**
     * The current report, or with {@code version} a published version as it was frozen (only of the agency alone, and
     * only in the template it was published in).
     */
    AnnualReportView reportOrVersion(String code, int year, String template, boolean includeSubordinates,
                                 Integer version) {
        if (version == null) {
            return report(code, year, template, includeSubordinates);
        }
        if (includeSubordinates) {
            throw new InvalidInputException("version", "汇总报告不发布，没有已发布版本");
        }
        AnnualReportView report = published(code, year, version);
        if (template != null && !template.isBlank()
                && !ReportTemplate.of(template, year).code().equals(report.template())) {
            throw new InvalidInputException("template", "第 " + version + " 版按 " + report.template()
                    + " 年模板发布，只能按发布时的模板呈现");
        }
        return report;
    }
}
