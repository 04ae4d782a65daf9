package cn.foi.events.report;

import java.util.List;

/**
 * The two national templates of the annual report (domain §2): 国办公开办函〔2019〕60号 for the 2019 and 2020 reports,
 * 国办公开办函〔2021〕30号 from 2021 on. Both sides name a template by its year, as the API does.
 */
public final class ReportTemplates {

    public static final String T2019 = "2019";
    public static final String T2021 = "2021";
    public static final List<String> ALL = List.of(T2019, T2021);

    private ReportTemplates() {
    }

    /** The template a year's report uses unless the agency chooses the other one. */
    public static String defaultFor(int year) {
        return year <= 2020 ? T2019 : T2021;
    }

    public static boolean isKnown(String template) {
        return ALL.contains(template);
    }
}
