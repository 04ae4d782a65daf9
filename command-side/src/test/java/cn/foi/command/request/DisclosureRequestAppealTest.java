package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.DecideLawsuit;
import cn.foi.command.request.RequestCommands.DecideReconsideration;
import cn.foi.command.request.RequestCommands.FileLawsuit;
import cn.foi.command.request.RequestCommands.FileReconsideration;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * 行政复议 and 行政诉讼 against the answer (条例 51).
 */
class DisclosureRequestAppealTest extends DisclosureRequestFixture {

    private final LocalDate reconsiderationFiled = LocalDate.of(2026, 6, 10);
    private final LocalDate reconsiderationDecided = LocalDate.of(2026, 6, 20);

    @Test
    void filingAReconsiderationOfTheAnswer() {
        givenReceived(decided())
                .when(new FileReconsideration(ID, reconsiderationFiled))
                .expectEvents(new ReconsiderationFiled(ID, 1, reconsiderationFiled))
                .expectResultMessagePayload(1);
    }

    @Test
    void aSecondReconsiderationGetsTheNextNumber() {
        LocalDate again = LocalDate.of(2026, 6, 22);
        givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.OTHER))
                .when(new FileReconsideration(ID, again))
                .expectEvents(new ReconsiderationFiled(ID, 2, again))
                .expectResultMessagePayload(2);
    }

    @Test
    void decidingAReconsideration() {
        givenReceived(decided(), reconsiderationFiled())
                .when(new DecideReconsideration(ID, 1, AppealResult.CORRECTED, reconsiderationDecided))
                .expectEvents(new ReconsiderationDecided(ID, 1, AppealResult.CORRECTED, reconsiderationDecided));
    }

    @Test
    void suingDirectlyAfterTheAnswer() {
        givenReceived(decided())
                .when(new FileLawsuit(ID, reconsiderationFiled, false))
                .expectEvents(new LawsuitFiled(ID, 1, reconsiderationFiled, false, 0))
                .expectResultMessagePayload(1);
    }

    @Test
    void suingAfterTheReconsiderationRefersToItsDecision() {
        LocalDate sued = LocalDate.of(2026, 6, 25);
        givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.UPHELD))
                .when(new FileLawsuit(ID, sued, true))
                .expectEvents(new LawsuitFiled(ID, 1, sued, true, 1));
    }

    @Test
    void decidingALawsuit() {
        LocalDate judged = LocalDate.of(2026, 6, 29);
        givenReceived(decided(), new LawsuitFiled(ID, 1, reconsiderationFiled, false, 0))
                .when(new DecideLawsuit(ID, 1, AppealResult.UPHELD, judged))
                .expectEvents(new LawsuitDecided(ID, 1, AppealResult.UPHELD, judged));
    }

    @Test
    void cannotFileAReconsiderationBeforeTheAnswer() {
        expectRefusal(givenReceived().when(new FileReconsideration(ID, reconsiderationFiled)),
                Kind.CONFLICT, "NOT_ANSWERED", "该申请尚未答复，答复之后才能登记行政复议");
    }

    @Test
    void cannotFileAReconsiderationDatedBeforeTheAnswer() {
        expectRefusal(givenReceived(decided()).when(new FileReconsideration(ID, LocalDate.of(2026, 5, 29))),
                Kind.INVALID, "DATE_BEFORE_FILEDON", "行政复议申请日期（2026-05-29）不能早于答复日期（2026-06-01）");
    }

    @Test
    void cannotDecideAnUnknownReconsideration() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled())
                        .when(new DecideReconsideration(ID, 2, AppealResult.UPHELD, reconsiderationDecided)),
                Kind.NOT_FOUND, "APPEAL_UNKNOWN", "该申请没有第 2 件行政复议");
    }

    @Test
    void cannotDecideAReconsiderationTwice() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.UPHELD))
                        .when(new DecideReconsideration(ID, 1, AppealResult.CORRECTED, LocalDate.of(2026, 6, 25))),
                Kind.CONFLICT, "APPEAL_ALREADY_DECIDED", "第 1 件行政复议已于 2026-06-20 作出决定（结果维持）");
    }

    @Test
    void cannotDecideAReconsiderationWithoutItsResult() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled())
                        .when(new DecideReconsideration(ID, 1, null, reconsiderationDecided)),
                Kind.INVALID, "RESULT_REQUIRED", "请选择结果：UPHELD（维持）、CORRECTED（纠正）或 OTHER（其他）");
    }

    @Test
    void cannotDecideAReconsiderationBeforeItWasFiled() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled())
                        .when(new DecideReconsideration(ID, 1, AppealResult.UPHELD, LocalDate.of(2026, 6, 9))),
                Kind.INVALID, "DATE_BEFORE_DECIDEDON", "行政复议决定日期（2026-06-09）不能早于行政复议申请日期（2026-06-10）");
    }

    @Test
    void cannotSueBeforeTheAnswer() {
        expectRefusal(givenReceived().when(new FileLawsuit(ID, reconsiderationFiled, false)),
                Kind.CONFLICT, "NOT_ANSWERED", "该申请尚未答复，答复之后才能登记行政诉讼");
    }

    @Test
    void cannotSueAfterAReconsiderationThatIsStillPending() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled())
                        .when(new FileLawsuit(ID, LocalDate.of(2026, 6, 25), true)),
                Kind.CONFLICT, "NO_DECIDED_RECONSIDERATION", "复议后起诉须在行政复议作出决定之后；该申请没有已决定的行政复议");
    }

    @Test
    void cannotSueAfterAReconsiderationBeforeItsDecision() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.UPHELD))
                        .when(new FileLawsuit(ID, LocalDate.of(2026, 6, 15), true)),
                Kind.INVALID, "DATE_BEFORE_FILEDON", "起诉日期（2026-06-15）不能早于行政复议决定日期（2026-06-20）");
    }

    @Test
    void cannotDecideAnUnknownLawsuit() {
        expectRefusal(givenReceived(decided())
                        .when(new DecideLawsuit(ID, 1, AppealResult.UPHELD, LocalDate.of(2026, 6, 29))),
                Kind.NOT_FOUND, "APPEAL_UNKNOWN", "该申请没有第 1 件行政诉讼");
    }

    /** Each appeal keeps its own decision (ADR 0032): a decision reaches the appeal whose number it carries, no other. */
    @Test
    void aDecisionIsKeptByTheAppealItNamesOnly() {
        LocalDate again = LocalDate.of(2026, 6, 12);
        LocalDate sued = LocalDate.of(2026, 6, 22);
        givenReceived(decided(), reconsiderationFiled(), new ReconsiderationFiled(ID, 2, again),
                new ReconsiderationDecided(ID, 2, AppealResult.UPHELD, reconsiderationDecided),
                new LawsuitFiled(ID, 1, sued, true, 2))
                .when(new DecideReconsideration(ID, 1, AppealResult.CORRECTED, reconsiderationDecided))
                .expectEvents(new ReconsiderationDecided(ID, 1, AppealResult.CORRECTED, reconsiderationDecided));
    }

    /**
     * Reconsiderations and lawsuits are numbered each among their own kind and are one kind of entity (ADR 0032): the
     * decision of reconsideration 1 is not the judgment of lawsuit 1, nor the other way round.
     */
    @Test
    void aReconsiderationsDecisionIsNotTheJudgmentOfTheLawsuitOfTheSameNumber() {
        LocalDate sued = LocalDate.of(2026, 6, 11);
        LocalDate judged = LocalDate.of(2026, 6, 29);
        givenReceived(decided(), reconsiderationFiled(), new LawsuitFiled(ID, 1, sued, false, 0),
                reconsiderationDecided(AppealResult.UPHELD))
                .when(new DecideLawsuit(ID, 1, AppealResult.CORRECTED, judged))
                .expectEvents(new LawsuitDecided(ID, 1, AppealResult.CORRECTED, judged));
    }

    @Test
    void aLawsuitsJudgmentIsNotTheDecisionOfTheReconsiderationOfTheSameNumber() {
        LocalDate sued = LocalDate.of(2026, 6, 11);
        givenReceived(decided(), reconsiderationFiled(), new LawsuitFiled(ID, 1, sued, false, 0),
                new LawsuitDecided(ID, 1, AppealResult.UPHELD, LocalDate.of(2026, 6, 15)))
                .when(new DecideReconsideration(ID, 1, AppealResult.CORRECTED, reconsiderationDecided))
                .expectEvents(new ReconsiderationDecided(ID, 1, AppealResult.CORRECTED, reconsiderationDecided));
    }

    @Test
    void cannotDecideALawsuitBeforeItWasFiled() {
        expectRefusal(givenReceived(decided(), new LawsuitFiled(ID, 1, LocalDate.of(2026, 6, 11), false, 0))
                        .when(new DecideLawsuit(ID, 1, AppealResult.UPHELD, LocalDate.of(2026, 6, 10))),
                Kind.INVALID, "DATE_BEFORE_DECIDEDON", "判决日期（2026-06-10）不能早于起诉日期（2026-06-11）");
    }

    @Test
    void theAppealANumberNamesIsTheOneRefusedWhenDecidedAlready() {
        LocalDate again = LocalDate.of(2026, 6, 12);
        expectRefusal(givenReceived(decided(), reconsiderationFiled(), new ReconsiderationFiled(ID, 2, again),
                        new ReconsiderationDecided(ID, 2, AppealResult.UPHELD, reconsiderationDecided))
                        .when(new DecideReconsideration(ID, 2, AppealResult.CORRECTED, LocalDate.of(2026, 6, 25))),
                Kind.CONFLICT, "APPEAL_ALREADY_DECIDED", "第 2 件行政复议已于 2026-06-20 作出决定（结果维持）");
    }

    @Test
    void cannotDecideALawsuitTwice() {
        expectRefusal(givenReceived(decided(), new LawsuitFiled(ID, 1, reconsiderationFiled, false, 0),
                        new LawsuitDecided(ID, 1, AppealResult.OTHER, LocalDate.of(2026, 6, 26)))
                        .when(new DecideLawsuit(ID, 1, AppealResult.UPHELD, LocalDate.of(2026, 6, 29))),
                Kind.CONFLICT, "APPEAL_ALREADY_DECIDED", "第 1 件行政诉讼已于 2026-06-26 作出决定（其他结果）");
    }

    private ReconsiderationFiled reconsiderationFiled() {
        return new ReconsiderationFiled(ID, 1, reconsiderationFiled);
    }

    private ReconsiderationDecided reconsiderationDecided(AppealResult result) {
        return new ReconsiderationDecided(ID, 1, result, reconsiderationDecided);
    }
}
