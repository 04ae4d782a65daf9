package cn.foi.events.request;

import java.util.Optional;

/** The applicant's category; it decides the column of Table 三 (C7 is the total, never a category). */
public enum ApplicantCategory {
    C1("自然人"),
    C2("商业企业"),
    C3("科研机构"),
    C4("社会公益组织"),
    C5("法律服务机构"),
    C6("其他");

    private final String label;

    ApplicantCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the key ({@code C1}) or the label ({@code 自然人}). */
    public static Optional<ApplicantCategory> fromText(String text) {
        return Labels.find(values(), text, ApplicantCategory::label);
    }

    public static String allowedValues() {
        return Labels.describe(values(), ApplicantCategory::label);
    }
}
