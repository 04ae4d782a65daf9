package cn.foi.query.deadline;

/** Where an open request stands against its answer date, as the deadline board groups it. */
public enum DeadlineState {
    NORMAL("正常"),
    DUE_SOON("即将到期"),
    OVERDUE("已逾期"),
    PAUSED("已暂停");

    private final String label;

    DeadlineState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
