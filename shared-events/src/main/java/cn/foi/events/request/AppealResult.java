package cn.foi.events.request;

import java.util.Optional;

/** The result of a reconsideration or a lawsuit, as Table 四 counts it. Pending cases have no result yet. */
public enum AppealResult {
    UPHELD("结果维持"),
    CORRECTED("结果纠正"),
    OTHER("其他结果");

    private final String label;

    AppealResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the key, the label, or the short form 维持 / 纠正 / 其他 that ledgers use. */
    public static Optional<AppealResult> fromText(String text) {
        Optional<AppealResult> exact = Labels.find(values(), text, AppealResult::label);
        if (exact.isPresent() || text == null) {
            return exact;
        }
        return Labels.find(values(), "结果" + text.strip(), AppealResult::label);
    }
}
