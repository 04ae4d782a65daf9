package cn.foi.query.report;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.report.Table3Rows;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.report.AnnualReportView.Annex;
import cn.foi.query.report.AnnualReportView.Check;
import cn.foi.query.report.AnnualReportView.FeesCollected;
import cn.foi.query.report.AnnualReportView.OldRequest;
import cn.foi.query.request.RequestFlags;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the annual report's tables from the requests themselves, by their business dates (domain §2.1–2.2, §3): a
 * request entered late or corrected counts in the year its dates say, whenever it was recorded.
 *
 * <p>Table 三 and the annex come from each agency's facts for the year, counted from its requests in scope (received by
 * the end of the year and not closed before its start) and kept until the agency's requests or calendar change. The
 * checks do not trust them: they count the request list again, by conditions of their own (ADR 17).
 */
@Component
public class AnnualStatistics {

    static final int COLUMNS = 7;
    private static final ApplicantCategory[] CATEGORIES = ApplicantCategory.values();
    private static final String[] APPEAL_COLUMNS = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

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

    /** A request as the report sees it. */
    record Counted(String id, String agencyCode, String caseNo, ApplicantCategory category, Channel channel,
                   LocalDate receivedOn, LocalDate closedOn, Outcome outcome, LocalDate dueDate, boolean extended,
                   boolean supplemented) {

        boolean closedBy(LocalDate day) {
            return closedOn != null && !closedOn.isAfter(day);
        }
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
        RequestList list = requestList(agencies, start, end);
        List<AgencyFacts> facts = facts(agencies, list.fingerprints(), calendar, year, template, appealRule, asOf);
        Map<String, long[]> table3 = table3Of(facts, template);
        Map<String, long[]> table4 = table4Of(facts);

        // The checks compare Table 三 with figures counted again by queries of their own over the request list, so
        // that a wrong row of the list, stale facts or a fault of the counting loop show as a failed check.
        List<Check> checks = new ArrayList<>();
        checks.add(balance(table3, list));
        checks.addAll(table3Checks(table3, template).subList(1, 3));
        checks.add(carriedOver(table3.get(Table3Rows.CARRIED_OVER), list.carriedOutLastYear(), year));
        checks.add(countedOnce(list.requests(), table3));
        checks.add(table4Sums(table4));
        feeAmountsRecorded(facts).ifPresent(checks::add);

        return new AnnualReportView(agency, agencyName, year, template.code(),
                AnnualReportView.titleOf(agencyName, year), includeSubordinates, agencies,
                asLists(table3), asLists(table4), appealRule.name(), appealRule.label(), checks,
                fees(facts), annex(facts, asOf), null, null, null, null, null);
    }

    /** Table 三's totals of each agency, for a supervisor's comparison of the agencies under them. */
    public Map<String, Map<String, List<Long>>> table3ByAgency(List<String> agencies, int year, ReportTemplate template) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, List<Counted>> byAgency = inScope(agencies, start, end).stream()
                .collect(Collectors.groupingBy(Counted::agencyCode));
        Map<String, Map<String, List<Long>>> tables = new LinkedHashMap<>();
        for (String agency : agencies) {
            tables.put(agency, asLists(table3(byAgency.getOrDefault(agency, List.of()), template, start, end)));
        }
        return tables;
    }

    // ---- Table 三

    private List<Counted> inScope(List<String> agencies, LocalDate start, LocalDate end) {
        return jdbc.query("select id, agency_code, case_no, applicant_category, channel, received_on, closed_on, outcome, "
                        + "due_date, extended, supplement_rounds from request_summary where agency_code = any(?) "
                        + "and received_on <= ? and (closed_on is null or closed_on >= ?)",
                AnnualStatistics::counted, agencies.toArray(String[]::new), Date.valueOf(end), Date.valueOf(start));
    }

    private static Counted counted(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Date closed = rs.getDate("closed_on");
        Date due = rs.getDate("due_date");
        return new Counted(rs.getString("id"), rs.getString("agency_code"), rs.getString("case_no"),
                ApplicantCategory.valueOf(rs.getString("applicant_category")), Channel.valueOf(rs.getString("channel")),
                rs.getDate("received_on").toLocalDate(), closed == null ? null : closed.toLocalDate(),
                outcome == null ? null : Outcome.valueOf(outcome), due == null ? null : due.toLocalDate(),
                rs.getBoolean("extended"), rs.getInt("supplement_rounds") > 0);
    }

    static Map<String, long[]> table3(List<Counted> requests, ReportTemplate template, LocalDate start,
                                      LocalDate end) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        template.table3Rows().forEach(row -> rows.put(row, new long[COLUMNS]));
        for (Counted request : requests) {
            int column = request.category().ordinal();
            rows.get(request.receivedOn().isBefore(start) ? Table3Rows.CARRIED_OVER : Table3Rows.NEW)[column]++;
            if (request.closedBy(end)) {
                rows.get(template.rowOf(request.outcome()))[column]++;
            } else {
                rows.get(Table3Rows.CARRIED_FORWARD)[column]++;
            }
        }
        long[] total = rows.get(Table3Rows.CLOSED_TOTAL);
        rows.forEach((key, counts) -> {
            if (key.startsWith(Table3Rows.OUTCOME_PREFIX) && !key.equals(Table3Rows.CLOSED_TOTAL)) {
                for (int c = 0; c < CATEGORIES.length; c++) {
                    total[c] += counts[c];
                }
            }
        });
        rows.values().forEach(counts -> counts[COLUMNS - 1] = Arrays.stream(counts, 0, COLUMNS - 1).sum());
        return rows;
    }

    /**
     * Table 三's four quantities counted straight from the request list, each by its own condition and none through
     * the loop that fills Table 三, per applicant category (the seventh number their total); the requests open at the
     * end of last year, as a stock (every request received by then less every request closed by then); the number of
     * requests the year concerns; and each agency's fingerprint of its request rows.
     */
    record RequestList(long[] received, long[] carriedIn, long[] closed, long[] carriedOut, long[] carriedOutLastYear,
                       long requests, Map<String, Fingerprint> fingerprints) {

        RequestList(long[] received, long[] carriedIn, long[] closed, long[] carriedOut, long requests) {
            this(received, carriedIn, closed, carriedOut, new long[COLUMNS], requests, Map.of());
        }
    }

    /**
     * What an agency's request rows are: every event a row takes raises its {@code last_sequence}, so the number of
     * rows and the sum of their sequences change whenever a request of the agency is added or changed.
     */
    record Fingerprint(long rows, long sequences) {
    }

    private RequestList requestList(List<String> agencies, LocalDate start, LocalDate end) {
        long[] received = new long[COLUMNS];
        long[] carriedIn = new long[COLUMNS];
        long[] closed = new long[COLUMNS];
        long[] carriedOut = new long[COLUMNS];
        long[] lastYear = new long[COLUMNS];
        long[] requests = {0};
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        LocalDate lastDay = start.minusDays(1);
        // One pass over the agencies' rows; the id is the key, so each row counted is one request.
        jdbc.query("select agency_code, applicant_category, "
                        + "count(*) filter (where received_on between ? and ?), "
                        + "count(*) filter (where received_on < ? and (closed_on is null or closed_on >= ?)), "
                        + "count(*) filter (where closed_on between ? and ?), "
                        + "count(*) filter (where received_on <= ? and (closed_on is null or closed_on > ?)), "
                        + "count(*) filter (where received_on <= ?) - count(*) filter (where closed_on <= ?), "
                        + "count(*) filter (where received_on between ? and ? "
                        + "or (received_on < ? and (closed_on is null or closed_on >= ?))), "
                        + "count(*), sum(last_sequence) "
                        + "from request_summary where agency_code = any(?) group by agency_code, applicant_category",
                rs -> {
                    int c = ApplicantCategory.valueOf(rs.getString(2)).ordinal();
                    received[c] += rs.getLong(3);
                    carriedIn[c] += rs.getLong(4);
                    closed[c] += rs.getLong(5);
                    carriedOut[c] += rs.getLong(6);
                    lastYear[c] += rs.getLong(7);
                    requests[0] += rs.getLong(8);
                    fingerprints.merge(rs.getString(1), new Fingerprint(rs.getLong(9), rs.getLong(10)),
                            (a, b) -> new Fingerprint(a.rows() + b.rows(), a.sequences() + b.sequences()));
                }, Date.valueOf(start), Date.valueOf(end), Date.valueOf(start), Date.valueOf(start), Date.valueOf(start),
                Date.valueOf(end), Date.valueOf(end), Date.valueOf(end), Date.valueOf(lastDay), Date.valueOf(lastDay),
                Date.valueOf(start), Date.valueOf(end), Date.valueOf(start), Date.valueOf(start),
                agencies.toArray(String[]::new));
        for (long[] counts : List.of(received, carriedIn, closed, carriedOut, lastYear)) {
            counts[COLUMNS - 1] = Arrays.stream(counts, 0, COLUMNS - 1).sum();
        }
        return new RequestList(received, carriedIn, closed, carriedOut, lastYear, requests[0], fingerprints);
    }

    /**
     * 第一项 + 第二项 = 第三项总计 + 第四项 in every column, each term as the request list counts it, and each equal to
     * its row of Table 三.
     */
    static Check balance(Map<String, long[]> table3, RequestList list) {
        List<String> wrong = new ArrayList<>();
        String[][] terms = {{Table3Rows.NEW, "新收"}, {Table3Rows.CARRIED_OVER, "上年结转"},
                {Table3Rows.CLOSED_TOTAL, "办结"}, {Table3Rows.CARRIED_FORWARD, "结转下年度"}};
        long[][] counted = {list.received(), list.carriedIn(), list.closed(), list.carriedOut()};
        for (int c = 0; c < COLUMNS; c++) {
            for (int t = 0; t < terms.length; t++) {
                long inTable = table3.get(terms[t][0])[c];
                if (inTable != counted[t][c]) {
                    wrong.add(column(c) + terms[t][1] + "：表三 " + inTable + "，申请台账 " + counted[t][c]);
                }
            }
            long in = list.received()[c] + list.carriedIn()[c];
            long out = list.closed()[c] + list.carriedOut()[c];
            if (in != out) {
                wrong.add(column(c) + "：申请台账新收加上年结转 " + in + " ≠ 办结加结转下年度 " + out);
            }
        }
        int t = COLUMNS - 1;
        return new Check("TABLE3_BALANCE", "每列：新收加上年结转等于办结加结转下年度，各项均按申请台账另行统计，并与表三相符",
                wrong.isEmpty(), wrong.isEmpty() ? "合计列：" + list.received()[t] + " + " + list.carriedIn()[t] + " = "
                        + list.closed()[t] + " + " + list.carriedOut()[t] : String.join("；", wrong));
    }

    static List<Check> table3Checks(Map<String, long[]> table3, ReportTemplate template) {
        List<String> balance = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            long in = table3.get(Table3Rows.NEW)[c] + table3.get(Table3Rows.CARRIED_OVER)[c];
            long out = table3.get(Table3Rows.CLOSED_TOTAL)[c] + table3.get(Table3Rows.CARRIED_FORWARD)[c];
            if (in != out) {
                balance.add(column(c) + "：" + in + " ≠ " + out);
            }
            long sum = 0;
            for (String row : template.table3Rows()) {
                if (row.startsWith(Table3Rows.OUTCOME_PREFIX) && !row.equals(Table3Rows.CLOSED_TOTAL)) {
                    sum += table3.get(row)[c];
                }
            }
            if (sum != table3.get(Table3Rows.CLOSED_TOTAL)[c]) {
                outcomes.add(column(c) + "：总计 " + table3.get(Table3Rows.CLOSED_TOTAL)[c] + "，各项之和 " + sum);
            }
        }
        List<String> rows = new ArrayList<>();
        table3.forEach((row, counts) -> {
            long sum = Arrays.stream(counts, 0, COLUMNS - 1).sum();
            if (sum != counts[COLUMNS - 1]) {
                rows.add(row + "：总计 " + counts[COLUMNS - 1] + "，各列之和 " + sum);
            }
        });
        long[] r1 = table3.get(Table3Rows.NEW);
        long[] r2 = table3.get(Table3Rows.CARRIED_OVER);
        return List.of(
                new Check("TABLE3_BALANCE", "每列：第一项加第二项之和，等于第三项加第四项之和", balance.isEmpty(),
                        balance.isEmpty() ? "合计列：" + r1[COLUMNS - 1] + " + " + r2[COLUMNS - 1] + " = "
                                + table3.get(Table3Rows.CLOSED_TOTAL)[COLUMNS - 1] + " + " + table3.get(Table3Rows.CARRIED_FORWARD)[COLUMNS - 1]
                                : String.join("；", balance)),
                new Check("TABLE3_OUTCOME_TOTAL", "每列：（七）总计等于各项办理结果之和", outcomes.isEmpty(),
                        outcomes.isEmpty() ? "合计列：总计 " + table3.get(Table3Rows.CLOSED_TOTAL)[COLUMNS - 1] : String.join("；", outcomes)),
                new Check("TABLE3_ROW_TOTAL", "每行：总计等于各类申请人之和", rows.isEmpty(),
                        rows.isEmpty() ? "各行均相符" : String.join("；", rows)));
    }

    /**
     * The checks a report's own figures can be verified by without its requests: those of a published version, whose
     * figures are frozen while the requests may have changed since.
     */
    static List<Check> tableChecks(Map<String, List<Long>> table3, Map<String, List<Long>> table4,
                                   ReportTemplate template) {
        List<Check> checks = new ArrayList<>(table3Checks(asArrays(table3), template));
        checks.add(table4Sums(asArrays(table4)));
        return checks;
    }

    private static Map<String, long[]> asArrays(Map<String, List<Long>> rows) {
        Map<String, long[]> arrays = new LinkedHashMap<>();
        rows.forEach((key, counts) -> arrays.put(key, counts.stream().mapToLong(Long::longValue).toArray()));
        return arrays;
    }

    private static Check carriedOver(long[] carriedIn, long[] carriedOutLastYear, int year) {
        boolean equal = Arrays.equals(carriedIn, carriedOutLastYear);
        return new Check("CARRY_OVER", "上年结转（第二项）等于上一年度报告的结转下年度继续办理（第四项）", equal,
                "本年上年结转 " + Arrays.toString(carriedIn) + "；" + (year - 1) + " 年结转下年 "
                        + Arrays.toString(carriedOutLastYear));
    }

    /** Table 三's count of requests against the number of distinct requests the request list has for the year. */
    private static Check countedOnce(long requests, Map<String, long[]> table3) {
        long came = table3.get(Table3Rows.NEW)[COLUMNS - 1] + table3.get(Table3Rows.CARRIED_OVER)[COLUMNS - 1];
        long went = table3.get(Table3Rows.CLOSED_TOTAL)[COLUMNS - 1] + table3.get(Table3Rows.CARRIED_FORWARD)[COLUMNS - 1];
        boolean passed = came == requests && went == requests;
        return new Check("COUNTED_ONCE", "每件申请在第一项或第二项中计一次，在第三项总计或第四项中计一次", passed,
                "申请台账中本年度涉及申请 " + requests + " 件；第一项加第二项 " + came + " 件；第三项总计加第四项 " + went
                        + " 件");
    }

    private static String column(int c) {
        return c == COLUMNS - 1 ? "总计列" : CATEGORIES[c].label() + "列";
    }

    // ---- Table 四

    /** Each agency's Table 四 for the year: its appeals filed by the end of the year that the rule counts in it. */
    private Map<String, Map<String, long[]>> table4ByAgency(List<String> agencies, AppealYearRule rule,
                                                            LocalDate start, LocalDate end) {
        Map<String, Map<String, long[]>> byAgency = new HashMap<>();
        jdbc.query("select s.agency_code, a.kind, a.after_reconsideration, a.filed_on, a.result, a.decided_on "
                + "from report_appeal a join request_summary s on s.id = a.request_id "
                + "where s.agency_code = any(?) and a.filed_on <= ?",
                rs -> {
                    LocalDate filed = rs.getDate(4).toLocalDate();
                    Date decidedDate = rs.getDate(6);
                    LocalDate decided = decidedDate == null ? null : decidedDate.toLocalDate();
                    boolean decidedByEnd = decided != null && !decided.isAfter(end);
                    boolean counted = rule == AppealYearRule.FILED_IN_YEAR
                            ? !filed.isBefore(start)
                            : (decidedByEnd && !decided.isBefore(start)) || !decidedByEnd;
                    if (!counted) {
                        return;
                    }
                    String row = "RECONSIDERATION".equals(rs.getString(2)) ? "reconsideration"
                            : rs.getBoolean(3) ? "lawsuitAfterReconsideration" : "lawsuitDirect";
                    int column = decidedByEnd ? AppealResult.valueOf(rs.getString(5)).ordinal() : 3;
                    long[] counts = byAgency.computeIfAbsent(rs.getString(1), a -> noAppeals()).get(row);
                    counts[column]++;
                    counts[4]++;
                }, agencies.toArray(String[]::new), Date.valueOf(end));
        return byAgency;
    }

    private static Map<String, long[]> noAppeals() {
        Map<String, long[]> rows = new LinkedHashMap<>();
        rows.put("reconsideration", new long[5]);
        rows.put("lawsuitDirect", new long[5]);
        rows.put("lawsuitAfterReconsideration", new long[5]);
        return rows;
    }

    private static Map<String, long[]> table4Of(List<AgencyFacts> facts) {
        Map<String, long[]> rows = noAppeals();
        for (AgencyFacts agency : facts) {
            agency.table4().forEach((row, counts) -> {
                long[] sum = rows.get(row);
                for (int c = 0; c < sum.length; c++) {
                    sum[c] += counts[c];
                }
            });
        }
        return rows;
    }

    private static Check table4Sums(Map<String, long[]> table4) {
        List<String> wrong = new ArrayList<>();
        table4.forEach((row, counts) -> {
            long sum = counts[0] + counts[1] + counts[2] + counts[3];
            if (sum != counts[4]) {
                wrong.add(row + "：总计 " + counts[4] + "，四项之和 " + sum);
            }
        });
        return new Check("TABLE4_TOTALS", "表四：每组的总计等于" + String.join("、", Arrays.copyOf(APPEAL_COLUMNS, 4))
                + "之和", wrong.isEmpty(), wrong.isEmpty() ? "行政复议 " + table4.get("reconsideration")[4]
                + " 件，直接起诉 " + table4.get("lawsuitDirect")[4] + " 件，复议后起诉 "
                + table4.get("lawsuitAfterReconsideration")[4] + " 件" : String.join("；", wrong));
    }

    // ---- section 六 and the annex

    /**
     * An agency's fees paid in the year: their sum, how many, and how many of them have no amount (their notice was
     * imported from a ledger without one), which the sum cannot include.
     */
    record Fees(BigDecimal amount, long payments, long amountUnknown) {
        static final Fees NONE = new Fees(BigDecimal.ZERO, 0, 0);
    }

    /** Each agency's {@link Fees}, in one pass over the notices paid in the year. */
    private Map<String, Fees> feesByAgency(List<String> agencies, LocalDate start, LocalDate end) {
        Map<String, Fees> byAgency = new HashMap<>();
        jdbc.query("select s.agency_code, coalesce(sum(f.amount), 0), count(*), count(*) filter (where f.amount is null) "
                        + "from report_fee f join request_summary s on s.id = f.request_id "
                        + "where s.agency_code = any(?) and f.paid_on between ? and ? group by s.agency_code",
                rs -> {
                    byAgency.put(rs.getString(1), new Fees(rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4)));
                }, agencies.toArray(String[]::new), Date.valueOf(start), Date.valueOf(end));
        return byAgency;
    }

    private static FeesCollected fees(List<AgencyFacts> facts) {
        BigDecimal amount = BigDecimal.ZERO;
        long payments = 0;
        for (AgencyFacts agency : facts) {
            amount = amount.add(agency.fees().amount());
            payments += agency.fees().payments();
        }
        return new FeesCollected(amount.setScale(2, RoundingMode.HALF_UP), Math.toIntExact(payments));
    }

    /**
     * Fees paid in the year whose notice has no amount (imported from a ledger without one). Section 六's sum cannot
     * include them and must not pass them off as 0 元: the report says how many there are, as a failed check to fix
     * before publishing. The check is only added when there are such fees, so reports without them are unchanged.
     */
    private static Optional<Check> feeAmountsRecorded(List<AgencyFacts> facts) {
        long unknown = facts.stream().mapToLong(agency -> agency.fees().amountUnknown()).sum();
        if (unknown == 0) {
            return Optional.empty();
        }
        return Optional.of(new Check("FEE_AMOUNTS_RECORDED", "本年度已缴纳的信息处理费均记录了金额", false,
                unknown + " 笔已缴费的收费通知金额未记录（台账导入时未填写收费金额），第六部分的收费金额不含这些费用，请补录后再发布"));
    }

    // ---- each agency's facts for a year

    /**
     * What one agency's requests give a year's report: Table 三, Table 四, the fees paid, and the annex as figures that
     * add up across agencies (the answers' working days as a histogram, so that a roll-up's median is exact; the ten
     * oldest open requests, of which a roll-up keeps the ten oldest of all; the flags of each code).
     */
    record AgencyFacts(Map<String, long[]> table3, Map<Integer, Long> workingDays, long withinPeriod, long late,
                       long pastDue, List<OldRequest> oldestOpen, Map<String, Long> byChannel, long received,
                       long extended, long supplemented, Map<String, long[]> table4, Fees fees,
                       Map<String, Long> flags) {
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
    @org.springframework.context.event.EventListener
    void on(cn.foi.query.directory.DirectoryProjection.AgencyTreeChanged change) {
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
        Map<String, List<Counted>> byAgency = inScope(stale, start, end).stream()
                .collect(Collectors.groupingBy(Counted::agencyCode));
        Map<String, Map<String, long[]>> table4 = table4ByAgency(stale, appealRule, start, end);
        Map<String, Fees> fees = feesByAgency(stale, start, end);
        Map<String, Map<String, Long>> flagCounts = flags.countsByAgency(stale, start, end);
        if (kept.size() > MAX_KEPT) {
            kept.clear();
        }
        for (String agency : stale) {
            AgencyFacts counted = count(byAgency.getOrDefault(agency, List.of()), template, start, end, asOf,
                    calendar.get(agency), table4.getOrDefault(agency, noAppeals()),
                    fees.getOrDefault(agency, Fees.NONE),
                    flagCounts.getOrDefault(agency, RequestFlags.noCounts()));
            kept.put(new FactsKey(agency, year, template, appealRule, asOf),
                    new KeptFacts(fingerprints.get(agency), calendar.get(agency), counted));
            facts.add(counted);
        }
        return facts;
    }

    private static AgencyFacts count(List<Counted> requests, ReportTemplate template, LocalDate start, LocalDate end,
                                     LocalDate asOf, WorkingDayCalendar calendar, Map<String, long[]> table4,
                                     Fees fees, Map<String, Long> flags) {
        Map<Integer, Long> days = new TreeMap<>();
        long withinPeriod = 0;
        long late = 0;
        List<Counted> open = new ArrayList<>();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        long received = 0;
        long extended = 0;
        long supplemented = 0;
        for (Counted request : requests) {
            if (request.closedBy(end)) {
                days.merge(calendar.workingDaysBetween(request.receivedOn(), request.closedOn()), 1L, Long::sum);
                if (request.dueDate() == null || !request.closedOn().isAfter(request.dueDate())) {
                    withinPeriod++;
                } else {
                    late++;
                }
            } else if (!request.receivedOn().isAfter(asOf) && !request.closedBy(asOf)) {
                open.add(request);
            }
            if (!request.receivedOn().isBefore(start)) {
                received++;
                byChannel.merge(request.channel().label(), 1L, Long::sum);
                extended += request.extended() ? 1 : 0;
                supplemented += request.supplemented() ? 1 : 0;
            }
        }
        long pastDue = open.stream().filter(r -> r.dueDate() != null && r.dueDate().isBefore(asOf)).count();
        List<OldRequest> oldest = open.stream()
                .sorted(Comparator.comparing(Counted::receivedOn).thenComparing(Counted::caseNo))
                .limit(10)
                .map(r -> new OldRequest(r.id(), r.agencyCode(), r.caseNo(), r.receivedOn(), r.dueDate(),
                        calendar.workingDaysBetween(r.receivedOn(), asOf)))
                .toList();
        return new AgencyFacts(table3(requests, template, start, end), days, withinPeriod, late, pastDue, oldest,
                byChannel, received, extended, supplemented, table4, fees, flags);
    }

    private static Map<String, long[]> table3Of(List<AgencyFacts> facts, ReportTemplate template) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        template.table3Rows().forEach(row -> rows.put(row, new long[COLUMNS]));
        for (AgencyFacts agency : facts) {
            agency.table3().forEach((row, counts) -> {
                long[] sum = rows.get(row);
                for (int c = 0; c < COLUMNS; c++) {
                    sum[c] += counts[c];
                }
            });
        }
        return rows;
    }

    private static Annex annex(List<AgencyFacts> facts, LocalDate asOf) {
        Map<String, Long> flagCounts = RequestFlags.noCounts();
        TreeMap<Integer, Long> days = new TreeMap<>();
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (String bucket : List.of("<1", "1-20", "21-40", "41-60", "61-80", "81-100", ">100")) {
            buckets.put(bucket, 0L);
        }
        Map<String, Long> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel.label(), 0L);
        }
        long withinPeriod = 0;
        long late = 0;
        long pastDue = 0;
        long received = 0;
        long extended = 0;
        long supplemented = 0;
        List<OldRequest> open = new ArrayList<>();
        for (AgencyFacts agency : facts) {
            agency.workingDays().forEach((taken, count) -> days.merge(taken, count, Long::sum));
            agency.byChannel().forEach((channel, count) -> byChannel.merge(channel, count, Long::sum));
            withinPeriod += agency.withinPeriod();
            late += agency.late();
            pastDue += agency.pastDue();
            received += agency.received();
            extended += agency.extended();
            supplemented += agency.supplemented();
            open.addAll(agency.oldestOpen());
            agency.flags().forEach((code, count) -> flagCounts.merge(code, count, Long::sum));
        }
        long answered = 0;
        long sum = 0;
        for (Map.Entry<Integer, Long> entry : days.entrySet()) {
            answered += entry.getValue();
            sum += entry.getKey() * entry.getValue();
            buckets.merge(bucket(entry.getKey()), entry.getValue(), Long::sum);
        }
        List<OldRequest> oldest = open.stream()
                .sorted(Comparator.comparing(OldRequest::receivedOn).thenComparing(OldRequest::caseNo))
                .limit(10)
                .toList();
        boolean none = answered == 0;
        return new Annex(answered, withinPeriod, share(withinPeriod, answered),
                none ? null : workingDays(median(days, answered)),
                none ? null : workingDays((double) sum / answered),
                none ? null : workingDays(days.firstKey()),
                none ? null : workingDays(days.lastKey()),
                buckets, late, pastDue, asOf, oldest, byChannel, received, share(extended, received),
                share(supplemented, received), flagCounts);
    }

    /** The median of the answers whose working days the histogram counts, as of a sorted list of them. */
    private static double median(TreeMap<Integer, Long> days, long n) {
        return n % 2 == 1 ? nth(days, n / 2) : (nth(days, n / 2 - 1) + nth(days, n / 2)) / 2.0;
    }

    private static int nth(TreeMap<Integer, Long> days, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : days.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond " + seen);
    }

    private static String bucket(int days) {
        if (days < 1) {
            return "<1";
        }
        if (days > 100) {
            return ">100";
        }
        int upper = ((days - 1) / 20 + 1) * 20;
        return (upper - 19) + "-" + upper;
    }

    /** Same-day answers read "<1", as in the US annual FOIA reports; others to one decimal where halves occur. */
    static String workingDays(double days) {
        if (days < 1) {
            return "<1";
        }
        BigDecimal value = BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.toPlainString();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static Map<String, List<Long>> asLists(Map<String, long[]> rows) {
        Map<String, List<Long>> lists = new LinkedHashMap<>();
        rows.forEach((key, counts) -> lists.put(key, Arrays.stream(counts).boxed().toList()));
        return lists;
    }
}
