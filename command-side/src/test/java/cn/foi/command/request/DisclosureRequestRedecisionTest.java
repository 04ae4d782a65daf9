package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.RedecideRequest;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestRedecided;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * 重新答复: a new answer ordered by a reconsideration or a court that corrected the answer (条例 51).
 */
class DisclosureRequestRedecisionTest extends DisclosureRequestFixture {

    private final LocalDate appealFiled = LocalDate.of(2026, 6, 10);
    private final LocalDate appealDecided = LocalDate.of(2026, 6, 20);
    private final LocalDate answeredAnew = LocalDate.of(2026, 6, 25);
    private final LocalDate servedAnew = LocalDate.of(2026, 6, 26);

    @Test
    void aNewAnswerAfterACorrectedReconsiderationIsRecordedAndNothingElseMoves() {
        givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.CORRECTED))
                .when(new RedecideRequest(ID, Outcome.R3_2, answeredAnew, servedAnew, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RequestRedecided(ID, Outcome.R3_2, answeredAnew, servedAnew, "",
                        AppealKind.RECONSIDERATION, 1));
    }

    @Test
    void aNewAnswerAfterACorrectedLawsuitNamesTheLawsuit() {
        givenReceived(decided(), new LawsuitFiled(ID, 1, appealFiled, false, 0),
                new LawsuitDecided(ID, 1, AppealResult.CORRECTED, appealDecided))
                .when(new RedecideRequest(ID, Outcome.R3_3_4, answeredAnew, null, ""))
                .expectEvents(new RequestRedecided(ID, Outcome.R3_3_4, answeredAnew, null, "",
                        AppealKind.LAWSUIT, 1));
    }

    @Test
    void anotherCorrectedAppealOrdersAnotherNewAnswer() {
        LocalDate sued = LocalDate.of(2026, 6, 26);
        LocalDate judged = LocalDate.of(2026, 6, 29);
        givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.CORRECTED),
                redecided(), new LawsuitFiled(ID, 1, sued, true, 1),
                new LawsuitDecided(ID, 1, AppealResult.CORRECTED, judged))
                .when(new RedecideRequest(ID, Outcome.R3_1, judged, null, null))
                .expectEvents(new RequestRedecided(ID, Outcome.R3_1, judged, null, "", AppealKind.LAWSUIT, 1));
    }

    @Test
    void theRequestKeepsItsFirstClosingAfterANewAnswer() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED), redecided())
                        .when(new DecideRequest(ID, Outcome.R3_1, answeredAnew, null, null)),
                Kind.CONFLICT, "ALREADY_DECIDED", "该申请已于 2026-06-01 办结（" + Outcome.R3_1.fullLabel() + "）");
    }

    @Test
    void cannotAnswerAnewBeforeTheFirstAnswer() {
        expectRefusal(givenReceived().when(new RedecideRequest(ID, Outcome.R3_1, answeredAnew, null, null)),
                Kind.CONFLICT, "NOT_ANSWERED", "该申请尚未答复，答复之后才能登记重新答复");
    }

    @Test
    void cannotAnswerAnewWithoutACorrectedAppeal() {
        expectRefusal(givenReceived(decided())
                        .when(new RedecideRequest(ID, Outcome.R3_1, answeredAnew, null, null)),
                Kind.CONFLICT, "NO_CORRECTED_APPEAL", "只有行政复议或行政诉讼的结果为“纠正”之后才能重新答复");
    }

    @Test
    void cannotAnswerAnewWhileTheReconsiderationIsPending() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled())
                        .when(new RedecideRequest(ID, Outcome.R3_1, answeredAnew, null, null)),
                Kind.CONFLICT, "NO_CORRECTED_APPEAL", "该申请没有结果为纠正的行政复议或行政诉讼");
    }

    @Test
    void cannotAnswerAnewAfterAnUpheldReconsideration() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(), reconsiderationDecided(AppealResult.UPHELD))
                        .when(new RedecideRequest(ID, Outcome.R3_1, answeredAnew, null, null)),
                Kind.CONFLICT, "NO_CORRECTED_APPEAL", "如原答复登记有误，请使用“更正答复”");
    }

    @Test
    void cannotAnswerAnewTwiceForOneCorrectedAppeal() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED), redecided())
                        .when(new RedecideRequest(ID, Outcome.R3_1, LocalDate.of(2026, 6, 29), null, null)),
                Kind.CONFLICT, "ALREADY_REDECIDED",
                "结果为纠正的第 1 件行政复议已重新答复；再次重新答复须有另一件结果为纠正的行政复议或行政诉讼");
    }

    @Test
    void cannotAnswerAnewBeforeTheAppealWasDecided() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED))
                        .when(new RedecideRequest(ID, Outcome.R3_1, LocalDate.of(2026, 6, 19), null, null)),
                Kind.INVALID, "DATE_BEFORE_DECIDEDON",
                "重新答复日期（2026-06-19）不能早于第 1 件行政复议的决定日期（2026-06-20）");
    }

    @Test
    void cannotAnswerAnewOnADayThatHasNotCome() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED))
                        .when(new RedecideRequest(ID, Outcome.R3_1, LocalDate.of(2026, 7, 1), null, null)),
                Kind.INVALID, "DATE_IN_FUTURE", "答复日期（2026-07-01）晚于今天（2026-06-30）");
    }

    @Test
    void cannotServeTheNewAnswerBeforeItWasMade() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED))
                        .when(new RedecideRequest(ID, Outcome.R3_1, answeredAnew, LocalDate.of(2026, 6, 24),
                                null)),
                Kind.INVALID, "DATE_BEFORE_SERVEDON", "送达日期（2026-06-24）不能早于答复日期（2026-06-25）");
    }

    @Test
    void cannotAnswerAnewWithoutAnOutcome() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED))
                        .when(new RedecideRequest(ID, null, answeredAnew, null, null)),
                Kind.INVALID, "OUTCOME_REQUIRED", "请选择办理结果");
    }

    @Test
    void aNewAnswerOfOtherHandlingNamesItsReason() {
        expectRefusal(givenReceived(decided(), reconsiderationFiled(),
                        reconsiderationDecided(AppealResult.CORRECTED))
                        .when(new RedecideRequest(ID, Outcome.R3_6_3, answeredAnew, null, " ")),
                Kind.INVALID, "TEXT_REQUIRED", "选择“其他处理·其他”时须写明具体原因");
    }

    private ReconsiderationFiled reconsiderationFiled() {
        return new ReconsiderationFiled(ID, 1, appealFiled);
    }

    private ReconsiderationDecided reconsiderationDecided(AppealResult result) {
        return new ReconsiderationDecided(ID, 1, result, appealDecided);
    }

    private RequestRedecided redecided() {
        return new RequestRedecided(ID, Outcome.R3_2, answeredAnew, servedAnew, "", AppealKind.RECONSIDERATION, 1);
    }
}
