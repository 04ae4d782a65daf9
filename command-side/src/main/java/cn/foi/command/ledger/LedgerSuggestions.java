package cn.foi.command.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Which of our columns an office's own header most likely means. Offices name their columns as their forms do (受理日期,
 * 答复日期, 申请人姓名...): first the names offices are known to use for a column, then, for a header nobody listed,
 * the columns whose names are most alike (Jaro-Winkler, which weighs a shared beginning: 行政复议申请时间 is near
 * 行政复议申请日期). A suggestion is only that: the clerk confirms or changes it, and the import reads nothing the clerk
 * did not map.
 */
public final class LedgerSuggestions {

    /** One suggested column and how sure the suggestion is (1 for a known name, the similarity below it). */
    public record Suggestion(LedgerColumn column, double score) {
    }

    /** Below this, two names share too little to suggest one for the other. */
    static final double THRESHOLD = 0.75;
    private static final int MAX = 3;
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    /** Names offices give our columns, as headers are compared ({@link LedgerColumn#headerForm}). */
    private static final Map<String, LedgerColumn> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms(LedgerColumn.CASE_NO, "编号", "受理号", "申请编号", "案件编号", "登记编号", "序号编号", "文号", "受理文号");
        synonyms(LedgerColumn.APPLICANT_CATEGORY, "申请人类别", "申请人性质", "申请主体类型", "申请人身份", "类型");
        synonyms(LedgerColumn.APPLICANT_NAME, "申请人姓名", "申请人名称", "申请人姓名/名称", "申请人姓名或名称", "姓名",
                "名称", "申请单位", "申请人（单位）名称");
        synonyms(LedgerColumn.CHANNEL, "申请途径", "提交方式", "申请渠道", "受理方式", "来源");
        synonyms(LedgerColumn.RECEIVED_ON, "受理日期", "申请日期", "收到申请日期", "收件日期", "登记日期", "受理时间",
                "申请时间", "收到时间", "接收日期");
        synonyms(LedgerColumn.SUPPLEMENT_REQUESTED_ON, "补正日期", "补正通知日期", "告知补正日期");
        synonyms(LedgerColumn.SUPPLEMENT_RECEIVED_ON, "补正材料收到日期", "收到补正日期", "补正完成日期");
        synonyms(LedgerColumn.EXTENDED_ON, "延期日期", "延期答复日期", "延长答复期限日期", "延期告知时间");
        synonyms(LedgerColumn.CONSULTATION_STARTED_ON, "征求第三方意见日期", "征求意见开始日期", "征询意见日期");
        synonyms(LedgerColumn.CONSULTATION_ENDED_ON, "第三方答复日期", "征求意见结束日期", "征询意见答复日期");
        synonyms(LedgerColumn.FEE_NOTICE_ON, "收费通知时间", "缴费通知日期", "信息处理费通知日期");
        synonyms(LedgerColumn.FEE_PAID_ON, "缴费时间", "交费日期", "收费日期");
        synonyms(LedgerColumn.OUTCOME, "答复结果", "处理结果", "答复类型", "答复情况", "办理情况", "处理情况", "答复意见");
        synonyms(LedgerColumn.CLOSED_ON, "答复日期", "办结时间", "答复时间", "办结日", "答复书日期", "出具答复日期",
                "处理日期", "完成日期");
        synonyms(LedgerColumn.RECONSIDERATION_FILED_ON, "复议申请日期", "申请复议日期", "行政复议日期");
        synonyms(LedgerColumn.RECONSIDERATION_RESULT, "复议结果", "复议结论");
        synonyms(LedgerColumn.RECONSIDERATION_DECIDED_ON, "复议决定日期", "复议日期");
        synonyms(LedgerColumn.LAWSUIT_FILED_ON, "起诉日期", "诉讼日期", "行政诉讼日期");
        synonyms(LedgerColumn.LAWSUIT_KIND, "诉讼方式", "起诉类型");
        synonyms(LedgerColumn.LAWSUIT_RESULT, "诉讼结果", "判决结果");
        synonyms(LedgerColumn.LAWSUIT_DECIDED_ON, "判决日期", "诉讼判决日期", "行政诉讼决定日期");
        synonyms(LedgerColumn.DESCRIPTION, "申请内容描述", "所需信息", "申请公开内容", "申请事项", "所需政府信息的名称",
                "内容");
        synonyms(LedgerColumn.SERVED_ON, "送达时间", "答复送达日期");
        synonyms(LedgerColumn.OUTCOME_NOTE, "答复说明", "备注说明", "理由");
    }

    private LedgerSuggestions() {
    }

    private static void synonyms(LedgerColumn column, String... names) {
        for (String name : names) {
            SYNONYMS.putIfAbsent(LedgerColumn.headerForm(name), column);
        }
    }

    /**
     * Our columns a header may mean, the likeliest first, at most three; none for a header no column resembles. A
     * header we read as it is (a column's own name or key) is not asked about.
     */
    public static List<Suggestion> forHeader(String header) {
        if (header == null) {
            return List.of();
        }
        String form = LedgerColumn.headerForm(header);
        if (form.isEmpty()) {
            return List.of();
        }
        Map<LedgerColumn, Double> scores = new EnumMap<>(LedgerColumn.class);
        LedgerColumn known = SYNONYMS.get(form);
        if (known != null) {
            scores.put(known, 1.0);
        }
        for (LedgerColumn column : LedgerColumn.values()) {
            double score = Math.max(SIMILARITY.apply(form, LedgerColumn.headerForm(column.chineseName())),
                    SIMILARITY.apply(form, column.key()));
            scores.merge(column, score, Math::max);
        }
        SYNONYMS.forEach((name, column) -> scores.merge(column, SIMILARITY.apply(form, name), Math::max));
        List<Suggestion> suggestions = new ArrayList<>();
        scores.forEach((column, score) -> {
            if (score >= THRESHOLD) {
                suggestions.add(new Suggestion(column, Math.round(score * 100) / 100.0));
            }
        });
        suggestions.sort(Comparator.comparingDouble(Suggestion::score).reversed()
                .thenComparing(s -> s.column().ordinal()));
        return suggestions.size() > MAX ? List.copyOf(suggestions.subList(0, MAX)) : List.copyOf(suggestions);
    }
}
