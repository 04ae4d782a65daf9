package cn.foi.events.request;

import java.util.Optional;

/**
 * How a notice reached its recipient (送达方式). The 条例 does not list them; offices follow the forms of service of the
 * 民事诉讼法 (第八十五条起) and of the 行政处罚法, of which these five are the ones a disclosure office uses.
 */
public enum ServiceMethod {
    /** Handed to the recipient, who signs the 送达回证. */
    DIRECT("直接送达"),
    /** Sent by post (EMS or registered letter); the postal receipt is the proof. */
    MAIL("邮寄送达"),
    /** Sent by e-mail or through the disclosure platform to an address the applicant gave. */
    ELECTRONIC("电子送达（电子邮件/平台）"),
    /** The recipient refused to sign: the document was left at the address before witnesses. */
    LEFT_AT_ADDRESS("留置送达"),
    /** The recipient could not be reached otherwise: the document was announced publicly. */
    PUBLIC_NOTICE("公告送达");

    private final String label;

    ServiceMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ServiceMethod> fromText(String text) {
        return Labels.find(values(), text, ServiceMethod::label);
    }

    public static String allowedValues() {
        return Labels.describe(values(), m -> m.name() + "（" + m.label() + "）");
    }
}
