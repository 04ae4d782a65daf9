package cn.foi.events.request;

import java.util.Optional;

/** Who is consulted before disclosure (条例 32, 34). Either way the answer clock pauses. */
public enum ConsultedParty {
    THIRD_PARTY("第三方"),
    OTHER_AGENCY("其他机关");

    private final String label;

    ConsultedParty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ConsultedParty> fromText(String text) {
        return Labels.find(values(), text, ConsultedParty::label);
    }
}
