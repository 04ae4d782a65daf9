package cn.foi.query.report;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.report.ReportChecks.RequestList;
import cn.foi.query.report.ReportChecks.RequestList.Fingerprint;
import cn.foi.query.request.RequestFlags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the annual report's figures from the requests themselves, by their business dates (domain §2.1–2.2, §3): a
 * request entered late or corrected counts in the year its dates say, whenever it was recorded.
 *
 * <p>Each part has a class of its own: {@link Table3Counts} (Table 三), {@link RemedyCounts} (Table 四),
 * {@link FeeTotals} (section 六's fees), {@link AnnexFigures} (the annex) and {@link ReportChecks} (the checks, which
 * count the request list again by conditions of their own). This class composes them, and keeps each agency's figures
 * for a year ({@link AgencyFacts}) until the agency's requests or calendar change (ADR 17).
 */
@Component
public class AnnualStatistics {

    private final JdbcTemplate jdbc;
    private final AgencyCalendars calendars;
    private final Clock clock;
    private final RequestFlags flags;

    public AnnualStatistics(QueryDatabase database, AgencyCalendars calendars, RequestFlags flags, Clock clock) {
        this.jdbc = database.jdbc();
        this.flags = flags; // the request page's rules, over the same rows
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * The report of the given agencies (one, or a subtree) for the year.
     *
     * <p>Table 三, Table 四, section 六's fees and the annex are summed from each agency's facts for the year
     * ({@link AgencyFacts}), counted once per agency and kept until one of its requests or its calendar changes: a
     * district's roll-up adds up the facts of its agencies instead of reading every request, appeal and fee notice
     * again. The checks count apart, from the request list itself, in one pass that also tells which agencies' facts
     * are out of date (ADR 17).
     */
    public AnnualReportView report(String agency, String agencyName, List<String> agencies, boolean includeSubordinates,
                               int year, ReportTemplate template, AppealYearRule appealRule) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = today.isBefore(end) ? today : end;
        Map<String, WorkingDayCalendar> calendar = calendars.forAgencies(agencies);
        RequestList list = RequestList.count(jdbc, agencies, start, end);
        List<AgencyFacts> facts = facts(agencies, list.fingerprints(), calendar, year, template, appealRule, asOf);
        Map<String, long[]> table3 = Table3Counts.sum(facts.stream().map(AgencyFacts::table3).toList(), template);
        Map<String, long[]> table4 = RemedyCounts.sum(facts.stream().map(AgencyFacts::table4).toList());
        FeeTotals fees = FeeTotals.sum(facts.stream().map(AgencyFacts::fees).toList());

        return new AnnualReportView(agency, agencyName, year, template.code(),
                AnnualReportView.titleOf(agencyName, year), includeSubordinates, agencies,
                Table3Counts.asLists(table3), Table3Counts.asLists(table4), appealRule.name(), appealRule.label(),
                ReportChecks.ofCountedReport(table3, table4, list, fees, year, template), fees.collected(),
                AnnexFigures.sum(facts.stream().map(AgencyFacts::annex).toList(), asOf), null, null, null, null, null);
    }

    /** Table 三's totals of each agency, for a supervisor's comparison of the agencies under them. */
    public Map<String, Map<String, List<Long>>> table3ByAgency(List<String> agencies, int year, ReportTemplate template) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, List<CountedRequest>> byAgency = CountedRequest.inScope(jdbc, agencies, start, end).stream()
                .collect(Collectors.groupingBy(CountedRequest::agencyCode));
        Map<String, Map<String, List<Long>>> tables = new LinkedHashMap<>();
        for (String agency : agencies) {
            tables.put(agency, Table3Counts.asLists(
                    Table3Counts.count(byAgency.getOrDefault(agency, List.of()), template, start, end)));
        }
        return tables;
    }

    // ---- each agency's facts for a year

    /** What one agency's requests give a year's report, in figures that add up across agencies. */
    record AgencyFacts(Map<String, long[]> table3, Map<String, long[]> table4, FeeTotals fees, AnnexFigures annex) {
    }

    /** Table 四 depends on the appeal year rule, so facts counted under one rule are not those of the other. */
    private record FactsKey(String agency, int year, ReportTemplate template, AppealYearRule appealRule,
                            LocalDate asOf) {
    }

    /**
     * Facts are valid while the agency's rows and its calendar are the ones they were counted from. Its appeals and fee
     * notices are covered too: every event of a request, an appeal's or a payment's included, raises the
     * {@code last_sequence} of its summary row in the transaction that writes report_appeal and report_fee.
     */
    private record KeptFacts(Fingerprint fingerprint, WorkingDayCalendar calendar, AgencyFacts facts) {
    }

    /** Enough for every agency of a large province over a few years and both templates; cleared when full. */
    private static final int MAX_KEPT = 50_000;

    private final Map<FactsKey, KeptFacts> kept = new ConcurrentHashMap<>();

    /**
     * A rename or a move: the facts are counted per agency and checked against its calendar (which follows the tree),
     * but whatever was counted under the old tree or name is dropped at once rather than trusted to those checks.
     */
    @EventListener
    void on(DirectoryProjection.AgencyTreeChanged change) {
        kept.clear();
    }

    /** The facts of each agency, counted again only for the agencies whose rows or calendar changed since. */
    private List<AgencyFacts> facts(List<String> agencies, Map<String, Fingerprint> fingerprints,
                                    Map<String, WorkingDayCalendar> calendar, int year, ReportTemplate template,
                                    AppealYearRule appealRule, LocalDate asOf) {
        List<AgencyFacts> facts = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (String agency : new LinkedHashSet<>(agencies)) {
            Fingerprint fingerprint = fingerprints.get(agency);
            if (fingerprint == null) {
                continue; // no requests at all
            }
            KeptFacts found = kept.get(new FactsKey(agency, year, template, appealRule, asOf));
            if (found != null && found.fingerprint().equals(fingerprint) && found.calendar() == calendar.get(agency)) {
                facts.add(found.facts());
            } else {
                stale.add(agency);
            }
        }
        if (stale.isEmpty()) {
            return facts;
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, List<CountedRequest>> byAgency = CountedRequest.inScope(jdbc, stale, start, end).stream()
                .collect(Collectors.groupingBy(CountedRequest::agencyCode));
        Map<String, Map<String, long[]>> table4 = RemedyCounts.byAgency(jdbc, stale, appealRule, start, end);
        Map<String, FeeTotals> fees = FeeTotals.byAgency(jdbc, stale, start, end);
        Map<String, Map<String, Long>> flagCounts = flags.countsByAgency(stale, start, end);
        if (kept.size() > MAX_KEPT) {
            kept.clear();
        }
        for (String agency : stale) {
            List<CountedRequest> requests = byAgency.getOrDefault(agency, List.of());
            AgencyFacts counted = new AgencyFacts(Table3Counts.count(requests, template, start, end),
                    table4.getOrDefault(agency, RemedyCounts.none()), fees.getOrDefault(agency, FeeTotals.NONE),
                    AnnexFigures.count(requests, start, end, asOf, calendar.get(agency),
                            flagCounts.getOrDefault(agency, RequestFlags.noCounts())));
            kept.put(new FactsKey(agency, year, template, appealRule, asOf),
                    new KeptFacts(fingerprints.get(agency), calendar.get(agency), counted));
            facts.add(counted);
        }
        return facts;
    }
}
