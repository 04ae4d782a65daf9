package cn.foi.events.request;

/** How a consultation ended: a reply, or the 15 working days passed without one (for another agency, consent). */
public enum ConsultationEnding {
    REPLIED("已答复"),
    LAPSED("逾期未答复");

    private final String label;

    ConsultationEnding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
