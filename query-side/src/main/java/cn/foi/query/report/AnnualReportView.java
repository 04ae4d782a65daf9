package cn.foi.query.report;

import cn.foi.platform.report.PublicationPrerequisites;
import cn.foi.events.report.PublishedReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An agency's annual report for a year as the API gives it (docs/api.md): Table 三 and Table 四 derived from the
 * requests' business dates, the checks they pass, and the annex beyond the template (domain §3).
 *
 * @param table3    row key → seven numbers: C1..C6 by applicant category, C7 their total; every row of the template
 * @param table4    {@code reconsideration}, {@code lawsuitDirect}, {@code lawsuitAfterReconsideration} → 维持, 纠正,
 *                  其他, 尚未审结, 总计
 * @param agencies  the agencies counted: the agency alone, or with every agency under it
 * @param allowedActions      what the signed-in user may do with this report ({@code ENTER}: Table 二 and the texts,
 *                            {@code PUBLISH}: publish and correct), by the rule the command side refuses with; empty
 *                            for a roll-up
 * @param publicationBlockers everything still missing before the report can be published, each with the rule the
 *                            publication would be refused with; empty when nothing is; absent for a roll-up and for a
 *                            published version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnnualReportView(
        String agency,
        String agencyName,
        int year,
        String template,
        String title,
        boolean includeSubordinates,
        List<String> agencies,
        Map<String, List<Long>> table3,
        Map<String, List<Long>> table4,
        String table4Rule,
        String table4RuleLabel,
        List<Check> checks,
        FeesCollected feesCollected,
        Annex annex,
        List<Table2Figure> table2,
        Texts texts,
        PublishedReport publishable,
        String contentHash,
        Publication publication,
        List<String> allowedActions,
        List<PublicationPrerequisites.Missing> publicationBlockers) {

    /** The report as counted and entered, before the user's actions and the prerequisites are known. */
    public AnnualReportView(String agency, String agencyName, int year, String template, String title,
                        boolean includeSubordinates, List<String> agencies, Map<String, List<Long>> table3,
                        Map<String, List<Long>> table4, String table4Rule, String table4RuleLabel, List<Check> checks,
                        FeesCollected feesCollected, Annex annex, List<Table2Figure> table2, Texts texts,
                        PublishedReport publishable, String contentHash, Publication publication) {
        this(agency, agencyName, year, template, title, includeSubordinates, agencies, table3, table4, table4Rule,
                table4RuleLabel, checks, feesCollected, annex, table2, texts, publishable, contentHash, publication,
                null, null);
    }

    /** The report with what the signed-in user may do with it and what its publication still lacks. */
    public AnnualReportView withAccess(List<String> actions, List<PublicationPrerequisites.Missing> blockers) {
        return new AnnualReportView(agency, agencyName, year, template, title, includeSubordinates, agencies, table3,
                table4, table4Rule, table4RuleLabel, checks, feesCollected, annex, table2, texts, publishable,
                contentHash, publication, actions, blockers);
    }

    /** The title the templates give the report, with the agency's name: 某街道办事处2025年度政府信息公开工作年度报告. */
    public static String titleOf(String agencyName, int year) {
        return agencyName + year + "年度政府信息公开工作年度报告";
    }

    /** The report with what the agency entered and published beside the counted figures. */
    AnnualReportView with(List<Table2Figure> figures, Texts entered, PublishedReport content, String hash,
                      Publication published) {
        return new AnnualReportView(agency, agencyName, year, template, title, includeSubordinates, agencies, table3,
                table4, table4Rule, table4RuleLabel, checks, feesCollected, annex, figures, entered, content, hash,
                published);
    }

    /** The checks with one more, or one replaced by its key. */
    AnnualReportView withCheck(Check check) {
        List<Check> all = new java.util.ArrayList<>(checks.stream().filter(c -> !c.key().equals(check.key())).toList());
        all.add(check);
        return new AnnualReportView(agency, agencyName, year, template, title, includeSubordinates, agencies, table3,
                table4, table4Rule, table4RuleLabel, all, feesCollected, annex, table2, texts, publishable,
                contentHash, publication);
    }

    /** One figure of Table 二, with where it stands in the template; null value while not entered. */
    public record Table2Figure(String key, String section, String row, String column, String kind, BigDecimal value) {
    }

    /** Sections 一, 五 and 六 as entered; null while not entered. */
    public record Texts(String overview, String problems, String otherMatters) {
    }

    /**
     * The published versions and how the current figures differ from the latest one.
     *
     * @param differences empty while the report matches its latest published version, or before any publication
     */
    public record Publication(boolean published, Integer latestVersion, String latestHash, boolean upToDate,
                              List<Version> versions, List<Difference> differences) {
    }

    public record Version(int version, String contentHash, java.time.Instant publishedAt, String publishedBy,
                          String reason) {
    }

    /** A figure or text whose current value is not the published one. */
    public record Difference(String table, String row, String column, String published, String current) {
    }

    /** One rule the figures must satisfy (domain §2.1–2.2), with what was compared. */
    public record Check(String key, String rule, boolean passed, String detail) {
    }

    /** The fees paid in the year (section 六 of the 2021 template), from the fee notices and their payments. */
    public record FeesCollected(BigDecimal amountYuan, int payments) {
    }

    /**
     * Beyond the template (domain §3): how fast and how reliably the agency answered.
     *
     * @param answered               requests answered (closed) in the year
     * @param answeredWithinPeriod   of those, answered on or before their due date
     * @param withinPeriodShare      their share, 0..1, null when nothing was answered
     * @param medianWorkingDays      working days from receipt to answer: "<1" for an answer on the day of receipt
     * @param responseTimeBuckets    label → number of answers, "<1", "1-20", "21-40", … in working days
     * @param oldestOpen             the ten oldest requests still open at the end of the year (or today)
     * @param byChannel              requests received in the year by channel
     * @param extensionShare         share of the requests received in the year whose period was extended
     * @param supplementShare        share of the requests received in the year that needed a 补正
     * @param flags                  per flag code ({@code Flag.Code}): appeals filed in the year and fee notices dated
     *                               in it that the system flagged, zeros included; absent in reports published before
     */
    public record Annex(
            long answered,
            long answeredWithinPeriod,
            Double withinPeriodShare,
            String medianWorkingDays,
            String averageWorkingDays,
            String lowestWorkingDays,
            String highestWorkingDays,
            Map<String, Long> responseTimeBuckets,
            long answeredLate,
            long openPastDueDate,
            LocalDate openAsOf,
            List<OldRequest> oldestOpen,
            Map<String, Long> byChannel,
            long receivedInYear,
            Double extensionShare,
            Double supplementShare,
            Map<String, Long> flags) {
    }

    public record OldRequest(String id, String agencyCode, String caseNo, LocalDate receivedOn, LocalDate dueDate,
                             int ageWorkingDays) {
    }
}
