package cn.foi.command.request;

/** The deadlines of a request that the system watches for the clerk. */
public enum DeadlineKind {
    /** The answer period (条例 33): passing it open makes the request overdue. */
    ANSWER,
    /** The 补正 deadline (条例 30): passing it without a supplement lets the clerk close the request as abandoned. */
    SUPPLEMENT,
    /** The twenty working days to pay a fee: passing them unpaid lets the clerk close the request as abandoned. */
    FEE
}
