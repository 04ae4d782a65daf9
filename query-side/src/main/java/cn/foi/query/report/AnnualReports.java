package cn.foi.query.report;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.platform.report.PublicationPrerequisites;
import cn.foi.events.report.PublishedReport;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.Table2Item;
import cn.foi.events.report.Table3Rows;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.query.report.AnnualReportView.Check;
import cn.foi.query.report.AnnualReportView.Difference;
import cn.foi.query.report.AnnualReportView.Publication;
import cn.foi.query.report.AnnualReportView.Table2Figure;
import cn.foi.query.report.AnnualReportView.Texts;
import cn.foi.query.report.AnnualReportView.Version;
import cn.foi.query.report.AnnualReportProjection.Entry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The whole annual report of an agency: the figures counted from its requests, what it entered (Table 二, the texts),
 * and its published versions, with the differences a later change made against the latest one.
 */
@Component
public class AnnualReports {

    private final AnnualStatistics statistics;
    private final AnnualReportProjection entries;

    public AnnualReports(AnnualStatistics statistics, AnnualReportProjection entries) {
        this.statistics = statistics;
        this.entries = entries;
    }

    public AnnualReportView report(String agency, String agencyName, List<String> agencies, boolean includeSubordinates,
                               int year, ReportTemplate template, AppealYearRule appealRule) {
        AnnualReportView counted = statistics.report(agency, agencyName, agencies, includeSubordinates, year, template,
                appealRule);
        if (includeSubordinates) {
            return counted; // a roll-up is read, not entered or published
        }
        Entry entry = entries.entry(agency, year).orElse(null);
        boolean table2Entered = entry != null && entry.table2() != null && template.code().equals(entry.template());
        List<Table2Figure> table2 = Table2Item.of(template.code()).stream()
                .map(item -> new Table2Figure(item.key(), item.section(), item.row(), item.column(),
                        item.kind().name(), table2Entered ? entry.table2().get(item.key()) : null))
                .toList();
        Texts texts = entry == null || entry.overview() == null ? null
                : new Texts(entry.overview(), entry.problems(), entry.otherMatters());
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        if (table2Entered) {
            figures.putAll(entry.table2());
        }
        PublishedReport content = new PublishedReport(counted.table3(), counted.table4(), counted.table4Rule(), figures,
                texts == null ? "" : texts.overview(), texts == null ? "" : texts.problems(),
                texts == null ? "" : texts.otherMatters(), counted.feesCollected().amountYuan());
        String hash = ReportContent.hash(content);

        List<AnnualReportProjection.Publication> published = entries.publications(agency, year);
        AnnualReportView report = counted.with(table2, texts, content, hash, publication(published, content, hash));
        List<AnnualReportProjection.Publication> lastYear = entries.publications(agency, year - 1);
        if (!lastYear.isEmpty()) {
            report = report.withCheck(carriedOverFromPublished(counted.table3().get(Table3Rows.CARRIED_OVER),
                    lastYear.get(lastYear.size() - 1), year));
        }
        return report;
    }

    /**
     * A published version as it was published: the frozen figures and texts, checked again on their own (the checks
     * that need the requests cannot be repeated on frozen figures), and the agency's name as it is now.
     */
    public Optional<AnnualReportView> published(String agency, String agencyName, int year, int version) {
        List<AnnualReportProjection.Publication> published = entries.publications(agency, year);
        Optional<AnnualReportProjection.Publication> found = published.stream()
                .filter(p -> p.version() == version).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnnualReportProjection.Publication publication = found.get();
        PublishedReport content = publication.report();
        ReportTemplate template = ReportTemplate.of(publication.template(), year);
        List<Check> checks = new ArrayList<>(ReportChecks.ofPublishedFigures(content.table3(),
                content.table4(), template));
        List<AnnualReportProjection.Publication> lastYear = entries.publications(agency, year - 1);
        if (!lastYear.isEmpty()) {
            checks.add(carriedOverFromPublished(content.table3().get(Table3Rows.CARRIED_OVER), lastYear.get(lastYear.size() - 1), year));
        }
        Map<String, BigDecimal> figures = content.table2() == null ? Map.of() : content.table2();
        List<Table2Figure> table2 = Table2Item.of(template.code()).stream()
                .map(item -> new Table2Figure(item.key(), item.section(), item.row(), item.column(),
                        item.kind().name(), figures.get(item.key())))
                .toList();
        List<Version> versions = published.stream()
                .map(p -> new Version(p.version(), p.contentHash(), p.publishedAt(), p.publishedBy(), p.reason()))
                .toList();
        return Optional.of(new AnnualReportView(agency, agencyName, year, template.code(),
                AnnualReportView.titleOf(agencyName, year), false, List.of(agency), content.table3(), content.table4(),
                content.table4Rule(), ruleLabel(content.table4Rule()), checks,
                new AnnualReportView.FeesCollected(content.feesCollected(), 0), null, table2,
                new Texts(content.overview(), content.problems(), content.otherMatters()), content,
                publication.contentHash(), new Publication(true, publication.version(), publication.contentHash(),
                true, versions, List.of())));
    }

    /** The published rule is the rule's name when the system filled it in; any other text is shown as it is. */
    private static String ruleLabel(String rule) {
        return Arrays.stream(AppealYearRule.values()).filter(r -> r.name().equals(rule)).findFirst()
                .map(AppealYearRule::label).orElse(rule);
    }

    /**
     * Everything the agency's report still lacks to be published in the template, as the report aggregate checks it
     * (the year over, Table 二 entered in that template, the texts written): all at once, where the command names the
     * first.
     */
    public List<PublicationPrerequisites.Missing> publicationBlockers(String agency, int year, ReportTemplate template,
                                                                      int currentYear) {
        Entry entry = entries.entry(agency, year).orElse(null);
        String table2Template = entry == null || entry.table2() == null ? null : entry.template();
        boolean textsEntered = entry != null && entry.overview() != null;
        return PublicationPrerequisites.missing(year, currentYear, template.code(), table2Template, textsEntered);
    }

    public List<AnnualReportProjection.Publication> publications(String agency, int year) {
        return entries.publications(agency, year);
    }

    private static Publication publication(List<AnnualReportProjection.Publication> published, PublishedReport current,
                                           String hash) {
        if (published.isEmpty()) {
            return new Publication(false, null, null, false, List.of(), List.of());
        }
        AnnualReportProjection.Publication latest = published.get(published.size() - 1);
        List<Version> versions = published.stream()
                .map(p -> new Version(p.version(), p.contentHash(), p.publishedAt(), p.publishedBy(), p.reason()))
                .toList();
        return new Publication(true, latest.version(), latest.contentHash(), latest.contentHash().equals(hash),
                versions, differences(latest.report(), current));
    }

    /** Every figure and text of the latest published version that the current report no longer has. */
    static List<Difference> differences(PublishedReport published, PublishedReport current) {
        List<Difference> differences = new ArrayList<>();
        cells(differences, "table3", published.table3(), current.table3(), AnnualReports::table3Column);
        cells(differences, "table4", published.table4(), current.table4(), c -> RemedyCounts.COLUMNS[c]);
        Set<String> keys = new LinkedHashSet<>(published.table2().keySet());
        keys.addAll(current.table2().keySet());
        for (String key : keys) {
            String before = ReportContent.plain(published.table2().get(key));
            String now = ReportContent.plain(current.table2().get(key));
            if (!before.equals(now)) {
                differences.add(new Difference("table2", key, null, before, now));
            }
        }
        text(differences, "overview", published.overview(), current.overview());
        text(differences, "problems", published.problems(), current.problems());
        text(differences, "otherMatters", published.otherMatters(), current.otherMatters());
        if (!ReportContent.plain(published.feesCollected()).equals(ReportContent.plain(current.feesCollected()))) {
            differences.add(new Difference("fees", "feesCollected", null,
                    ReportContent.plain(published.feesCollected()), ReportContent.plain(current.feesCollected())));
        }
        if (!Objects.equals(published.table4Rule(), current.table4Rule())) {
            differences.add(new Difference("table4", "table4Rule", null, published.table4Rule(), current.table4Rule()));
        }
        return differences;
    }

    private static void cells(List<Difference> differences, String table, Map<String, List<Long>> published,
                              Map<String, List<Long>> current, java.util.function.IntFunction<String> column) {
        Set<String> rows = new LinkedHashSet<>(published.keySet());
        rows.addAll(current.keySet());
        for (String row : rows) {
            List<Long> before = published.getOrDefault(row, List.of());
            List<Long> now = current.getOrDefault(row, List.of());
            for (int c = 0; c < Math.max(before.size(), now.size()); c++) {
                Long a = c < before.size() ? before.get(c) : null;
                Long b = c < now.size() ? now.get(c) : null;
                if (!Objects.equals(a, b)) {
                    differences.add(new Difference(table, row, column.apply(c), String.valueOf(a), String.valueOf(b)));
                }
            }
        }
    }

    private static void text(List<Difference> differences, String key, String published, String current) {
        if (!Objects.equals(published == null ? "" : published, current == null ? "" : current)) {
            differences.add(new Difference("texts", key, null, "（已发布文本，" + length(published) + " 字）",
                    "（现文本，" + length(current) + " 字）"));
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    private static String table3Column(int column) {
        return column < ApplicantCategory.values().length ? ApplicantCategory.values()[column].label() : "总计";
    }

    private static Check carriedOverFromPublished(List<Long> carriedIn, AnnualReportProjection.Publication lastYear,
                                                  int year) {
        return ReportChecks.carriedOverFromPublished(carriedIn, lastYear.report().table3().get(Table3Rows.CARRIED_FORWARD),
                lastYear.version(), year);
    }
}
