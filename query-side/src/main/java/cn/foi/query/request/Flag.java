package cn.foi.query.request;

/**
 * Something irregular the system noticed in a request's history and shows without refusing it: the law sets a limit
 * the office cannot enforce (an applicant's appeal out of time is for the reconsideration body or the court to judge),
 * or a fee the clerk set apart from the standard. {@code code} is stable (the UI and the report annex key on it);
 * {@code message} says it in words.
 */
public record Flag(String code, String message) {

    /** Every flag code, with what the report annex calls it. */
    public enum Code {
        RECONSIDERATION_LATE("行政复议申请超过 60 日"),
        LAWSUIT_AFTER_RECONSIDERATION_LATE("复议后起诉超过 15 日"),
        LAWSUIT_LATE("直接起诉超过 6 个月"),
        LAWSUIT_WITHOUT_RECONSIDERATION("不予公开未经复议直接起诉"),
        APPEAL_AGAINST_WITHDRAWN("对已撤回的申请提起复议或诉讼"),
        FEE_DIFFERS_FROM_QUOTE("收费金额与计算金额不同"),
        FEE_AMOUNT_UNKNOWN("收费金额未记录");

        private final String label;

        Code(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Flag flag(String message) {
            return new Flag(name(), message);
        }
    }
}
