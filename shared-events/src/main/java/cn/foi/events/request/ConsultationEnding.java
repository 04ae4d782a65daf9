package cn.foi.events.request;

/**
 * How a consultation ended: a reply, or the 15 working days passed without one (for another agency, consent). A reply
 * that came after the 15 working days is kept as such: it does not lengthen the time the answer clock stood still.
 */
public enum ConsultationEnding {
    REPLIED("已答复"),
    LAPSED("逾期未答复"),
    REPLIED_LATE("逾期后答复");

    private final String label;

    ConsultationEnding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
