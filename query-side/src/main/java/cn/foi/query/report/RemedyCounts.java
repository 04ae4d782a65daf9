package cn.foi.query.report;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.request.AppealResult;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况), domain §2.2: for 行政复议, 直接起诉 and 复议后起诉, how many ended 维持,
 * 纠正 or otherwise, how many were still pending at the year's end, and their total; which year a case counts in follows
 * the agency's {@link AppealYearRule}.
 */
final class RemedyCounts {

    /** The columns of each group, as the template heads them; the fifth is the total of the other four. */
    static final String[] COLUMNS = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    static final int PENDING = 3;
    static final int TOTAL = 4;

    private RemedyCounts() {
    }

    /** The three groups, keyed as the report's JSON keys them, with the names a clerk knows them by. */
    static final Map<String, String> GROUPS = Map.of("reconsideration", "行政复议", "lawsuitDirect", "直接起诉",
            "lawsuitAfterReconsideration", "复议后起诉");

    /** The three groups, all zeros. */
    static Map<String, long[]> none() {
        Map<String, long[]> rows = new LinkedHashMap<>();
        rows.put("reconsideration", new long[COLUMNS.length]);
        rows.put("lawsuitDirect", new long[COLUMNS.length]);
        rows.put("lawsuitAfterReconsideration", new long[COLUMNS.length]);
        return rows;
    }

    /**
     * Each agency's Table 四 for the year, in one pass: its appeals filed by the end of the year that the rule counts
     * in it, each in the column of its result if decided by the year's end, else 尚未审结.
     */
    static Map<String, Map<String, long[]>> byAgency(JdbcTemplate jdbc, List<String> agencies, AppealYearRule rule,
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
                    int column = decidedByEnd ? AppealResult.valueOf(rs.getString(5)).ordinal() : PENDING;
                    long[] counts = byAgency.computeIfAbsent(rs.getString(1), a -> none()).get(row);
                    counts[column]++;
                    counts[TOTAL]++;
                }, agencies.toArray(String[]::new), Date.valueOf(end));
        return byAgency;
    }

    /** Several agencies' Table 四, added cell by cell. */
    static Map<String, long[]> sum(List<Map<String, long[]>> tables) {
        Map<String, long[]> rows = none();
        tables.forEach(table -> Table3Counts.add(rows, table));
        return rows;
    }
}
