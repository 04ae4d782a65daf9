package cn.foi.query.report;

import cn.foi.events.report.Table3Rows;
import static cn.foi.query.report.Table3Counts.COLUMNS;
import static cn.foi.query.report.Table3Counts.TOTAL;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.query.report.AnnualReportView.Check;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every check the report shows (domain §2.1, ADR 17), each a rule with what was compared and, when it fails, what
 * disagrees, in the supervisor's words. The checks that need the requests compare Table 三 with figures counted again
 * by queries of their own over the request list ({@link RequestList}), so that a wrong row of the list, stale facts or a
 * fault of the counting loop show as a failed check; the others need only the report's own figures, and are repeated
 * on a published version's frozen ones.
 */
final class ReportChecks {

    private static final ApplicantCategory[] CATEGORIES = ApplicantCategory.values();

    private ReportChecks() {
    }

    /**
     * The checks of a report counted now: Table 三 against the request list, within itself and against last year's
     * stock; Table 四's totals; and, only when there are some, the fees paid without an amount.
     */
    static List<Check> ofCountedReport(Map<String, long[]> table3, Map<String, long[]> table4, RequestList list,
                                       FeeTotals fees, int year, ReportTemplate template) {
        List<Check> checks = new ArrayList<>();
        checks.add(balance(table3, list));
        checks.addAll(withinTable3(table3, template).subList(1, 3));
        checks.add(carriedOver(table3.get(Table3Rows.CARRIED_OVER), list.carriedOutLastYear(), year));
        checks.add(countedOnce(list.requests(), table3));
        checks.add(table4Totals(table4));
        feeAmountsRecorded(fees).ifPresent(checks::add);
        return checks;
    }

    /**
     * The checks a report's own figures can be verified by without its requests: those of a published version, whose
     * figures are frozen while the requests may have changed since.
     */
    static List<Check> ofPublishedFigures(Map<String, List<Long>> table3, Map<String, List<Long>> table4,
                                          ReportTemplate template) {
        List<Check> checks = new ArrayList<>(withinTable3(Table3Counts.asArrays(table3), template));
        checks.add(table4Totals(Table3Counts.asArrays(table4)));
        return checks;
    }

    // ---- the request list, counted apart from Table 三

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

        /**
         * What an agency's request rows are: every event a row takes raises its {@code last_sequence}, so the number of
         * rows and the sum of their sequences change whenever a request of the agency is added or changed.
         */
        record Fingerprint(long rows, long sequences) {
        }

        /** The agencies' request list for the year, in one grouped pass over their rows. */
        static RequestList count(JdbcTemplate jdbc, List<String> agencies, LocalDate start, LocalDate end) {
            long[] received = new long[COLUMNS];
            long[] carriedIn = new long[COLUMNS];
            long[] closed = new long[COLUMNS];
            long[] carriedOut = new long[COLUMNS];
            long[] lastYear = new long[COLUMNS];
            long[] requests = {0};
            Map<String, Fingerprint> fingerprints = new HashMap<>();
            LocalDate lastDay = start.minusDays(1);
            // The id is the key, so each row counted is one request.
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
                    }, Date.valueOf(start), Date.valueOf(end), Date.valueOf(start), Date.valueOf(start),
                    Date.valueOf(start), Date.valueOf(end), Date.valueOf(end), Date.valueOf(end), Date.valueOf(lastDay),
                    Date.valueOf(lastDay), Date.valueOf(start), Date.valueOf(end), Date.valueOf(start),
                    Date.valueOf(start), agencies.toArray(String[]::new));
            for (long[] counts : List.of(received, carriedIn, closed, carriedOut, lastYear)) {
                counts[TOTAL] = Arrays.stream(counts, 0, TOTAL).sum();
            }
            return new RequestList(received, carriedIn, closed, carriedOut, lastYear, requests[0], fingerprints);
        }
    }

    // ---- the checks

    /**
     * TABLE3_BALANCE against the request list: 第一项 + 第二项 = 第三项总计 + 第四项 in every column, each term as the
     * request list counts it, and each equal to its row of Table 三.
     */
    static Check balance(Map<String, long[]> table3, RequestList list) {
        List<String> wrong = new ArrayList<>();
        String[][] terms = {{Table3Rows.NEW, "新收"}, {Table3Rows.CARRIED_OVER, "上年结转"}, {Table3Rows.CLOSED_TOTAL, "办结"}, {Table3Rows.CARRIED_FORWARD, "结转下年度"}};
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
        return new Check("TABLE3_BALANCE", "每列：新收加上年结转等于办结加结转下年度，各项均按申请台账另行统计，并与表三相符",
                wrong.isEmpty(), wrong.isEmpty() ? "合计列：" + list.received()[TOTAL] + " + " + list.carriedIn()[TOTAL]
                        + " = " + list.closed()[TOTAL] + " + " + list.carriedOut()[TOTAL] : String.join("；", wrong));
    }

    /**
     * Table 三 within itself: TABLE3_BALANCE on its own figures (for a published version), TABLE3_OUTCOME_TOTAL and
     * TABLE3_ROW_TOTAL.
     */
    static List<Check> withinTable3(Map<String, long[]> table3, ReportTemplate template) {
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
                if (Table3Counts.isOutcomeRow(row)) {
                    sum += table3.get(row)[c];
                }
            }
            if (sum != table3.get(Table3Rows.CLOSED_TOTAL)[c]) {
                outcomes.add(column(c) + "：总计 " + table3.get(Table3Rows.CLOSED_TOTAL)[c] + "，各项之和 " + sum);
            }
        }
        List<String> rows = new ArrayList<>();
        table3.forEach((row, counts) -> {
            long sum = Arrays.stream(counts, 0, TOTAL).sum();
            if (sum != counts[TOTAL]) {
                rows.add(row + "：总计 " + counts[TOTAL] + "，各列之和 " + sum);
            }
        });
        long[] r1 = table3.get(Table3Rows.NEW);
        long[] r2 = table3.get(Table3Rows.CARRIED_OVER);
        return List.of(
                new Check("TABLE3_BALANCE", "每列：第一项加第二项之和，等于第三项加第四项之和", balance.isEmpty(),
                        balance.isEmpty() ? "合计列：" + r1[TOTAL] + " + " + r2[TOTAL] + " = "
                                + table3.get(Table3Rows.CLOSED_TOTAL)[TOTAL] + " + " + table3.get(Table3Rows.CARRIED_FORWARD)[TOTAL]
                                : String.join("；", balance)),
                new Check("TABLE3_OUTCOME_TOTAL", "每列：（七）总计等于各项办理结果之和", outcomes.isEmpty(),
                        outcomes.isEmpty() ? "合计列：总计 " + table3.get(Table3Rows.CLOSED_TOTAL)[TOTAL] : String.join("；", outcomes)),
                new Check("TABLE3_ROW_TOTAL", "每行：总计等于各类申请人之和", rows.isEmpty(),
                        rows.isEmpty() ? "各行均相符" : String.join("；", rows)));
    }

    /** CARRY_OVER: R2 against last year's stock of open requests as the request list counts it. */
    static Check carriedOver(long[] carriedIn, long[] carriedOutLastYear, int year) {
        boolean equal = Arrays.equals(carriedIn, carriedOutLastYear);
        return new Check("CARRY_OVER", "上年结转（第二项）等于上一年度报告的结转下年度继续办理（第四项）", equal,
                "本年上年结转 " + Arrays.toString(carriedIn) + "；" + (year - 1) + " 年结转下年 "
                        + Arrays.toString(carriedOutLastYear));
    }

    /** CARRY_OVER_PUBLISHED: R2 against R4 of last year's latest published version. */
    static Check carriedOverFromPublished(List<Long> carriedIn, List<Long> publishedCarriedOut, int publishedVersion,
                                          int year) {
        boolean equal = carriedIn.equals(publishedCarriedOut);
        return new Check("CARRY_OVER_PUBLISHED", "上年结转（第二项）等于已发布的 " + (year - 1) + " 年度报告的结转下年度继续办理",
                equal, "本年上年结转 " + carriedIn + "；已发布的 " + (year - 1) + " 年度报告（第 " + publishedVersion
                        + " 版）结转下年 " + publishedCarriedOut + (equal ? "" : "：请核实上一年度的更正或补录，并视情况更正发布"));
    }

    /** COUNTED_ONCE: Table 三's count of requests against the number of distinct requests the list has for the year. */
    static Check countedOnce(long requests, Map<String, long[]> table3) {
        long came = table3.get(Table3Rows.NEW)[TOTAL] + table3.get(Table3Rows.CARRIED_OVER)[TOTAL];
        long went = table3.get(Table3Rows.CLOSED_TOTAL)[TOTAL] + table3.get(Table3Rows.CARRIED_FORWARD)[TOTAL];
        boolean passed = came == requests && went == requests;
        return new Check("COUNTED_ONCE", "每件申请在第一项或第二项中计一次，在第三项总计或第四项中计一次", passed,
                "申请台账中本年度涉及申请 " + requests + " 件；第一项加第二项 " + came + " 件；第三项总计加第四项 " + went
                        + " 件");
    }

    /** TABLE4_TOTALS: in each group of Table 四, 总计 is the sum of the other four columns. */
    static Check table4Totals(Map<String, long[]> table4) {
        List<String> wrong = new ArrayList<>();
        table4.forEach((row, counts) -> {
            long sum = counts[0] + counts[1] + counts[2] + counts[3];
            if (sum != counts[RemedyCounts.TOTAL]) {
                wrong.add(RemedyCounts.GROUPS.getOrDefault(row, row) + "：总计 " + counts[RemedyCounts.TOTAL] + "，四项之和 " + sum);
            }
        });
        return new Check("TABLE4_TOTALS", "表四：每组的总计等于"
                + String.join("、", Arrays.copyOf(RemedyCounts.COLUMNS, RemedyCounts.TOTAL)) + "之和", wrong.isEmpty(),
                wrong.isEmpty() ? "行政复议 " + table4.get("reconsideration")[RemedyCounts.TOTAL]
                + " 件，直接起诉 " + table4.get("lawsuitDirect")[RemedyCounts.TOTAL] + " 件，复议后起诉 "
                + table4.get("lawsuitAfterReconsideration")[RemedyCounts.TOTAL] + " 件" : String.join("；", wrong));
    }

    /**
     * FEE_AMOUNTS_RECORDED: fees paid in the year whose notice has no amount (imported from a ledger without one).
     * Section 六's sum cannot include them and must not pass them off as 0 元: the report says how many there are, as a
     * failed check to fix before publishing. The check is only added when there are such fees, so reports without them
     * are unchanged.
     */
    static Optional<Check> feeAmountsRecorded(FeeTotals fees) {
        if (fees.amountUnknown() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Check("FEE_AMOUNTS_RECORDED", "本年度已缴纳的信息处理费均记录了金额", false,
                fees.amountUnknown() + " 笔已缴费的收费通知金额未记录（台账导入时未填写收费金额），第六部分的收费金额不含这些费用，请补录后再发布"));
    }

    private static String column(int c) {
        return c == TOTAL ? "总计列" : CATEGORIES[c].label() + "列";
    }
}
