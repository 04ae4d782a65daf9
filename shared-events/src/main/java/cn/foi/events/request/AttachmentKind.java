package cn.foi.events.request;

import java.util.Optional;

/**
 * What a file kept with a request is: the papers an office used to keep in the case folder. The kind only sorts the
 * files for the clerk; no rule and no report counts by it.
 */
public enum AttachmentKind {
    /** The application as the applicant handed it in (a scan of the paper form or letter). */
    APPLICATION_SCAN("申请书扫描件"),
    /** 条例 29: the applicant's identity proof (身份证明) or the organisation's licence. */
    IDENTITY_PROOF("身份证明"),
    /** The signed 送达回证 coming back from the applicant or the post. */
    SERVICE_RECEIPT("送达回证"),
    /** The answer as it was served, signed and sealed. */
    ANSWER_AS_SERVED("答复书（已送达）"),
    /** The government information provided to the applicant. */
    INFORMATION_PROVIDED("提供的政府信息"),
    OTHER("其他");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AttachmentKind> fromText(String text) {
        return Labels.find(values(), text, AttachmentKind::label);
    }

    public static String allowedValues() {
        return Labels.describe(values(), k -> k.name() + "（" + k.label() + "）");
    }
}
