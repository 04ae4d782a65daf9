package cn.foi.command.report;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.Table3Rows;
import cn.foi.events.report.Table4Rows;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shape a report must have to be published: every row of Table 三 of the template and the three groups of Table 四,
 * each with its count of non-negative numbers. The arithmetic checks (totals, carried-over requests) are the statistics'
 * business and are shown with the report; the shape is checked here because a frozen version cannot be fixed later.
 */
final class PublicationRules {

    /** Fees are charged in 元 and 角 at most (国办函〔2020〕109号 sets whole 元 amounts). */
    static final int FEE_DECIMALS = 2;

    private PublicationRules() {
    }

    static Map<String, List<Long>> table3(String template, Map<String, List<Long>> given) {
        return table("report.table3", "表三（" + template + " 年版模板）", Table3Rows.of(template), Table3Rows.COLUMNS,
                "C1 至 C6 及总计 C7", given);
    }

    static Map<String, List<Long>> table4(Map<String, List<Long>> given) {
        return table("report.table4", "表四", Table4Rows.KEYS, Table4Rows.COLUMNS, "结果维持、结果纠正、其他结果、尚未审结、总计",
                given);
    }

    static String table4Rule(String given) {
        if (given == null || given.isBlank()) {
            throw RuleViolation.invalid("TABLE4_RULE_REQUIRED", "report.table4Rule",
                    "请说明表四按什么口径统计（如“本年度提起的复议、诉讼，按 12 月 31 日的状态”）");
        }
        return ReportRules.text(TextField.TABLE4_RULE, given.strip());
    }

    /** No fees collected is zero, whether the statistics send 0 or nothing (the 2019 template has no fees). */
    static BigDecimal fees(BigDecimal given) {
        BigDecimal fees = given == null ? BigDecimal.ZERO : ReportContent.normalized(given);
        if (fees.signum() < 0 || fees.scale() > FEE_DECIMALS) {
            throw RuleViolation.invalid("FEES_INVALID", "report.feesCollected",
                    "收取的信息处理费（元）须不小于 0，最多保留 " + FEE_DECIMALS + " 位小数，现为 " + fees.toPlainString());
        }
        return fees;
    }

    private static Map<String, List<Long>> table(String field, String name, List<String> rows, int columns,
                                                 String columnNames, Map<String, List<Long>> given) {
        if (given == null || given.isEmpty()) {
            throw RuleViolation.invalid("REPORT_TABLE_MISSING", field, "请提交" + name + "的数据");
        }
        for (String row : new TreeSet<>(given.keySet())) {
            if (!rows.contains(row)) {
                throw RuleViolation.invalid("REPORT_ROW_UNKNOWN", field + "." + row,
                        name + "没有 " + row + " 这一行，请核对模板");
            }
        }
        Map<String, List<Long>> checked = new LinkedHashMap<>();
        for (String row : rows) {
            List<Long> numbers = given.get(row);
            if (numbers == null) {
                throw RuleViolation.invalid("REPORT_ROW_MISSING", field + "." + row, name + "缺少 " + row + " 行");
            }
            if (numbers.size() != columns) {
                throw RuleViolation.invalid("REPORT_ROW_SHAPE", field + "." + row, name + " " + row + " 行须有 "
                        + columns + " 个数（" + columnNames + "），现有 " + numbers.size() + " 个");
            }
            for (int i = 0; i < numbers.size(); i++) {
                Long number = numbers.get(i);
                if (number == null || number < 0) {
                    throw RuleViolation.invalid("REPORT_NUMBER_INVALID", field + "." + row, name + " " + row
                            + " 行第 " + (i + 1) + " 个数须为不小于 0 的整数，现为 " + number);
                }
            }
            checked.put(row, List.copyOf(numbers));
        }
        return Collections.unmodifiableMap(checked);
    }
}
