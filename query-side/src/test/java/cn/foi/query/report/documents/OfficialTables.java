package cn.foi.query.report.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tables as the official templates print them, typed out from 国办公开办函〔2019〕60号 and 〔2021〕30号 (and the
 * seeds), independently of the code under test. A cell is written {@code row,column,rowSpan,columnSpan|text}, the
 * shape every format is read back into.
 */
final class OfficialTables {

    private OfficialTables() {
    }

    static String cell(int row, int column, int rowSpan, int columnSpan, String text) {
        return row + "," + column + "," + rowSpan + "," + columnSpan + "|" + text;
    }

    private static final List<String> TABLE3_HEAD = List.of(
            cell(0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            cell(0, 3, 1, 7, "申请人情况"),
            cell(1, 3, 2, 1, "自然人"),
            cell(1, 4, 1, 5, "法人或其他组织"),
            cell(1, 9, 2, 1, "总计"),
            cell(2, 4, 1, 1, "商业企业"),
            cell(2, 5, 1, 1, "科研机构"),
            cell(2, 6, 1, 1, "社会公益组织"),
            cell(2, 7, 1, 1, "法律服务机构"),
            cell(2, 8, 1, 1, "其他"));

    /** Row key, then the label cells of the row as {@code column,rowSpan,columnSpan|text}, separated by ";". */
    private static final List<String> TABLE3_2021_ROWS = List.of(
            "R1;0,1,3|一、本年新收政府信息公开申请数量",
            "R2;0,1,3|二、上年结转政府信息公开申请数量",
            "R3_1;0,22,1|三、本年度办理结果;1,1,2|（一）予以公开",
            "R3_2;1,1,2|（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "R3_3_1;1,8,1|（三）不予公开;2,1,1|1.属于国家秘密",
            "R3_3_2;2,1,1|2.其他法律行政法规禁止公开",
            "R3_3_3;2,1,1|3.危及“三安全一稳定”",
            "R3_3_4;2,1,1|4.保护第三方合法权益",
            "R3_3_5;2,1,1|5.属于三类内部事务信息",
            "R3_3_6;2,1,1|6.属于四类过程性信息",
            "R3_3_7;2,1,1|7.属于行政执法案卷",
            "R3_3_8;2,1,1|8.属于行政查询事项",
            "R3_4_1;1,3,1|（四）无法提供;2,1,1|1.本机关不掌握相关政府信息",
            "R3_4_2;2,1,1|2.没有现成信息需要另行制作",
            "R3_4_3;2,1,1|3.补正后申请内容仍不明确",
            "R3_5_1;1,5,1|（五）不予处理;2,1,1|1.信访举报投诉类申请",
            "R3_5_2;2,1,1|2.重复申请",
            "R3_5_3;2,1,1|3.要求提供公开出版物",
            "R3_5_4;2,1,1|4.无正当理由大量反复申请",
            "R3_5_5;2,1,1|5.要求行政机关确认或重新出具已获取信息",
            "R3_6_1;1,3,1|（六）其他处理;2,1,1|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "R3_6_2;2,1,1|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "R3_6_3;2,1,1|3.其他",
            "R3_7;1,1,2|（七）总计",
            "R4;0,1,3|四、结转下年度继续办理");

    /** The 2019 template: （六）其他处理 is one row, so 三、本年度办理结果 spans twenty rows. */
    private static final List<String> TABLE3_2019_ROWS = List.copyOf(TABLE3_2021_ROWS.stream()
            .filter(row -> !row.startsWith("R3_6_2") && !row.startsWith("R3_6_3"))
            .map(row -> row.startsWith("R3_6_1") ? "R3_6;1,1,2|（六）其他处理"
                    : row.replace("0,22,1|三、本年度办理结果", "0,20,1|三、本年度办理结果"))
            .toList());

    static List<String> table3(String template, Function<String, List<Long>> numbers) {
        List<String> cells = new ArrayList<>(TABLE3_HEAD);
        int row = 3;
        for (String spec : template.equals("2019") ? TABLE3_2019_ROWS : TABLE3_2021_ROWS) {
            String[] parts = spec.split(";");
            for (int i = 1; i < parts.length; i++) {
                String[] position = parts[i].substring(0, parts[i].indexOf('|')).split(",");
                cells.add(cell(row, Integer.parseInt(position[0]), Integer.parseInt(position[1]),
                        Integer.parseInt(position[2]), parts[i].substring(parts[i].indexOf('|') + 1)));
            }
            List<Long> counts = numbers.apply(parts[0]);
            for (int c = 0; c < 7; c++) {
                cells.add(cell(row, 3 + c, 1, 1, Long.toString(counts.get(c))));
            }
            row++;
        }
        return cells;
    }

    static List<String> table4(List<Long> numbers) {
        List<String> cells = new ArrayList<>(List.of(
                cell(0, 0, 1, 5, "行政复议"),
                cell(0, 5, 1, 10, "行政诉讼"),
                cell(1, 5, 1, 5, "未经复议直接起诉"),
                cell(1, 10, 1, 5, "复议后起诉")));
        List<String> results = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
        for (int c = 0; c < 5; c++) {
            cells.add(cell(1, c, 2, 1, results.get(c)));
            cells.add(cell(2, 5 + c, 1, 1, results.get(c)));
            cells.add(cell(2, 10 + c, 1, 1, results.get(c)));
        }
        for (int c = 0; c < 15; c++) {
            cells.add(cell(3, c, 1, 1, Long.toString(numbers.get(c))));
        }
        return cells;
    }

    /** Table 二 of the 2021 template; {@code values} in the order of the figures, "—" for one not entered. */
    static List<String> table2Of2021(String... values) {
        return List.of(
                cell(0, 0, 1, 4, "第二十条第（一）项"),
                cell(1, 0, 1, 1, "信息内容"), cell(1, 1, 1, 1, "本年制发件数"), cell(1, 2, 1, 1, "本年废止件数"),
                cell(1, 3, 1, 1, "现行有效件数"),
                cell(2, 0, 1, 1, "规章"), cell(2, 1, 1, 1, values[0]), cell(2, 2, 1, 1, values[1]),
                cell(2, 3, 1, 1, values[2]),
                cell(3, 0, 1, 1, "行政规范性文件"), cell(3, 1, 1, 1, values[3]), cell(3, 2, 1, 1, values[4]),
                cell(3, 3, 1, 1, values[5]),
                cell(4, 0, 1, 4, "第二十条第（五）项"),
                cell(5, 0, 1, 1, "信息内容"), cell(5, 1, 1, 3, "本年处理决定数量"),
                cell(6, 0, 1, 1, "行政许可"), cell(6, 1, 1, 3, values[6]),
                cell(7, 0, 1, 4, "第二十条第（六）项"),
                cell(8, 0, 1, 1, "信息内容"), cell(8, 1, 1, 3, "本年处理决定数量"),
                cell(9, 0, 1, 1, "行政处罚"), cell(9, 1, 1, 3, values[7]),
                cell(10, 0, 1, 1, "行政强制"), cell(10, 1, 1, 3, values[8]),
                cell(11, 0, 1, 4, "第二十条第（八）项"),
                cell(12, 0, 1, 1, "信息内容"), cell(12, 1, 1, 3, "本年收费金额（单位：万元）"),
                cell(13, 0, 1, 1, "行政事业性收费"), cell(13, 1, 1, 3, values[9]));
    }

    /** Table 二 of the 2019 template; {@code values} in the order of the figures. */
    static List<String> table2Of2019(String... values) {
        List<String> cells = new ArrayList<>();
        String[][] sections = {
                {"第二十条第（一）项", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "规范性文件"},
                {"第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可", "其他对外管理服务事项"},
                {"第二十条第（六）项", "上一年项目数量", "本年增/减", "处理决定数量", "行政处罚", "行政强制"}};
        int row = 0;
        int value = 0;
        for (String[] section : sections) {
            cells.add(cell(row++, 0, 1, 4, section[0]));
            cells.add(cell(row, 0, 1, 1, "信息内容"));
            for (int c = 1; c <= 3; c++) {
                cells.add(cell(row, c, 1, 1, section[c]));
            }
            row++;
            for (int r = 4; r <= 5; r++) {
                cells.add(cell(row, 0, 1, 1, section[r]));
                for (int c = 1; c <= 3; c++) {
                    cells.add(cell(row, c, 1, 1, values[value++]));
                }
                row++;
            }
        }
        cells.addAll(List.of(
                cell(row, 0, 1, 4, "第二十条第（八）项"),
                cell(row + 1, 0, 1, 1, "信息内容"), cell(row + 1, 1, 1, 1, "上一年项目数量"),
                cell(row + 1, 2, 1, 2, "本年增/减"),
                cell(row + 2, 0, 1, 1, "行政事业性收费"), cell(row + 2, 1, 1, 1, values[value++]),
                cell(row + 2, 2, 1, 2, values[value++]),
                cell(row + 3, 0, 1, 4, "第二十条第（九）项"),
                cell(row + 4, 0, 1, 1, "信息内容"), cell(row + 4, 1, 1, 1, "采购项目数量"),
                cell(row + 4, 2, 1, 2, "采购总金额"),
                cell(row + 5, 0, 1, 1, "政府集中采购"), cell(row + 5, 1, 1, 1, values[value++]),
                cell(row + 5, 2, 1, 2, values[value])));
        return cells;
    }

    /** The checks as a table: rule, 通过 or 未通过, and what was compared. */
    static List<String> checks(cn.foi.query.report.AnnualReportView report) {
        List<String> cells = new ArrayList<>(List.of(cell(0, 0, 1, 1, "校验规则"), cell(0, 1, 1, 1, "结果"),
                cell(0, 2, 1, 1, "说明")));
        int row = 1;
        for (var check : report.checks()) {
            cells.add(cell(row, 0, 1, 1, check.rule()));
            cells.add(cell(row, 1, 1, 1, check.passed() ? "通过" : "未通过"));
            cells.add(cell(row, 2, 1, 1, check.detail()));
            row++;
        }
        return cells;
    }

    static List<String> sorted(List<String> cells) {
        return cells.stream().sorted(OfficialTables::byPosition).toList();
    }

    private static int byPosition(String a, String b) {
        String[] pa = a.substring(0, a.indexOf('|')).split(",");
        String[] pb = b.substring(0, b.indexOf('|')).split(",");
        int rows = Integer.compare(Integer.parseInt(pa[0]), Integer.parseInt(pb[0]));
        return rows != 0 ? rows : Integer.compare(Integer.parseInt(pa[1]), Integer.parseInt(pb[1]));
    }
}
