package cn.foi.events.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every figure of Table 二 主动公开政府信息情况 (domain §2.3), per template, in the official order. The figures are
 * entered by the agency, not derived from requests. Within a template a figure is named by its {@link #key()}; the
 * constant's name carries the template only because both templates share some keys.
 */
public enum Table2Item {
    T2019_RULES_MADE(ReportTemplates.T2019, "RULES_MADE", Sections.ITEM_1, "规章", "本年新制作数量", Kind.COUNT),
    T2019_RULES_PUBLISHED(ReportTemplates.T2019, "RULES_PUBLISHED", Sections.ITEM_1, "规章", "本年新公开数量", Kind.COUNT),
    T2019_RULES_TOTAL(ReportTemplates.T2019, "RULES_TOTAL", Sections.ITEM_1, "规章", "对外公开总数量", Kind.COUNT),
    T2019_NORMATIVE_MADE(ReportTemplates.T2019, "NORMATIVE_MADE", Sections.ITEM_1, "规范性文件", "本年新制作数量",
            Kind.COUNT),
    T2019_NORMATIVE_PUBLISHED(ReportTemplates.T2019, "NORMATIVE_PUBLISHED", Sections.ITEM_1, "规范性文件", "本年新公开数量",
            Kind.COUNT),
    T2019_NORMATIVE_TOTAL(ReportTemplates.T2019, "NORMATIVE_TOTAL", Sections.ITEM_1, "规范性文件", "对外公开总数量",
            Kind.COUNT),
    T2019_LICENSING_PREVIOUS(ReportTemplates.T2019, "LICENSING_PREVIOUS", Sections.ITEM_5, "行政许可", "上一年项目数量",
            Kind.COUNT),
    T2019_LICENSING_CHANGE(ReportTemplates.T2019, "LICENSING_CHANGE", Sections.ITEM_5, "行政许可", "本年增/减", Kind.SIGNED),
    T2019_LICENSING_DECISIONS(ReportTemplates.T2019, "LICENSING_DECISIONS", Sections.ITEM_5, "行政许可", "处理决定数量",
            Kind.COUNT),
    T2019_OTHER_SERVICES_PREVIOUS(ReportTemplates.T2019, "OTHER_SERVICES_PREVIOUS", Sections.ITEM_5, "其他对外管理服务事项",
            "上一年项目数量", Kind.COUNT),
    T2019_OTHER_SERVICES_CHANGE(ReportTemplates.T2019, "OTHER_SERVICES_CHANGE", Sections.ITEM_5, "其他对外管理服务事项",
            "本年增/减", Kind.SIGNED),
    T2019_OTHER_SERVICES_DECISIONS(ReportTemplates.T2019, "OTHER_SERVICES_DECISIONS", Sections.ITEM_5, "其他对外管理服务事项",
            "处理决定数量", Kind.COUNT),
    T2019_PENALTY_PREVIOUS(ReportTemplates.T2019, "PENALTY_PREVIOUS", Sections.ITEM_6, "行政处罚", "上一年项目数量",
            Kind.COUNT),
    T2019_PENALTY_CHANGE(ReportTemplates.T2019, "PENALTY_CHANGE", Sections.ITEM_6, "行政处罚", "本年增/减", Kind.SIGNED),
    T2019_PENALTY_DECISIONS(ReportTemplates.T2019, "PENALTY_DECISIONS", Sections.ITEM_6, "行政处罚", "处理决定数量",
            Kind.COUNT),
    T2019_ENFORCEMENT_PREVIOUS(ReportTemplates.T2019, "ENFORCEMENT_PREVIOUS", Sections.ITEM_6, "行政强制", "上一年项目数量",
            Kind.COUNT),
    T2019_ENFORCEMENT_CHANGE(ReportTemplates.T2019, "ENFORCEMENT_CHANGE", Sections.ITEM_6, "行政强制", "本年增/减",
            Kind.SIGNED),
    T2019_ENFORCEMENT_DECISIONS(ReportTemplates.T2019, "ENFORCEMENT_DECISIONS", Sections.ITEM_6, "行政强制", "处理决定数量",
            Kind.COUNT),
    T2019_FEES_PREVIOUS(ReportTemplates.T2019, "FEES_PREVIOUS", Sections.ITEM_8, "行政事业性收费", "上一年项目数量",
            Kind.COUNT),
    T2019_FEES_CHANGE(ReportTemplates.T2019, "FEES_CHANGE", Sections.ITEM_8, "行政事业性收费", "本年增/减", Kind.SIGNED),
    T2019_PROCUREMENT_PROJECTS(ReportTemplates.T2019, "PROCUREMENT_PROJECTS", Sections.ITEM_9, "政府集中采购", "采购项目数量",
            Kind.COUNT),
    T2019_PROCUREMENT_AMOUNT(ReportTemplates.T2019, "PROCUREMENT_AMOUNT", Sections.ITEM_9, "政府集中采购", "采购总金额",
            Kind.AMOUNT),

    T2021_RULES_ISSUED(ReportTemplates.T2021, "RULES_ISSUED", Sections.ITEM_1, "规章", "本年制发件数", Kind.COUNT),
    T2021_RULES_REPEALED(ReportTemplates.T2021, "RULES_REPEALED", Sections.ITEM_1, "规章", "本年废止件数", Kind.COUNT),
    T2021_RULES_IN_FORCE(ReportTemplates.T2021, "RULES_IN_FORCE", Sections.ITEM_1, "规章", "现行有效件数", Kind.COUNT),
    T2021_NORMATIVE_ISSUED(ReportTemplates.T2021, "NORMATIVE_ISSUED", Sections.ITEM_1, "行政规范性文件", "本年制发件数",
            Kind.COUNT),
    T2021_NORMATIVE_REPEALED(ReportTemplates.T2021, "NORMATIVE_REPEALED", Sections.ITEM_1, "行政规范性文件", "本年废止件数",
            Kind.COUNT),
    T2021_NORMATIVE_IN_FORCE(ReportTemplates.T2021, "NORMATIVE_IN_FORCE", Sections.ITEM_1, "行政规范性文件", "现行有效件数",
            Kind.COUNT),
    T2021_LICENSING_DECISIONS(ReportTemplates.T2021, "LICENSING_DECISIONS", Sections.ITEM_5, "行政许可", "本年处理决定数量",
            Kind.COUNT),
    T2021_PENALTY_DECISIONS(ReportTemplates.T2021, "PENALTY_DECISIONS", Sections.ITEM_6, "行政处罚", "本年处理决定数量",
            Kind.COUNT),
    T2021_ENFORCEMENT_DECISIONS(ReportTemplates.T2021, "ENFORCEMENT_DECISIONS", Sections.ITEM_6, "行政强制", "本年处理决定数量",
            Kind.COUNT),
    T2021_FEES_AMOUNT(ReportTemplates.T2021, "FEES_AMOUNT", Sections.ITEM_8, "行政事业性收费", "本年收费金额（单位：万元）",
            Kind.AMOUNT);

    /** What a figure may hold. */
    public enum Kind {
        /** A number of items: an integer, zero or more. */
        COUNT,
        /** 本年增/减: an integer that may be negative. */
        SIGNED,
        /** An amount in 万元: zero or more, at most four decimals (one 元). */
        AMOUNT
    }

    /** The items of 条例 第二十条 that the table covers, as the templates head them. */
    private static final class Sections {
        static final String ITEM_1 = "第二十条第（一）项";
        static final String ITEM_5 = "第二十条第（五）项";
        static final String ITEM_6 = "第二十条第（六）项";
        static final String ITEM_8 = "第二十条第（八）项";
        static final String ITEM_9 = "第二十条第（九）项";
    }

    private final String template;
    private final String key;
    private final String section;
    private final String row;
    private final String column;
    private final Kind kind;

    Table2Item(String template, String key, String section, String row, String column, Kind kind) {
        this.template = template;
        this.key = key;
        this.section = section;
        this.row = row;
        this.column = column;
        this.kind = kind;
    }

    /** "2019" or "2021". */
    public String template() {
        return template;
    }

    /** The figure's name within its template, as the API and the events spell it (RULES_MADE). */
    public String key() {
        return key;
    }

    /** The item of 条例 第二十条 heading the figure's part of the table, such as 第二十条第（一）项. */
    public String section() {
        return section;
    }

    /** The row label, such as 规章. */
    public String row() {
        return row;
    }

    /** The column label, such as 本年新制作数量. */
    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** Row and column together, as a clerk reads the cell: 规章·本年新制作数量. */
    public String label() {
        return row + "·" + column;
    }

    /** The template's figures in the official order; an unknown template has none. */
    public static List<Table2Item> of(String template) {
        return Arrays.stream(values()).filter(item -> item.template.equals(template)).toList();
    }

    public static Optional<Table2Item> find(String template, String key) {
        return Arrays.stream(values()).filter(item -> item.template.equals(template) && item.key.equals(key))
                .findFirst();
    }
}
