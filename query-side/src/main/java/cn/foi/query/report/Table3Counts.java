package cn.foi.query.report;

import cn.foi.events.report.Table3Rows;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table 三 (收到和处理政府信息公开申请情况), counted from the requests by their business dates (domain §2.1): a row per
 * R1, R2, outcome, R3_7 and R4, a column per applicant category (C1–C6) and their total (C7).
 */
final class Table3Counts {

    /** Six applicant categories and their total. */
    static final int COLUMNS = 7;
    static final int TOTAL = COLUMNS - 1;

    private Table3Counts() {
    }

    /** Every row of the template, all zeros. */
    static Map<String, long[]> empty(ReportTemplate template) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        template.table3Rows().forEach(row -> rows.put(row, new long[COLUMNS]));
        return rows;
    }

    /**
     * Each request once in R1 (received in the year) or R2 (received before it), and once in the row of its outcome
     * (closed by the year's end) or R4; then R3_7 as the sum of the outcome rows and C7 as the sum of the columns.
     */
    static Map<String, long[]> count(List<CountedRequest> requests, ReportTemplate template, LocalDate start,
                                     LocalDate end) {
        Map<String, long[]> rows = empty(template);
        for (CountedRequest request : requests) {
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
            if (isOutcomeRow(key)) {
                for (int c = 0; c < TOTAL; c++) {
                    total[c] += counts[c];
                }
            }
        });
        rows.values().forEach(counts -> counts[TOTAL] = Arrays.stream(counts, 0, TOTAL).sum());
        return rows;
    }

    /** The row of one outcome (R3_1 … R3_6_x), not R3_7, their total. */
    static boolean isOutcomeRow(String row) {
        return row.startsWith(Table3Rows.OUTCOME_PREFIX) && !row.equals(Table3Rows.CLOSED_TOTAL);
    }

    /** Several agencies' tables, added cell by cell. */
    static Map<String, long[]> sum(List<Map<String, long[]>> tables, ReportTemplate template) {
        Map<String, long[]> rows = empty(template);
        for (Map<String, long[]> table : tables) {
            add(rows, table);
        }
        return rows;
    }

    /** Adds {@code table} to {@code sums}, cell by cell (Table 三 and Table 四 alike). */
    static void add(Map<String, long[]> sums, Map<String, long[]> table) {
        table.forEach((row, counts) -> {
            long[] sum = sums.get(row);
            for (int c = 0; c < sum.length; c++) {
                sum[c] += counts[c];
            }
        });
    }

    /** The rows as the report's JSON shows them. */
    static Map<String, List<Long>> asLists(Map<String, long[]> rows) {
        Map<String, List<Long>> lists = new LinkedHashMap<>();
        rows.forEach((key, counts) -> lists.put(key, Arrays.stream(counts).boxed().toList()));
        return lists;
    }

    /** The rows of a report's JSON (a published version's frozen figures) as counts. */
    static Map<String, long[]> asArrays(Map<String, List<Long>> rows) {
        Map<String, long[]> arrays = new LinkedHashMap<>();
        rows.forEach((key, counts) -> arrays.put(key, counts.stream().mapToLong(Long::longValue).toArray()));
        return arrays;
    }
}
