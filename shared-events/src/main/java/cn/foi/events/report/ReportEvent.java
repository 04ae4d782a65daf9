package cn.foi.events.report;

/**
 * Everything that happens to one agency's annual report for one year: the figures and texts the agency enters, and
 * each publication. Published versions are frozen; entering again prepares the next correction.
 */
public sealed interface ReportEvent
        permits Table2FiguresEntered, ReportTextsEntered, AnnualReportPublished, AnnualReportRepublished {

    String agencyCode();

    int year();
}
