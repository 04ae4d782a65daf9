package cn.foi.query.report;

import cn.foi.events.report.Table3Rows;
import cn.foi.events.request.Outcome;
import cn.foi.platform.web.InvalidInputException;
import java.util.List;

/** The two national templates of the annual report (domain §2): the 2019 one for 2019–2020, the 2021 one since. */
public enum ReportTemplate {
    T2019("2019"),
    T2021("2021");

    private final String code;
    private final List<String> table3Rows;

    ReportTemplate(String code) {
        this.code = code;
        this.table3Rows = Table3Rows.of(code);
    }

    public String code() {
        return code;
    }

    /** Every row key of Table 三 in the template's order, as in the report JSON. */
    public List<String> table3Rows() {
        return table3Rows;
    }

    /** The Table 三 row an outcome is counted in. */
    public String rowOf(Outcome outcome) {
        return this == T2019 && outcome.name().startsWith("R3_6_") ? "R3_6" : outcome.name();
    }

    public static ReportTemplate forYear(int year) {
        return year <= 2020 ? T2019 : T2021;
    }

    /** The template asked for, or the year's own. */
    public static ReportTemplate of(String requested, int year) {
        if (requested == null || requested.isBlank()) {
            return forYear(year);
        }
        for (ReportTemplate template : values()) {
            if (template.code.equals(requested.strip())) {
                return template;
            }
        }
        throw new InvalidInputException("template", "年报模板“" + requested + "”无效，可选值：2019（国办公开办函〔2019〕60号）、"
                + "2021（国办公开办函〔2021〕30号）");
    }
}
