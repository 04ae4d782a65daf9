package cn.foi.platform.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What must be in place before an agency's annual report can be published: the year over, Table 二 entered in the
 * template being published, and the texts written. The report aggregate refuses a publication with the first of these
 * that is missing; the report as read lists all of them, so that a supervisor sees everything still to do at once,
 * before being asked to confirm. One rule for both sides, so that the page never promises what the command refuses.
 */
public final class PublicationPrerequisites {

    /** One thing still missing: the rule's key (as the refused command names it) and what to do, in the user's words. */
    public record Missing(String rule, String message) {
    }

    private PublicationPrerequisites() {
    }

    /**
     * @param year           the report's year
     * @param currentYear    the year today, in the office's zone
     * @param template       the template to publish in
     * @param table2Template the template Table 二 was entered in; null while it is not entered
     * @param textsEntered   whether section 一 (总体情况) and the other texts were entered
     * @return every missing prerequisite, in the order the aggregate checks them; empty when the report can be published
     */
    public static List<Missing> missing(int year, int currentYear, String template, String table2Template,
                                        boolean textsEntered) {
        List<Missing> missing = new ArrayList<>();
        if (year >= currentYear) {
            missing.add(new Missing("REPORT_YEAR_NOT_ENDED",
                    year + " 年尚未结束，年度报告的数据还不完整，请于次年 1 月 1 日之后发布"));
        }
        if (table2Template == null) {
            missing.add(new Missing("TABLE2_NOT_ENTERED", "请先录入表二（主动公开政府信息情况）再发布年度报告"));
        } else if (!table2Template.equals(template)) {
            missing.add(new Missing("REPORT_TEMPLATE_MISMATCH", "表二是按 " + table2Template + " 年版模板录入的，"
                    + "发布时须使用同一模板（template=" + table2Template + "），或按 " + template + " 年版模板重新录入表二"));
        }
        if (!textsEntered) {
            missing.add(new Missing("TEXTS_NOT_ENTERED", "请先填写“一、总体情况”等文字部分再发布年度报告"));
        }
        return List.copyOf(missing);
    }
}
