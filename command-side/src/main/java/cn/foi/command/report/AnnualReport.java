package cn.foi.command.report;

import cn.foi.platform.limits.TextField;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.report.ReportCommands.EnterReportTexts;
import cn.foi.command.report.ReportCommands.EnterTable2Figures;
import cn.foi.command.report.ReportCommands.Publication;
import cn.foi.command.report.ReportCommands.PublishAnnualReport;
import cn.foi.command.report.ReportCommands.RepublishAnnualReport;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.AnnualReportRepublished;
import cn.foi.platform.report.PublicationPrerequisites;
import cn.foi.events.report.PublishedReport;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.ReportTextsEntered;
import cn.foi.events.report.Table2FiguresEntered;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One agency's annual report for one year (domain §2.4): the figures and texts the agency enters (Table 二, sections
 * 一, 五 and 六), and the versions it publishes. Tables 三 and 四 are derived from the requests on the query side; a
 * publication freezes them as the supervisor saw them, together with what was entered here.
 *
 * <p>Whatever comes first for an agency and year starts the report. Entering again after a publication prepares a
 * correction, which is published as a new version with its reason.
 */
@Aggregate
public class AnnualReport {

    @AggregateIdentifier
    private String streamId;
    private String table2Template;
    /** Null until Table 二 is entered. */
    private Map<String, BigDecimal> table2;
    /** Null until the texts are entered. */
    private String overview;
    private String problems;
    private String otherMatters;
    /** The version in force: 0 while unpublished. */
    private int version;
    private String publishedHash;

    protected AnnualReport() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EnterTable2Figures command, AgencyDirectory agencies, Clock clock) {
        ReportRules.requireAgencyAndYear(command.agencyCode(), command.year(), agencies, clock);
        String template = ReportRules.template(command.template(), command.year());
        Map<String, BigDecimal> figures = Table2Rules.checked(template, command.figures());
        if (template.equals(table2Template) && figures.equals(table2)) {
            return; // the same table again: nothing to record
        }
        apply(new Table2FiguresEntered(command.agencyCode(), command.year(), template, figures));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EnterReportTexts command, AgencyDirectory agencies, Clock clock) {
        ReportRules.requireAgencyAndYear(command.agencyCode(), command.year(), agencies, clock);
        if (command.overview() == null || command.overview().isBlank()) {
            throw RuleViolation.invalid("REPORT_OVERVIEW_REQUIRED", "overview", "请填写“一、总体情况”");
        }
        String newOverview = ReportRules.text(TextField.REPORT_OVERVIEW, command.overview());
        String newProblems = ReportRules.text(TextField.REPORT_PROBLEMS, command.problems());
        String newOtherMatters = ReportRules.text(TextField.REPORT_OTHER_MATTERS, command.otherMatters());
        if (newOverview.equals(overview) && newProblems.equals(problems) && newOtherMatters.equals(otherMatters)) {
            return; // the same texts again: nothing to record
        }
        apply(new ReportTextsEntered(command.agencyCode(), command.year(), newOverview, newProblems, newOtherMatters));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Publication handle(PublishAnnualReport command, AgencyDirectory agencies, Clock clock) {
        ReportRules.requireAgencyAndYear(command.agencyCode(), command.year(), agencies, clock);
        String template = ReportRules.template(command.template(), command.year());
        if (version > 0) {
            throw RuleViolation.conflict("REPORT_ALREADY_PUBLISHED", command.year() + " 年度报告已发布（现行第 " + version
                    + " 版），不能再次首次发布；如需更正，请重新发布并写明更正原因");
        }
        PublishedReport report = snapshot(command.year(), template, command.report(), clock);
        String hash = ReportContent.hash(report);
        requireAsSeen(command.expectedHash(), hash);
        apply(new AnnualReportPublished(command.agencyCode(), command.year(), 1, template, hash, report));
        return new Publication(1, template, hash);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Publication handle(RepublishAnnualReport command, AgencyDirectory agencies, Clock clock) {
        ReportRules.requireAgencyAndYear(command.agencyCode(), command.year(), agencies, clock);
        String template = ReportRules.template(command.template(), command.year());
        if (version == 0) {
            throw RuleViolation.conflict("REPORT_NOT_PUBLISHED",
                    command.year() + " 年度报告尚未发布，无需更正：请直接发布");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.invalid("REPUBLICATION_REASON_REQUIRED", "reason", "更正发布年度报告须写明更正原因");
        }
        String reason = ReportRules.text(TextField.REPUBLICATION_REASON, command.reason().strip());
        PublishedReport report = snapshot(command.year(), template, command.report(), clock);
        String hash = ReportContent.hash(report);
        requireAsSeen(command.expectedHash(), hash);
        if (hash.equals(publishedHash)) {
            throw RuleViolation.conflict("REPORT_UNCHANGED", "报告内容与现行第 " + version
                    + " 版完全相同，无需更正；请先修改表二、文字部分或核对统计数据");
        }
        int next = version + 1;
        apply(new AnnualReportRepublished(command.agencyCode(), command.year(), next, template, hash, report, reason));
        return new Publication(next, template, hash);
    }

    /**
     * The content to freeze: the statistics as sent, with Table 二 and the texts as entered here. A client that sends
     * its own copy of those must have seen the entered ones: otherwise someone changed them in the meantime.
     */
    private PublishedReport snapshot(int year, String template, PublishedReport given, Clock clock) {
        // The same prerequisites the report as read lists for the page (all at once); refused here by the first.
        List<PublicationPrerequisites.Missing> missing = PublicationPrerequisites.missing(year,
                LocalDate.now(clock).getYear(), template, table2 == null ? null : table2Template, overview != null);
        if (!missing.isEmpty()) {
            throw RuleViolation.conflict(missing.get(0).rule(), missing.get(0).message());
        }
        if (given == null) {
            throw RuleViolation.invalid("REPORT_CONTENT_REQUIRED", "report", "请提交要发布的报告内容（表三、表四等统计数据）");
        }
        PublishedReport report = new PublishedReport(
                PublicationRules.table3(template, given.table3()),
                PublicationRules.table4(given.table4()),
                PublicationRules.table4Rule(given.table4Rule()),
                table2, overview, problems, otherMatters,
                PublicationRules.fees(given.feesCollected()));
        if (given.table2() != null && !sameFigures(given.table2(), table2)) {
            throw RuleViolation.conflict("TABLE2_CHANGED", "提交的表二与已录入的表二不一致，表二可能刚被修改过；请刷新后重新核对再发布");
        }
        if (differs(given.overview(), overview) || differs(given.problems(), problems)
                || differs(given.otherMatters(), otherMatters)) {
            throw RuleViolation.conflict("TEXTS_CHANGED", "提交的文字部分与已填写的不一致，文字可能刚被修改过；请刷新后重新核对再发布");
        }
        return report;
    }

    private static boolean sameFigures(Map<String, BigDecimal> given, Map<String, BigDecimal> entered) {
        Map<String, BigDecimal> normalized = new HashMap<>();
        given.forEach((key, value) -> normalized.put(key, ReportContent.normalized(value)));
        return normalized.equals(entered);
    }

    /** A text left out of the body is taken as entered. */
    private static boolean differs(String given, String entered) {
        return given != null && !given.equals(entered);
    }

    private static void requireAsSeen(String expectedHash, String hash) {
        if (expectedHash != null && !expectedHash.isBlank() && !expectedHash.strip().equalsIgnoreCase(hash)) {
            throw RuleViolation.conflict("REPORT_CHANGED_SINCE_VIEWED", "报告内容自您查看后已发生变化（查看时的校验值为 "
                    + expectedHash.strip() + "，现为 " + hash + "）；请刷新后重新核对再发布");
        }
    }

    @EventSourcingHandler
    void on(Table2FiguresEntered event) {
        streamId = ReportCommands.streamId(event.agencyCode(), event.year());
        table2Template = event.template();
        // Kept in the template's order: the published report shows Table 二 as the template lists it.
        table2 = Collections.unmodifiableMap(new LinkedHashMap<>(event.figures()));
    }

    @EventSourcingHandler
    void on(ReportTextsEntered event) {
        streamId = ReportCommands.streamId(event.agencyCode(), event.year());
        overview = event.overview();
        problems = Objects.requireNonNullElse(event.problems(), "");
        otherMatters = Objects.requireNonNullElse(event.otherMatters(), "");
    }

    @EventSourcingHandler
    void on(AnnualReportPublished event) {
        streamId = ReportCommands.streamId(event.agencyCode(), event.year());
        version = event.version();
        publishedHash = event.contentHash();
    }

    @EventSourcingHandler
    void on(AnnualReportRepublished event) {
        streamId = ReportCommands.streamId(event.agencyCode(), event.year());
        version = event.version();
        publishedHash = event.contentHash();
    }
}
