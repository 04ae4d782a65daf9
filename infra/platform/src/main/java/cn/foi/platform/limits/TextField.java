package cn.foi.platform.limits;

import java.util.List;
import java.util.Optional;

/**
 * Every text a user can put into an event, with the limits the command side enforces and the read side's columns are
 * sized for. This is the one list of those limits: the command side refuses what breaks them, and a query-side test
 * checks each named column against them, so that neither a catalogue change nor a migration can drift apart unnoticed.
 * A value the command side accepted once is stored for ever and must always fit where the projections put it.
 *
 * <p>Lengths count characters (code points), as PostgreSQL's {@code varchar(n)} does. Free text may hold tabs and line
 * breaks; single-line fields (names, numbers, codes) may not. No text may hold any other control character: PostgreSQL
 * refuses U+0000 in {@code text} and {@code jsonb} outright, and the others garble ledgers and documents.
 */
public enum TextField {

    CASE_NO("caseNo", "受理编号", 100, true, "request_summary.case_no"),
    APPLICANT_NAME("applicant.name", "申请人姓名或名称", 200, true, "request_summary.applicant_name"),
    APPLICANT_ID_TYPE("applicant.idType", "证件类型", 50, true, "request_summary.applicant_id_type"),
    APPLICANT_ID_NUMBER("applicant.idNumber", "证件号码", 100, true, "request_summary.applicant_id_number"),
    APPLICANT_CONTACT("applicant.contact", "联系方式", 200, true, "request_summary.applicant_contact"),
    DESCRIPTION("description", "申请内容", 5_000, false, "request_summary.description"),
    REGISTRATION_CORRECTION_REASON("reason", "更正原因", 2_000, false, "request_timeline.detail"),
    SUPPLEMENT_ITEMS("items", "需要补正的事项", 2_000, false, "request_timeline.detail"),
    EXTENSION_REASON("reason", "延期理由", 2_000, false, "request_timeline.detail"),
    CONSULTATION_ADDRESSEE("addressee", "被征求意见的单位或个人", 200, true, "request_timeline.detail"),
    CONSULTATION_OPINION("opinion", "征求意见的答复", 2_000, false, "request_timeline.detail"),
    LATER_ANSWER_REASON("reason", "延后答复的理由", 2_000, false, "request_timeline.detail"),
    DECISION_NOTE("note", "答复说明", 2_000, false, "request_summary.outcome_note", "request_timeline.detail"),
    DECISION_CORRECTION_REASON("reason", "更正原因", 2_000, false, "request_timeline.detail"),
    WITHDRAWAL_NOTE("note", "撤回说明", 2_000, false, "request_summary.outcome_note", "request_timeline.detail"),
    NOTICE_VOID_REASON("reason", "作废理由", 2_000, false, "request_timeline.detail"),
    SERVICE_RECIPIENT("recipient", "受送达人", 200, true, "request_timeline.detail"),
    SERVICE_CORRECTION_REASON("reason", "更正理由", 2_000, false, "request_timeline.detail"),
    LINK_REASON("reason", "关联原因", 2_000, false, "request_timeline.detail"),
    FEE_REDUCTION_REASON("reductionReason", "减免理由", 2_000, false, "report_fee.reduction_reason",
            "request_timeline.detail"),

    AGENCY_CODE("code", "机关编码", 64, true, "agency.code", "agency.parent_code", "user_account.agency_code",
            "request_summary.agency_code", "calendar_day.scope", "report_entry.agency_code",
            "report_publication.agency_code"),
    AGENCY_NAME("name", "机关名称", 200, true, "agency.name"),
    USERNAME("username", "用户名", 64, true, "user_account.username", "request_timeline.recorded_by",
            "report_publication.published_by", "calendar_declaration.declared_by", "request_summary.handler",
            "reminder_read.username", "reminder_digest_sent.username"),
    // RFC 5321 limits an address to 254 characters.
    EMAIL("email", "电子邮箱", 254, true, "user_account.email"),
    // requestId:KIND:yyyy-MM-dd, made by the system and sent back by the web UI: a request id (64) and a kind (32).
    REMINDER_KEY("keys", "提醒标识", 120, true, "reminder_read.reminder_key"),

    CALENDAR_SOURCE("source", "通知文号", 200, true, "request_timeline.detail", "calendar_declaration.source"),
    CALENDAR_CHANGE_REASON("reason", "更改原因", 200, true, "request_timeline.detail", "calendar_declaration.reason"),
    REGIONAL_DAYS_REASON("reason", "地方假日的依据", 500, false, "request_timeline.detail"),

    REPORT_OVERVIEW("overview", "“一、总体情况”", 20_000, false, "report_entry.overview"),
    REPORT_PROBLEMS("problems", "“五、存在的主要问题及改进情况”", 20_000, false, "report_entry.problems"),
    REPORT_OTHER_MATTERS("otherMatters", "“六、其他需要报告的事项”", 20_000, false, "report_entry.other_matters"),
    TABLE4_RULE("report.table4Rule", "表四的统计口径", 200, false, "report_publication.report"),
    REPUBLICATION_REASON("reason", "更正原因", 2_000, false, "report_publication.reason"),

    PARKED_EVENT_SKIP_REASON("reason", "跳过的原因", 1_000, false, "dead_letter_audit.reason");

    private final String field;
    private final String label;
    private final int maxLength;
    private final boolean singleLine;
    private final List<String> columns;

    TextField(String field, String label, int maxLength, boolean singleLine, String... columns) {
        this.field = field;
        this.label = label;
        this.maxLength = maxLength;
        this.singleLine = singleLine;
        this.columns = List.of(columns);
    }

    /** The field as the API names it, for the problem response's {@code field}. */
    public String field() {
        return field;
    }

    /** What a clerk calls it. */
    public String label() {
        return label;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean singleLine() {
        return singleLine;
    }

    /** The read side's columns ({@code table.column}) that hold this text as it was entered. */
    public List<String> columns() {
        return columns;
    }

    /** Why a text cannot be stored: a stable key for programs, and the clerk's words. */
    public record Fault(String rule, String message) {
    }

    /**
     * Why the text cannot be stored, or empty when it can (null and empty texts can: whether a field is required is the
     * command's rule, not the catalogue's). Checks the text as it will be stored.
     */
    public Optional<Fault> fault(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            length++;
            if (singleLine && isLineBreakOrTab(c)) {
                return Optional.of(new Fault("TEXT_NOT_ONE_LINE", named() + "须为一行，不能含换行符或制表符"));
            }
            if (!allowedInFreeText(c)) {
                return Optional.of(new Fault("TEXT_CONTROL_CHARACTER", named() + "含有不能保存的控制字符（"
                        + String.format("U+%04X", c) + "），请删除后重新填写"));
            }
        }
        if (length > maxLength) {
            return Optional.of(new Fault("TEXT_TOO_LONG", named() + "最多 " + maxLength + " 个字符，现为 " + length + " 个"));
        }
        return Optional.empty();
    }

    private String named() {
        return "字段 " + field + "（" + label + "）";
    }

    private static boolean isLineBreakOrTab(int c) {
        return c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    /**
     * Tabs and line breaks, and no other control character; no lone surrogate (it cannot be encoded in UTF-8) and no
     * U+FFFE or U+FFFF (not characters at all).
     */
    private static boolean allowedInFreeText(int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.SURROGATE && c != 0xFFFE && c != 0xFFFF;
    }
}
