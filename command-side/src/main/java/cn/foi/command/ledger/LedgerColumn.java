package cn.foi.command.ledger;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a ledger (台账), named by key or by Chinese name (docs/api.md, "The ledger (台账)"). The first
 * twenty-one are the documented contract, in its order; the ones after them are optional extras that an export writes so
 * that a round trip keeps what the documented columns cannot say (a fee's amount, an extension's length...). A ledger
 * without them is imported with the defaults named in {@link LedgerRows}.
 */
public enum LedgerColumn {
    CASE_NO("case_no", "受理编号", Kind.TEXT),
    APPLICANT_CATEGORY("applicant_category", "申请人类型", Kind.CATEGORY),
    APPLICANT_NAME("applicant_name", "申请人", Kind.TEXT),
    CHANNEL("channel", "申请方式", Kind.CHANNEL),
    RECEIVED_ON("received_on", "收到日期", Kind.DATE),
    SUPPLEMENT_REQUESTED_ON("supplement_requested_on", "补正告知日期", Kind.DATE),
    SUPPLEMENT_RECEIVED_ON("supplement_received_on", "补正收到日期", Kind.DATE),
    EXTENDED_ON("extended_on", "延期告知日期", Kind.DATE),
    CONSULTATION_STARTED_ON("consultation_started_on", "征求意见日期", Kind.DATE),
    CONSULTATION_ENDED_ON("consultation_ended_on", "征求意见答复日期", Kind.DATE),
    FEE_NOTICE_ON("fee_notice_on", "收费通知日期", Kind.DATE),
    FEE_PAID_ON("fee_paid_on", "缴费日期", Kind.DATE),
    OUTCOME("outcome", "办理结果", Kind.OUTCOME),
    CLOSED_ON("closed_on", "办结日期", Kind.DATE),
    RECONSIDERATION_FILED_ON("reconsideration_filed_on", "行政复议申请日期", Kind.DATE),
    RECONSIDERATION_RESULT("reconsideration_result", "行政复议结果", Kind.APPEAL_RESULT),
    RECONSIDERATION_DECIDED_ON("reconsideration_decided_on", "行政复议决定日期", Kind.DATE),
    LAWSUIT_FILED_ON("lawsuit_filed_on", "行政诉讼起诉日期", Kind.DATE),
    LAWSUIT_KIND("lawsuit_kind", "起诉方式", Kind.LAWSUIT_KIND),
    LAWSUIT_RESULT("lawsuit_result", "行政诉讼结果", Kind.APPEAL_RESULT),
    LAWSUIT_DECIDED_ON("lawsuit_decided_on", "行政诉讼判决日期", Kind.DATE),

    // ---- optional extras, beyond the documented columns
    DESCRIPTION("description", "申请内容", Kind.TEXT),
    SUPPLEMENT_DUE_ON("supplement_due_on", "补正期限", Kind.DATE),
    EXTENSION_DAYS("extension_days", "延长工作日数", Kind.WORKING_DAYS),
    CONSULTATION_PARTY("consultation_party", "征求意见对象", Kind.PARTY),
    FEE_AMOUNT("fee_amount", "收费金额", Kind.AMOUNT),
    FEE_METHOD("fee_method", "收费方式", Kind.FEE_METHOD),
    SERVED_ON("served_on", "送达日期", Kind.DATE),
    OUTCOME_NOTE("outcome_note", "结果说明", Kind.TEXT),
    /** Export only (ADR 20): how many notices were issued and files kept; an import reads past them. */
    NOTICES("notices", "文书数", Kind.COUNT),
    ATTACHMENTS("attachments", "附件数", Kind.COUNT);

    /** What a cell of the column holds, which decides how it is read and written. */
    public enum Kind { TEXT, DATE, CATEGORY, CHANNEL, OUTCOME, APPEAL_RESULT, LAWSUIT_KIND, WORKING_DAYS, PARTY, AMOUNT,
        FEE_METHOD, COUNT }

    private final String key;
    private final String chineseName;
    private final Kind kind;

    LedgerColumn(String key, String chineseName, Kind kind) {
        this.key = key;
        this.chineseName = chineseName;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public String chineseName() {
        return chineseName;
    }

    public Kind kind() {
        return kind;
    }

    /** The columns without which a row is not a request at all. */
    public boolean required() {
        return this == CASE_NO || this == APPLICANT_CATEGORY || this == RECEIVED_ON;
    }

    /**
     * The column a header cell names, by key or Chinese name. Spreadsheets add spaces, full-width letters, a required
     * mark (*) or a unit in brackets; none of that changes which column is meant.
     */
    public static Optional<LedgerColumn> fromHeader(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = headerForm(text);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(c -> c.key.equals(wanted) || headerForm(c.chineseName).equals(wanted))
                .findFirst();
    }

    /** A header as compared: what {@link #fromHeader} ignores taken away. */
    static String headerForm(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace("\uFEFF", "")
                .replaceAll("[\\s\\p{Z}*]", "")
                .replaceAll("\\(.*\\)$", "")
                .toLowerCase(Locale.ROOT);
    }
}
