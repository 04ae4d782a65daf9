package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.ExtendAnswerPeriod;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.DueDateReason;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Extending the answer period once (条例 33).
 */
class DisclosureRequestExtensionTest extends DisclosureRequestFixture {

    @Test
    void extendingMovesTheDueDateByTheExtraWorkingDays() {
        LocalDate extendedOn = LocalDate.of(2026, 6, 3);
        givenReceived()
                .when(new ExtendAnswerPeriod(ID, extendedOn, 20, " 需调取档案 "))
                .expectEvents(new AnswerPeriodExtended(ID, extendedOn, 20, "需调取档案"),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 7, 7), DueDateReason.EXTENDED,
                                "自收到申请之日（2026-05-11）次日起第 40 个工作日（含延长的 20 个工作日）"));
    }

    @Test
    void aShorterExtensionMovesTheDueDateByItsOwnDays() {
        givenReceived()
                .when(new ExtendAnswerPeriod(ID, DUE, 10, null))
                .expectEvents(new AnswerPeriodExtended(ID, DUE, 10, ""),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 6, 23), DueDateReason.EXTENDED,
                                "自收到申请之日（2026-05-11）次日起第 30 个工作日（含延长的 10 个工作日）"));
    }

    @Test
    void cannotExtendAfterTheAnswer() {
        expectRefusal(givenReceived(decided()).when(new ExtendAnswerPeriod(ID, SERVED, 20, "需调取档案")),
                Kind.CONFLICT, "ALREADY_ANSWERED", "办结后不能再延期");
    }

    @Test
    void cannotExtendTwice() {
        expectRefusal(givenReceived(new AnswerPeriodExtended(ID, LocalDate.of(2026, 6, 1), 10, ""),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 6, 23), DueDateReason.EXTENDED, "…"))
                        .when(new ExtendAnswerPeriod(ID, LocalDate.of(2026, 6, 3), 10, "")),
                Kind.CONFLICT, "ALREADY_EXTENDED", "该申请已延长过一次答复期限，依条例第三十三条只能延长一次");
    }

    @Test
    void cannotExtendByMoreThanTwentyWorkingDays() {
        expectRefusal(givenReceived().when(new ExtendAnswerPeriod(ID, LocalDate.of(2026, 6, 3), 21, "")),
                Kind.INVALID, "EXTENSION_TOO_LONG", "延长的期限须为 1 至 20 个工作日，不能为 21");
    }

    @Test
    void cannotExtendByNoWorkingDay() {
        expectRefusal(givenReceived().when(new ExtendAnswerPeriod(ID, LocalDate.of(2026, 6, 3), 0, "")),
                Kind.INVALID, "EXTENSION_TOO_LONG", "延长的期限须为 1 至 20 个工作日，不能为 0");
    }

    @Test
    void cannotExtendAfterTheDueDate() {
        expectRefusal(givenReceived().when(new ExtendAnswerPeriod(ID, LocalDate.of(2026, 6, 9), 20, "")),
                Kind.CONFLICT, "EXTENSION_AFTER_DUE_DATE", "答复期限已于 2026-06-08 届满，延期须在期限届满前告知申请人");
    }
}
