package cn.foi.events.request;

/** Why a request's statutory answer date changed. Every change is recorded, so a due date can always be explained. */
public enum DueDateReason {
    RECEIVED("收到申请，起算答复期限"),
    SUPPLEMENT_RECEIVED("收到补正申请，答复期限重新起算"),
    EXTENDED("延长答复期限"),
    LATER_DATE_SET("依条例第三十五条确定合理的答复期限"),
    REGISTRATION_CORRECTED("更正登记信息"),
    CLOCK_PAUSED("答复期限暂停计算"),
    CLOCK_RESUMED("答复期限恢复计算"),
    CALENDAR_CHANGED("工作日历调整");

    private final String label;

    DueDateReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
