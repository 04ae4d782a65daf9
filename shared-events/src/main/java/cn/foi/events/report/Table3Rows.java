package cn.foi.events.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The row keys of Table 三 per template, in the official order (domain §2.1). Each row holds seven numbers: the applicant
 * columns C1..C6 and the total C7.
 */
public final class Table3Rows {

    public static final int COLUMNS = 7;

    /** 一、本年新收政府信息公开申请数量. */
    public static final String NEW = "R1";
    /** 二、上年结转政府信息公开申请数量. */
    public static final String CARRIED_OVER = "R2";
    /** 三、本年度办理结果: each outcome's row key starts so (the keys of {@code Outcome}, and the total). */
    public static final String OUTCOME_PREFIX = "R3_";
    /** 三、（七）总计: the requests closed in the year, the sum of the outcome rows. */
    public static final String CLOSED_TOTAL = "R3_7";
    /** 四、结转下年度继续办理. */
    public static final String CARRIED_FORWARD = "R4";

    private static final List<String> T2019 = rows(List.of("R3_6"));
    private static final List<String> T2021 = rows(List.of("R3_6_1", "R3_6_2", "R3_6_3"));

    private Table3Rows() {
    }

    /** The rows of the template; an unknown template is a programming error, the sides check templates first. */
    public static List<String> of(String template) {
        return switch (template) {
            case ReportTemplates.T2019 -> T2019;
            case ReportTemplates.T2021 -> T2021;
            default -> throw new IllegalArgumentException("unknown template " + template);
        };
    }

    private static List<String> rows(List<String> otherHandling) {
        List<String> rows = new ArrayList<>(List.of(NEW, CARRIED_OVER, "R3_1", "R3_2"));
        for (int i = 1; i <= 8; i++) {
            rows.add("R3_3_" + i);
        }
        for (int i = 1; i <= 3; i++) {
            rows.add("R3_4_" + i);
        }
        for (int i = 1; i <= 5; i++) {
            rows.add("R3_5_" + i);
        }
        rows.addAll(otherHandling);
        rows.add(CLOSED_TOTAL);
        rows.add(CARRIED_FORWARD);
        return List.copyOf(rows);
    }
}
