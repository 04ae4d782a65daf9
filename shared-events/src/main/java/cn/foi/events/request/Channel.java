package cn.foi.events.request;

import java.util.Optional;

/**
 * How a request arrived. The channel decides which date is the receipt date (条例 31): the day it is handed in, the day a
 * signed-for letter is signed for, or, for ordinary letters, online forms and faxes, the day the office confirms it.
 */
public enum Channel {
    IN_PERSON("当面"),
    REGISTERED_MAIL("邮寄"),
    ORDINARY_MAIL("平信"),
    ONLINE("网络"),
    FAX("传真");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the receipt date is the day of confirmation rather than the day of submission. */
    public boolean receiptNeedsConfirmation() {
        return this == ORDINARY_MAIL || this == ONLINE || this == FAX;
    }

    public static Optional<Channel> fromText(String text) {
        return Labels.find(values(), text, Channel::label);
    }

    public static String allowedValues() {
        return Labels.describe(values(), Channel::label);
    }
}
