package cn.foi.events.request;

import java.util.Optional;

/** How an information processing fee is charged (国办函〔2020〕109号): by count or by volume, never both. */
public enum FeeMethod {
    PER_REQUEST("按件"),
    PER_PAGE("按量");

    private final String label;

    FeeMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FeeMethod> fromText(String text) {
        return Labels.find(values(), text, FeeMethod::label);
    }
}
