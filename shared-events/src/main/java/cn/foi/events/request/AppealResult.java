package cn.foi.events.request;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/** The result of a reconsideration or a lawsuit, as Table 四 counts it. Pending cases have no result yet. */
public enum AppealResult {
    UPHELD("结果维持", "维持"),
    CORRECTED("结果纠正", "纠正"),
    OTHER("其他结果", "其他");

    private final String label;
    private final String shortLabel;

    AppealResult(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    /**
     * The form ledgers and clerks write (维持 / 纠正 / 其他). Held rather than derived from the label: Table 四 says
     * “其他结果”, not “结果其他”, so no rule on the label gives all three.
     */
    public String shortLabel() {
        return shortLabel;
    }

    /** Accepts the key, the label, or the short form 维持 / 纠正 / 其他 that ledgers use; full-width forms too. */
    public static Optional<AppealResult> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Optional<AppealResult> exact = Labels.find(values(), wanted, AppealResult::label);
        if (exact.isPresent()) {
            return exact;
        }
        return Arrays.stream(values()).filter(r -> r.shortLabel.equals(wanted)).findFirst();
    }
}
