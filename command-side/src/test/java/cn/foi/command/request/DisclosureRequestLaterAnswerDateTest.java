package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.SetLaterAnswerDate;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.LaterAnswerDateSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A later answer date for excessive requests (条例 35).
 */
class DisclosureRequestLaterAnswerDateTest extends DisclosureRequestFixture {

    @Test
    void aLaterAnswerDateReplacesTheComputedDueDate() {
        LocalDate setOn = LocalDate.of(2026, 5, 20);
        LocalDate answerBy = LocalDate.of(2026, 7, 31);
        givenReceived()
                .when(new SetLaterAnswerDate(ID, setOn, answerBy, "申请数量明显超过合理范围"))
                .expectEvents(new LaterAnswerDateSet(ID, setOn, answerBy, "申请数量明显超过合理范围"),
                        new AnswerDueDateChanged(ID, answerBy, DueDateReason.LATER_DATE_SET, "依条例第三十五条确定的答复期限"));
    }

    @Test
    void cannotSetAnAnswerDateThatIsNotLaterThanTheDueDate() {
        expectRefusal(givenReceived()
                        .when(new SetLaterAnswerDate(ID, LocalDate.of(2026, 5, 20), DUE, "申请数量明显超过合理范围")),
                Kind.INVALID, "LATER_DATE_NOT_LATER",
                "依条例第三十五条确定的答复期限（2026-06-08）须晚于现有答复期限（2026-06-08）");
    }

    @Test
    void cannotSetALaterAnswerDateWithoutTheDate() {
        expectRefusal(givenReceived()
                        .when(new SetLaterAnswerDate(ID, LocalDate.of(2026, 5, 20), null, "申请数量明显超过合理范围")),
                Kind.INVALID, "DATE_REQUIRED", "请填写确定的答复期限");
    }

    @Test
    void cannotSetALaterAnswerDateWithoutAReason() {
        expectRefusal(givenReceived()
                        .when(new SetLaterAnswerDate(ID, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 7, 31), null)),
                Kind.INVALID, "TEXT_REQUIRED", "请写明延后答复的理由");
    }

    @Test
    void cannotSetALaterAnswerDateAfterTheAnswer() {
        expectRefusal(givenReceived(decided())
                        .when(new SetLaterAnswerDate(ID, SERVED, LocalDate.of(2026, 7, 31), "数量过大")),
                Kind.CONFLICT, "ALREADY_ANSWERED", "办结后不能再确定答复期限");
    }
}
