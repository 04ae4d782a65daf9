package cn.foi.query.request;

/** Why the answer clock of an open request stands still. */
public enum PauseReason {
    SUPPLEMENT("待补正"),
    CONSULTATION("征求意见中"),
    FEE("待缴费");

    private final String label;

    PauseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The reason, or null while the clock runs. With several at once the first in the order of the request's status
     * wins (补正, then consultation, then fee), so the board and the request's status tell the same story.
     */
    public static PauseReason of(boolean supplementOpen, int openConsultations, boolean feeOpen) {
        if (supplementOpen) {
            return SUPPLEMENT;
        }
        if (openConsultations > 0) {
            return CONSULTATION;
        }
        return feeOpen ? FEE : null;
    }
}
