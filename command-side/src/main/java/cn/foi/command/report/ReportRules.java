package cn.foi.command.report;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.InputLimits;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.report.ReportTemplates;
import java.time.Clock;
import java.time.LocalDate;

/** The checks every report command shares: whose report, which year, which template, and the texts' limits. */
final class ReportRules {

    /** The first year of 政府信息公开 annual reports: the 2007 条例 came into force on 2008-05-01. */
    static final int FIRST_YEAR = 2008;

    private ReportRules() {
    }

    static void requireAgencyAndYear(String agencyCode, int year, AgencyDirectory agencies, Clock clock) {
        if (!agencies.exists(agencyCode)) {
            throw RuleViolation.notFound("AGENCY_UNKNOWN", "本系统中没有编码为 " + agencyCode + " 的机关");
        }
        int currentYear = LocalDate.now(clock).getYear();
        if (year < FIRST_YEAR || year > currentYear) {
            throw RuleViolation.invalid("REPORT_YEAR_OUT_OF_RANGE", "year",
                    "年度报告的年份须在 " + FIRST_YEAR + " 年至 " + currentYear + " 年之间，不能是 " + year + " 年");
        }
    }

    static String template(String requested, int year) {
        if (requested == null || requested.isBlank()) {
            return ReportTemplates.defaultFor(year);
        }
        String template = requested.strip();
        if (!ReportTemplates.isKnown(template)) {
            throw RuleViolation.invalid("REPORT_TEMPLATE_UNKNOWN", "template",
                    "年度报告模板“" + requested + "”无效，可选值：2019（国办公开办函〔2019〕60号）、2021（国办公开办函〔2021〕30号）");
        }
        return template;
    }

    /**
     * A text as written (a paragraph's leading 全角 indent is kept), or empty, within the catalogue's limits: generous
     * for a small agency's report, small enough to keep events and documents reasonable.
     */
    static String text(TextField field, String given) {
        return InputLimits.text(field, given == null ? "" : given);
    }
}
