package cn.foi.command.report;

import cn.foi.events.report.PublishedReport;
import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of an agency's annual report for one year. A {@code template} left null means the year's template
 * (2019 up to the 2020 report, 2021 from then on).
 */
public final class ReportCommands {

    private ReportCommands() {
    }

    /** One stream per agency and year, apart from agencies', users' and calendars' (see AgencyCommands#streamId). */
    public static String streamId(String agencyCode, int year) {
        return "report:" + agencyCode + ":" + year;
    }

    /** Table 二, whole: every figure of the template, nothing else. */
    public record EnterTable2Figures(String agencyCode, int year, String template, Map<String, BigDecimal> figures) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ReportCommands.streamId(agencyCode, year);
        }
    }

    /** Sections 一, 五 and 六 of the report. */
    public record EnterReportTexts(String agencyCode, int year, String overview, String problems,
                                   String otherMatters) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ReportCommands.streamId(agencyCode, year);
        }
    }

    /**
     * Publish the report for the first time.
     *
     * @param report       the figures as the supervisor saw them: Table 三 and 四 and the fees come from the statistics;
     *                     Table 二 and the texts may be left out (the entered ones are published) but, when given, must
     *                     be the entered ones
     * @param expectedHash the fingerprint shown with the report the supervisor checked, if the client has it
     */
    public record PublishAnnualReport(String agencyCode, int year, String template, PublishedReport report,
                                      String expectedHash) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ReportCommands.streamId(agencyCode, year);
        }
    }

    /** Publish a corrected version (更正), saying why. */
    public record RepublishAnnualReport(String agencyCode, int year, String template, PublishedReport report,
                                        String expectedHash, String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ReportCommands.streamId(agencyCode, year);
        }
    }

    /** What a publication answers: the version now in force and its fingerprint. */
    public record Publication(int version, String template, String contentHash) {
    }
}
