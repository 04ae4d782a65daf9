package cn.foi.query.report.documents;

import cn.foi.events.report.Table2Item;
import cn.foi.events.report.Table3Rows;
import cn.foi.events.report.Table4Rows;
import cn.foi.query.report.AnnualReportView.Check;
import cn.foi.query.report.documents.Grid.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The official layout of Tables 二, 三 and 四 as the two national templates print them (国办公开办函〔2019〕60号 and
 * 〔2021〕30号): the merged headings, the label spans and every row, zeros included. The labels are the templates' own
 * words, which is why they are spelled out here rather than taken from the outcome names the clerks pick from.
 */
public final class ReportLayout {

    /** What a Table 二 figure the agency has not entered shows: a blank would pass for a forgotten 0. */
    public static final String NOT_ENTERED = "—";

    public static final String TABLE3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    static final List<String> APPLICANTS = List.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
    static final List<String> APPEAL_RESULTS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    /** Every row of Table 三 with a label of its own, as the templates word them. */
    private static final Map<String, String> TABLE3_LABELS = Map.ofEntries(
            Map.entry("R1", "一、本年新收政府信息公开申请数量"),
            Map.entry("R2", "二、上年结转政府信息公开申请数量"),
            Map.entry("R3_1", "（一）予以公开"),
            Map.entry("R3_2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Map.entry("R3_3_1", "1.属于国家秘密"),
            Map.entry("R3_3_2", "2.其他法律行政法规禁止公开"),
            Map.entry("R3_3_3", "3.危及“三安全一稳定”"),
            Map.entry("R3_3_4", "4.保护第三方合法权益"),
            Map.entry("R3_3_5", "5.属于三类内部事务信息"),
            Map.entry("R3_3_6", "6.属于四类过程性信息"),
            Map.entry("R3_3_7", "7.属于行政执法案卷"),
            Map.entry("R3_3_8", "8.属于行政查询事项"),
            Map.entry("R3_4_1", "1.本机关不掌握相关政府信息"),
            Map.entry("R3_4_2", "2.没有现成信息需要另行制作"),
            Map.entry("R3_4_3", "3.补正后申请内容仍不明确"),
            Map.entry("R3_5_1", "1.信访举报投诉类申请"),
            Map.entry("R3_5_2", "2.重复申请"),
            Map.entry("R3_5_3", "3.要求提供公开出版物"),
            Map.entry("R3_5_4", "4.无正当理由大量反复申请"),
            Map.entry("R3_5_5", "5.要求行政机关确认或重新出具已获取信息"),
            Map.entry("R3_6", "（六）其他处理"),
            Map.entry("R3_6_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            Map.entry("R3_6_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            Map.entry("R3_6_3", "3.其他"),
            Map.entry("R3_7", "（七）总计"),
            Map.entry("R4", "四、结转下年度继续办理"));

    /** The sub-groups of 三、本年度办理结果 whose reasons each take a row under a label spanning them. */
    private static final Map<String, String> TABLE3_GROUPS = Map.of(
            "R3_3_", "（三）不予公开",
            "R3_4_", "（四）无法提供",
            "R3_5_", "（五）不予处理",
            "R3_6_", "（六）其他处理");

    static final String TABLE3_RESULTS = "三、本年度办理结果";

    private ReportLayout() {
    }

    /** The heading of the group a Table 三 row is printed under, such as （三）不予公开; null for a row of its own. */
    public static String table3GroupLabel(String row) {
        String group = group(row);
        return group == null ? null : TABLE3_GROUPS.get(group);
    }

    /** The label the template prints for a Table 三 row (without its group). */
    public static String table3Label(String row) {
        return TABLE3_LABELS.get(row);
    }

    /**
     * Table 二: each item of 第二十条 heads its part of the table, then 信息内容 and the item's columns, then one row per
     * kind of information. Parts with fewer columns than the widest let their last column span the rest, as the
     * templates draw them.
     */
    public static Grid table2(String template, Map<String, BigDecimal> figures) {
        Map<String, List<Table2Item>> sections = new LinkedHashMap<>();
        Table2Item.of(template).forEach(item -> sections.computeIfAbsent(item.section(), s -> new ArrayList<>())
                .add(item));
        int valueColumns = 3;
        Grid.Builder grid = Grid.builder("table2", 0, 6, 3, 3, 3);
        int r = 0;
        for (Map.Entry<String, List<Table2Item>> section : sections.entrySet()) {
            grid.header(r++, 0, 1, 1 + valueColumns, section.getKey());
            List<String> columns = section.getValue().stream().map(Table2Item::column).distinct().toList();
            List<String> rows = section.getValue().stream().map(Table2Item::row).distinct().toList();
            grid.header(r, 0, 1, 1, "信息内容");
            for (int c = 0; c < columns.size(); c++) {
                grid.header(r, 1 + c, 1, span(c, columns.size(), valueColumns), columns.get(c));
            }
            r++;
            for (String row : rows) {
                grid.label(r, 0, 1, 1, row);
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    Table2Item item = section.getValue().stream()
                            .filter(i -> i.row().equals(row) && i.column().equals(column)).findFirst().orElseThrow();
                    grid.figure(r, 1 + c, span(c, columns.size(), valueColumns), figures.get(item.key()),
                            kind(item.kind()));
                }
                r++;
            }
        }
        return grid.build();
    }

    private static int span(int column, int columns, int available) {
        return column == columns - 1 ? available - column : 1;
    }

    private static Kind kind(Table2Item.Kind kind) {
        return switch (kind) {
            case COUNT -> Kind.COUNT;
            case SIGNED -> Kind.SIGNED;
            case AMOUNT -> Kind.AMOUNT;
        };
    }

    /**
     * Table 三: three label columns (the item, the outcome group, the reason) under the corner cell that states the
     * balance rule, then 自然人, the five kinds of 法人或其他组织 and 总计.
     */
    public static Grid table3(String template, Map<String, List<Long>> table3) {
        List<String> rows = Table3Rows.of(template);
        Grid.Builder grid = Grid.builder("table3", 3, 2, 2, 4, 1, 1, 1, 1, 1, 1, 1)
                .header(0, 0, 3, 3, TABLE3_CORNER)
                .header(0, 3, 1, 7, "申请人情况")
                .header(1, 3, 2, 1, "自然人")
                .header(1, 4, 1, 5, "法人或其他组织")
                .header(1, 9, 2, 1, "总计");
        for (int c = 0; c < APPLICANTS.size(); c++) {
            grid.header(2, 4 + c, 1, 1, APPLICANTS.get(c));
        }
        long results = rows.stream().filter(row -> row.startsWith("R3_")).count();
        int r = 3;
        String openGroup = null;
        for (String row : rows) {
            if (row.equals("R3_1")) {
                grid.label(r, 0, (int) results, 1, TABLE3_RESULTS);
            }
            String group = group(row);
            if (group == null) {
                boolean item = row.startsWith("R3_");
                grid.label(r, item ? 1 : 0, 1, item ? 2 : 3, TABLE3_LABELS.get(row));
            } else {
                if (!group.equals(openGroup)) {
                    String prefix = row.substring(0, row.lastIndexOf('_') + 1);
                    int members = (int) rows.stream().filter(other -> other.startsWith(prefix)).count();
                    grid.label(r, 1, members, 1, TABLE3_GROUPS.get(prefix));
                }
                grid.label(r, 2, 1, 1, TABLE3_LABELS.get(row));
            }
            openGroup = group;
            List<Long> numbers = table3.get(row);
            for (int c = 0; c < Table3Rows.COLUMNS; c++) {
                grid.count(r, 3 + c, numbers.get(c));
            }
            r++;
        }
        return grid.build();
    }

    /** The outcome group a row belongs to, or null for a row with a label spanning the group column. */
    private static String group(String row) {
        return TABLE3_GROUPS.keySet().stream().filter(row::startsWith).findFirst().orElse(null);
    }

    /**
     * Table 四: 行政复议 and its five results beside 行政诉讼, split into 未经复议直接起诉 and 复议后起诉, then one row
     * of fifteen numbers.
     */
    public static Grid table4(Map<String, List<Long>> table4) {
        Grid.Builder grid = Grid.builder("table4", 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
                .header(0, 0, 1, 5, "行政复议")
                .header(0, 5, 1, 10, "行政诉讼")
                .header(1, 5, 1, 5, "未经复议直接起诉")
                .header(1, 10, 1, 5, "复议后起诉");
        for (int c = 0; c < APPEAL_RESULTS.size(); c++) {
            grid.header(1, c, 2, 1, APPEAL_RESULTS.get(c));
            grid.header(2, 5 + c, 1, 1, APPEAL_RESULTS.get(c));
            grid.header(2, 10 + c, 1, 1, APPEAL_RESULTS.get(c));
        }
        int c = 0;
        for (String key : Table4Rows.KEYS) {
            for (Long number : table4.get(key)) {
                grid.count(3, c++, number);
            }
        }
        return grid.build();
    }

    /** The checks the figures pass or fail, one row each. */
    public static Grid checks(List<Check> checks) {
        Grid.Builder grid = Grid.builder("checks", 1, 6, 2, 7)
                .header(0, 0, 1, 1, "校验规则")
                .header(0, 1, 1, 1, "结果")
                .header(0, 2, 1, 1, "说明");
        int r = 1;
        for (Check check : checks) {
            grid.label(r, 0, 1, 1, check.rule());
            grid.cell(r, 1, 1, 1, check.passed() ? "通过" : "未通过", check.passed() ? Kind.PASSED : Kind.FAILED);
            grid.cell(r, 2, 1, 1, check.detail(), Kind.TEXT);
            r++;
        }
        return grid.build();
    }

    /** A figure as the report prints it: 0 for zero, a sign for 本年增/减, amounts without trailing zeros. */
    static String number(BigDecimal value, Kind kind) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        String text = plain.toPlainString();
        return kind == Kind.SIGNED && plain.signum() > 0 ? "+" + text : text;
    }
}
