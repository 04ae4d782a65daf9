package cn.foi.events.agency;

/**
 * Which year a reconsideration or a lawsuit is counted in, in Table 四. No official rule says (domain §2.2): each agency
 * chooses, and the report states the rule it used.
 */
public enum AppealYearRule {
    /** Cases filed in the year, by their status at 31 December (the default). */
    FILED_IN_YEAR("本年度申请（起诉）的案件，按 12 月 31 日的状态统计"),
    /** Cases decided in the year, plus those pending at 31 December. */
    DECIDED_IN_YEAR("本年度作出决定（判决）的案件，加上 12 月 31 日尚未审结的案件");

    private final String label;

    AppealYearRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
