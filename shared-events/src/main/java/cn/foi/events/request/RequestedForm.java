package cn.foi.events.request;

import java.util.Optional;

/** The form in which the applicant wants the information (条例 29). */
public enum RequestedForm {
    PAPER("纸质"),
    ELECTRONIC("电子"),
    INSPECTION("查阅"),
    UNSPECIFIED("未指定");

    private final String label;

    RequestedForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RequestedForm> fromText(String text) {
        return Labels.find(values(), text, RequestedForm::label);
    }

    public static String allowedValues() {
        return Labels.describe(values(), RequestedForm::label);
    }
}
