package cn.foi.events.request;

/** The two ways an applicant contests an answer (条例 51): a reconsideration or a lawsuit. */
public enum AppealKind {
    RECONSIDERATION("行政复议"),
    LAWSUIT("行政诉讼");

    private final String label;

    AppealKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
