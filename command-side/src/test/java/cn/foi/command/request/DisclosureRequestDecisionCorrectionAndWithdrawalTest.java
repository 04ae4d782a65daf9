package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.CorrectDecision;
import cn.foi.command.request.RequestCommands.WithdrawRequest;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.Outcome;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Correcting the answer, and the applicant withdrawing the request.
 */
class DisclosureRequestDecisionCorrectionAndWithdrawalTest extends DisclosureRequestFixture {

    @Test
    void correctingADecisionRecordsTheRightOutcomeWithItsReason() {
        givenReceived(decided())
                .when(new CorrectDecision(ID, Outcome.R3_2, DECIDED, SERVED, null, "误录为予以公开，实为部分公开"))
                .expectEvents(new DecisionCorrected(ID, Outcome.R3_2, DECIDED, SERVED, "", "误录为予以公开，实为部分公开"));
    }

    @Test
    void correctingADecisionCanChangeItsDate() {
        LocalDate actual = LocalDate.of(2026, 5, 29);
        givenReceived(decided())
                .when(new CorrectDecision(ID, Outcome.R3_1, actual, SERVED, null, "答复日期录入错误"))
                .expectEvents(new DecisionCorrected(ID, Outcome.R3_1, actual, SERVED, "", "答复日期录入错误"));
    }

    @Test
    void cannotCorrectADecisionBeforeAnyDecision() {
        expectRefusal(givenReceived()
                        .when(new CorrectDecision(ID, Outcome.R3_2, DECIDED, SERVED, null, "录入错误")),
                Kind.CONFLICT, "NOT_DECIDED", "该申请尚未办结，没有可更正的答复");
    }

    @Test
    void cannotCorrectADecisionWithoutAReason() {
        expectRefusal(givenReceived(decided())
                        .when(new CorrectDecision(ID, Outcome.R3_2, DECIDED, SERVED, null, null)),
                Kind.INVALID, "TEXT_REQUIRED", "更正答复须写明更正原因");
    }

    @Test
    void aCorrectedDecisionFollowsTheOutcomesRules() {
        expectRefusal(givenReceived(decided())
                        .when(new CorrectDecision(ID, Outcome.R3_6_1, DECIDED, SERVED, null, "录入错误")),
                Kind.CONFLICT, "OUTCOME_NEEDS_OPEN_SUPPLEMENT", "逾期不补正");
    }

    @Test
    void aDecisionCorrectedToNotSupplementedMustBeDatedAfterTheSupplementDeadline() {
        expectRefusal(givenReceived(supplementRequested(), decided())
                        .when(new CorrectDecision(ID, Outcome.R3_6_1, SUPPLEMENT_DUE, SERVED, null, "结果录入错误")),
                Kind.CONFLICT, "SUPPLEMENT_DEADLINE_NOT_PASSED", "补正期限为 2026-05-29，答复日期（2026-05-29）尚在期限之内");
    }

    @Test
    void aDecisionCorrectedToUnpaidMustBeDatedAfterThePaymentDeadline() {
        expectRefusal(givenReceived(feeNotice(), decided())
                        .when(new CorrectDecision(ID, Outcome.R3_6_2, DECIDED, SERVED, null, "结果录入错误")),
                Kind.CONFLICT, "PAYMENT_DEADLINE_NOT_PASSED", "缴费期限为 2026-06-17（");
    }

    @Test
    void withdrawingARequestClosesIt() {
        givenReceived()
                .when(new WithdrawRequest(ID, LocalDate.of(2026, 5, 20), "申请人书面申请撤回"))
                .expectEvents(withdrawn());
    }

    @Test
    void cannotWithdrawAnAnsweredRequest() {
        expectRefusal(givenReceived(decided()).when(new WithdrawRequest(ID, SERVED, "")),
                Kind.CONFLICT, "ALREADY_ANSWERED", "该申请已于 2026-06-01 办结（予以公开），办结后不能再撤回");
    }

    @Test
    void cannotWithdrawTwice() {
        expectRefusal(givenReceived(withdrawn()).when(new WithdrawRequest(ID, LocalDate.of(2026, 5, 21), "")),
                Kind.CONFLICT, "ALREADY_ANSWERED", "办结后不能再撤回");
    }
}
