package cn.foi.events.request;

import java.util.Optional;

/**
 * The written notices the law has an agency send while it handles a request, each with its own number series.
 * {@code SERVICE} (送达回证) accompanies another notice of the request and names it.
 */
public enum NoticeKind {
    /** The acknowledgement of receipt, any time after registration. */
    RECEIPT("申请接收回执", "收"),
    /** 条例 30: the request to complete the application, with the items and the deadline. */
    SUPPLEMENT("补正告知书", "补"),
    /** 条例 33: the answer period extended, with the new due date. */
    EXTENSION("延期答复告知书", "延"),
    /** 条例 32, 34: the letter asking a third party or another agency for its opinion. */
    CONSULTATION("征求意见函", "征"),
    /** 条例 42 and 国办函〔2020〕109号: the fee notice, with the amount and the 20 working days to pay. */
    FEE("收费通知书", "费"),
    /** 条例 36–39: the answer, one text per outcome of Table 三. */
    ANSWER("政府信息公开申请答复书", ""),
    /** The proof of service that goes with another notice: the recipient signs it and it comes back to the file. */
    SERVICE("送达回证", "送");

    private final String title;
    private final String seriesMark;

    NoticeKind(String title, String seriesMark) {
        this.title = title;
        this.seriesMark = seriesMark;
    }

    /** The document's title, as printed and as named in the timeline (《补正告知书》). */
    public String title() {
        return title;
    }

    /**
     * The character that tells the series apart in the default number pattern (依申公补〔2025〕3号); the answer keeps the
     * plain 依申公 series, the one offices already use for their answers.
     */
    public String seriesMark() {
        return seriesMark;
    }

    public static Optional<NoticeKind> fromText(String text) {
        return Labels.find(values(), text, NoticeKind::title);
    }

    public static String allowedValues() {
        return Labels.describe(values(), k -> k.name() + "（" + k.title() + "）");
    }
}
