package cn.foi.query.report.documents;

import cn.foi.events.report.ReportTemplates;
import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.query.report.AnnualReportView;
import cn.foi.query.report.AnnualReportView.Annex;
import cn.foi.query.request.Flag;
import cn.foi.query.report.AnnualReportView.OldRequest;
import cn.foi.query.report.AnnualReportView.Publication;
import cn.foi.query.report.AnnualReportView.Table2Figure;
import cn.foi.query.report.documents.Grid.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual report in the order of the template, as blocks every format renders the same way. Two documents are made
 * of one report: the report itself, which an agency publishes and which therefore carries the template's title,
 * sections 一 to 六 and Tables 二, 三, 四 and nothing else; and its 校验单, kept for review and never published: which
 * template and counting rule were used, whether this is what was published, the checks, and the annex beyond the
 * template (domain §3).
 *
 * @param part  which of the two documents this is
 * @param notes small print under the title (only the 校验单 has any): which template, the period, and whether this is
 *              what was published
 */
public record ReportDocument(Part part, String title, List<String> notes, List<Block> blocks, String fileName) {

    /** What a text section shows while the agency has not written it: visibly missing, not silently empty. */
    public static final String NOT_WRITTEN = "（尚未填写）";

    public ReportDocument {
        notes = List.copyOf(notes);
        blocks = List.copyOf(blocks);
    }

    /** The publishable report, or the 校验单 that goes with it; the name is the XLSX sheet's. */
    public enum Part {
        REPORT("年度报告"),
        CHECKS("校验单");

        private final String sheetName;

        Part(String sheetName) {
            this.sheetName = sheetName;
        }

        public String sheetName() {
            return sheetName;
        }
    }

    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** Level 1: the six sections, or the parts of the 校验单; level 2: a part of the annex. */
    public record Heading(String text, int level) implements Block {
    }

    public record Paragraph(String text, Style style) implements Block {
    }

    public record Table(Grid grid) implements Block {
    }

    public enum Style {
        /** Report text, indented two characters as Chinese official documents are. */
        BODY,
        /** Small print about a table: what a dash means, which counting rule was used. */
        NOTE,
        /** A section nobody has written yet. */
        PLACEHOLDER
    }

    /**
     * The report as the template lays it out, to publish: sections 一 to 六 with Tables 二, 三, 四 and the fees the 2021
     * template asks for in section 六. Everything the system adds for review is in {@link #checkSheet}.
     *
     * @param version the published version this report is, or null for the current figures
     */
    public static ReportDocument of(AnnualReportView report, Integer version) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、总体情况", 1));
        text(blocks, report.texts() == null ? null : report.texts().overview());

        blocks.add(new Heading("二、主动公开政府信息情况", 1));
        blocks.add(new Table(ReportLayout.table2(report.template(), table2Figures(report))));

        blocks.add(new Heading("三、收到和处理政府信息公开申请情况", 1));
        blocks.add(new Table(ReportLayout.table3(report.template(), report.table3())));

        blocks.add(new Heading("四、政府信息公开行政复议、行政诉讼情况", 1));
        blocks.add(new Table(ReportLayout.table4(report.table4())));

        blocks.add(new Heading("五、存在的主要问题及改进情况", 1));
        text(blocks, report.texts() == null ? null : report.texts().problems());

        blocks.add(new Heading("六、其他需要报告的事项", 1));
        text(blocks, report.texts() == null ? null : report.texts().otherMatters());
        if (ReportTemplates.T2021.equals(report.template()) && report.feesCollected() != null) {
            // The 2021 template asks for the fees among the other matters; they come from the payments recorded.
            blocks.add(new Paragraph("收取信息处理费情况：本年度共收取信息处理费 "
                    + ReportLayout.number(report.feesCollected().amountYuan(), Kind.AMOUNT) + " 元。", Style.BODY));
        }
        String title = report.title();
        return new ReportDocument(Part.REPORT, title, List.of(), blocks,
                title + (version == null ? "" : "（第" + version + "版）"));
    }

    /**
     * The 校验单 of a report: what the report was made by (template, period, counting rule of Table 四, whether it is
     * what was published), the checks of its figures and the annex beyond the template. For review only: the annex
     * names open requests by their case numbers.
     *
     * @param version the published version the report is, or null for the current figures; a published version has
     *                no annex (its figures are frozen, the requests are not)
     */
    public static ReportDocument checkSheet(AnnualReportView report, Integer version) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("一、编制说明", 1));
        List<Table2Figure> table2 = report.table2() == null ? List.of() : report.table2();
        if (table2.isEmpty() || table2.stream().anyMatch(figure -> figure.value() == null)) {
            blocks.add(new Paragraph("表二中“" + ReportLayout.NOT_ENTERED + "”表示该项数据尚未填报"
                    + (report.includeSubordinates() ? "（汇总报告不汇总表二）" : "") + "。", Style.NOTE));
        }
        if (report.table4RuleLabel() != null && !report.table4RuleLabel().isBlank()) {
            blocks.add(new Paragraph("表四的统计口径为" + report.table4RuleLabel() + "。", Style.NOTE));
        }
        if (ReportTemplates.T2021.equals(report.template()) && report.feesCollected() != null && version == null) {
            blocks.add(new Paragraph("第六部分的信息处理费 " + ReportLayout.number(report.feesCollected().amountYuan(),
                    Kind.AMOUNT) + " 元由本年度 " + report.feesCollected().payments() + " 笔缴费记录汇总。", Style.NOTE));
        }

        blocks.add(new Heading("二、数据校验结果", 1));
        blocks.add(new Paragraph("以下校验由系统根据本报告的数字自动进行，供审核使用"
                + (version == null ? "" : "（已发布版本按发布时冻结的数字校验）") + "。", Style.NOTE));
        blocks.add(new Table(ReportLayout.checks(report.checks())));

        if (report.annex() != null) {
            annex(blocks, report.annex(), report.includeSubordinates());
        }
        String title = report.title() + "校验单";
        return new ReportDocument(Part.CHECKS, title, notes(report, version), blocks,
                title + (version == null ? "" : "（第" + version + "版）"));
    }

    private static Map<String, BigDecimal> table2Figures(AnnualReportView report) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        List<Table2Figure> table2 = report.table2() == null ? List.of() : report.table2();
        table2.forEach(figure -> figures.put(figure.key(), figure.value()));
        return figures;
    }

    private static List<String> notes(AnnualReportView report, Integer version) {
        List<String> notes = new ArrayList<>();
        notes.add("依据" + (ReportTemplates.T2019.equals(report.template()) ? "国办公开办函〔2019〕60号"
                : "国办公开办函〔2021〕30号") + "格式编制；统计期限自" + report.year() + "年1月1日起至"
                + report.year() + "年12月31日止。");
        if (report.includeSubordinates()) {
            notes.add("汇总报告：本机关及下级机关共 " + report.agencies().size() + " 个机关合并统计，不单独发布。");
        }
        Publication publication = report.publication();
        if (version != null && publication != null) {
            publication.versions().stream().filter(v -> v.version() == version).findFirst().ifPresent(v ->
                    notes.add("已发布的第 " + v.version() + " 版，发布于 "
                            + v.publishedAt().atZone(FoiPlatformConfiguration.OFFICE_ZONE).toLocalDate()
                            + (v.reason() == null ? "" : "；更正原因：" + v.reason()) + "。"));
        } else if (publication != null && !publication.published()) {
            notes.add("本稿尚未发布。");
        } else if (publication != null && publication.upToDate()) {
            notes.add("与已发布的第 " + publication.latestVersion() + " 版一致。");
        } else if (publication != null) {
            notes.add("与已发布的第 " + publication.latestVersion() + " 版相比有 " + publication.differences().size()
                    + " 处变动，尚未更正发布。");
        }
        return notes;
    }

    /** A text in its paragraphs, as the agency broke it; a section not written yet says so. */
    private static void text(List<Block> blocks, String text) {
        List<String> paragraphs = text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (paragraphs.isEmpty()) {
            blocks.add(new Paragraph(NOT_WRITTEN, Style.PLACEHOLDER));
        }
        paragraphs.forEach(p -> blocks.add(new Paragraph(p, Style.BODY)));
    }

    private static void annex(List<Block> blocks, Annex annex, boolean rollUp) {
        blocks.add(new Heading("三、办理情况分析（模板以外）", 1));
        blocks.add(new Paragraph("用时按工作日计，自收到申请的次日起算；当日答复记为“<1”。", Style.NOTE));

        blocks.add(new Heading("（一）答复时效", 2));
        Grid.Builder summary = Grid.builder("annex-summary", 1, 3, 2).header(0, 0, 1, 1, "指标")
                .header(0, 1, 1, 1, "数值");
        List<String[]> rows = List.of(
                new String[] {"本年度答复件数", Long.toString(annex.answered())},
                new String[] {"其中按期答复件数", Long.toString(annex.answeredWithinPeriod())},
                new String[] {"按期答复率", percent(annex.withinPeriodShare())},
                new String[] {"逾期答复件数", Long.toString(annex.answeredLate())},
                new String[] {"答复用时中位数（工作日）", orDash(annex.medianWorkingDays())},
                new String[] {"答复用时平均数（工作日）", orDash(annex.averageWorkingDays())},
                new String[] {"答复用时最短（工作日）", orDash(annex.lowestWorkingDays())},
                new String[] {"答复用时最长（工作日）", orDash(annex.highestWorkingDays())},
                new String[] {"截至" + annex.openAsOf() + "未办结且已超过答复期限件数",
                        Long.toString(annex.openPastDueDate())},
                new String[] {"本年新收申请件数", Long.toString(annex.receivedInYear())},
                new String[] {"延期答复比例", percent(annex.extensionShare())},
                new String[] {"需要补正比例", percent(annex.supplementShare())});
        for (int r = 0; r < rows.size(); r++) {
            // Centred like a count, but kept as text: "<1", "75.0%" and "—" are not numbers a sheet could add.
            summary.label(r + 1, 0, 1, 1, rows.get(r)[0]).cell(r + 1, 1, 1, 1, rows.get(r)[1], Kind.COUNT);
        }
        blocks.add(new Table(summary.build()));

        blocks.add(new Heading("（二）答复用时分布（工作日）", 2));
        blocks.add(new Table(counts("annex-buckets", "答复用时", annex.responseTimeBuckets())));

        blocks.add(new Heading("（三）本年新收申请的提交方式", 2));
        blocks.add(new Table(counts("annex-channels", "提交方式", annex.byChannel())));

        blocks.add(new Heading("（四）最早收到的十件未办结申请（截至" + annex.openAsOf() + "）", 2));
        if (annex.oldestOpen().isEmpty()) {
            blocks.add(new Paragraph("无未办结的申请。", Style.NOTE));
        } else {
            oldestOpen(blocks, annex, rollUp);
        }
        flags(blocks, annex);
    }

    /** The flags of the year by code (absent in reports published before they existed). */
    private static void flags(List<Block> blocks, Annex annex) {
        if (annex.flags() == null || annex.flags().isEmpty()) {
            return;
        }
        blocks.add(new Heading("（五）提示事项（本年度提起的复议、诉讼及发出的收费通知）", 2));
        Map<String, Long> byLabel = new java.util.LinkedHashMap<>();
        annex.flags().forEach((code, count) -> byLabel.put(label(code), count));
        blocks.add(new Table(counts("annex-flags", "事项", byLabel)));
        blocks.add(new Paragraph("复议、诉讼期限由复议机关、法院审查，本系统只作提示，不拒绝登记。", Style.NOTE));
    }

    private static String label(String code) {
        return java.util.Arrays.stream(Flag.Code.values()).filter(c -> c.name().equals(code)).findFirst()
                .map(Flag.Code::label).orElse(code);
    }

    private static void oldestOpen(List<Block> blocks, Annex annex, boolean rollUp) {
        List<String> headings = new ArrayList<>(List.of("序号", "受理编号", "收到日期", "答复期限", "已历时（工作日）"));
        if (rollUp) {
            headings.add(1, "机关");
        }
        Grid.Builder oldest = Grid.builder("annex-oldest", 1, rollUp ? new Integer[] {1, 3, 3, 2, 2, 2}
                : new Integer[] {1, 3, 2, 2, 2});
        for (int c = 0; c < headings.size(); c++) {
            oldest.header(0, c, 1, 1, headings.get(c));
        }
        int r = 1;
        for (OldRequest request : annex.oldestOpen()) {
            int c = 0;
            oldest.count(r, c++, r);
            if (rollUp) {
                oldest.cell(r, c++, 1, 1, request.agencyCode(), Kind.TEXT);
            }
            oldest.cell(r, c++, 1, 1, request.caseNo(), Kind.TEXT);
            oldest.cell(r, c++, 1, 1, request.receivedOn().toString(), Kind.TEXT);
            oldest.cell(r, c++, 1, 1, request.dueDate() == null ? ReportLayout.NOT_ENTERED
                    : request.dueDate().toString(), Kind.TEXT);
            oldest.count(r, c, request.ageWorkingDays());
            r++;
        }
        blocks.add(new Table(oldest.build()));
    }

    private static Grid counts(String name, String heading, Map<String, Long> counts) {
        Integer[] widths = new Integer[counts.size() + 1];
        Arrays.fill(widths, 1);
        widths[0] = 2;
        Grid.Builder grid = Grid.builder(name, 1, widths).header(0, 0, 1, 1, heading).label(1, 0, 1, 1, "件数");
        int c = 1;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            grid.header(0, c, 1, 1, entry.getKey());
            grid.count(1, c++, entry.getValue());
        }
        return grid.build();
    }

    private static String percent(Double share) {
        return share == null ? ReportLayout.NOT_ENTERED
                : BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String orDash(String value) {
        return value == null ? ReportLayout.NOT_ENTERED : value;
    }
}
