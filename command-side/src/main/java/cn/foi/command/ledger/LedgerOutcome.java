package cn.foi.command.ledger;

import cn.foi.events.request.Outcome;

/**
 * The outcome a ledger gives a request. 撤回 is R3_6_3 reached by the applicant's withdrawal, which the request records
 * as a withdrawal rather than as a decision; an export writes it back as 撤回.
 */
public record LedgerOutcome(Outcome outcome, boolean withdrawal) {

    public static final String WITHDRAWAL = "撤回";

    public String text() {
        return withdrawal ? WITHDRAWAL : outcome.label();
    }
}
