package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.RecordSupplement;
import cn.foi.command.request.RequestCommands.RecordSupplementLapse;
import cn.foi.command.request.RequestCommands.AskForSupplement;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * 补正 (条例 30): asking once for what is missing, its receipt restarting the period, its lapse.
 */
class DisclosureRequestSupplementTest extends DisclosureRequestFixture {

    @Test
    void requestingASupplementWithinSevenWorkingDaysIsInTime() {
        givenReceived()
                .when(new AskForSupplement(ID, SUPPLEMENT_NOTICE, SUPPLEMENT_DUE, "  " + ITEMS))
                .expectEvents(supplementRequested());
    }

    @Test
    void aSupplementNoticeOnTheSeventhWorkingDayIsStillInTime() {
        LocalDate seventhWorkingDay = LocalDate.of(2026, 5, 20);
        givenReceived()
                .when(new AskForSupplement(ID, seventhWorkingDay, SUPPLEMENT_DUE, ITEMS))
                .expectEvents(new SupplementRequested(ID, seventhWorkingDay, SUPPLEMENT_DUE, ITEMS, 1, false));
    }

    @Test
    void aSupplementNoticeAfterSevenWorkingDaysIsAcceptedButFlaggedLate() {
        LocalDate eighthWorkingDay = LocalDate.of(2026, 5, 21);
        givenReceived()
                .when(new AskForSupplement(ID, eighthWorkingDay, SUPPLEMENT_DUE, ITEMS))
                .expectEvents(new SupplementRequested(ID, eighthWorkingDay, SUPPLEMENT_DUE, ITEMS, 1, true));
    }

    @Test
    void aSecondSupplementRoundIsAllowedAsAnIrregularSecondRound() {
        LocalDate second = LocalDate.of(2026, 5, 25);
        LocalDate secondDue = LocalDate.of(2026, 6, 5);
        givenReceived(supplementRequested(), supplementReceived(), supplementDueDate())
                .when(new AskForSupplement(ID, second, secondDue, "请补充身份证明"))
                .expectEvents(new SupplementRequested(ID, second, secondDue, "请补充身份证明", 2, true));
    }

    @Test
    void recordingTheSupplementRestartsTheAnswerPeriodFromItsReceipt() {
        givenReceived(supplementRequested())
                .when(new RecordSupplement(ID, SUPPLEMENT_RECEIVED))
                .expectEvents(supplementReceived(), supplementDueDate());
    }

    @Test
    void aSupplementReceivedAtTheYearEndRestartsThePeriodOnTheNewYearsCalendar() {
        // Received 2025-12-10 (due 2026-01-08); the supplement came on 2025-12-31, so the twenty working days run
        // through 元旦 2026 (1–3 January off, Sunday 4 January worked) to 2026-01-29.
        LocalDate received = LocalDate.of(2025, 12, 10);
        LocalDate supplemented = LocalDate.of(2025, 12, 31);
        fixture.given(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null, received,
                                "申请公开某项目批复", 1, RequestedForm.UNSPECIFIED),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 1, 8), DueDateReason.RECEIVED, "…"),
                        new SupplementRequested(ID, LocalDate.of(2025, 12, 12), LocalDate.of(2025, 12, 26),
                                "请明确项目名称", 1, false))
                .when(new RecordSupplement(ID, supplemented))
                .expectEvents(new SupplementReceived(ID, supplemented, 1),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 1, 29), DueDateReason.SUPPLEMENT_RECEIVED,
                                "自收到补正之日（2025-12-31）次日起第 20 个工作日"));
    }

    @Test
    void aSupplementAfterAnExtensionKeepsTheExtraDays() {
        LocalDate extendedOn = LocalDate.of(2026, 5, 13);
        givenReceived(new AnswerPeriodExtended(ID, extendedOn, 20, "需调取档案"),
                new AnswerDueDateChanged(ID, LocalDate.of(2026, 7, 7), DueDateReason.EXTENDED, "…"),
                supplementRequested())
                .when(new RecordSupplement(ID, SUPPLEMENT_RECEIVED))
                .expectEvents(supplementReceived(), new AnswerDueDateChanged(ID, LocalDate.of(2026, 7, 20),
                        DueDateReason.SUPPLEMENT_RECEIVED,
                        "自收到补正之日（2026-05-22）次日起第 40 个工作日（含延长的 20 个工作日）"));
    }

    @Test
    void recordingTheLapseOfTheSupplementDeadline() {
        LocalDate lapsedOn = LocalDate.of(2026, 6, 1);
        givenReceived(supplementRequested())
                .when(new RecordSupplementLapse(ID, lapsedOn))
                .expectEvents(new SupplementLapseRecorded(ID, lapsedOn, 1));
    }

    @Test
    void cannotRequestASupplementAfterTheAnswer() {
        expectRefusal(givenReceived(decided())
                        .when(new AskForSupplement(ID, SERVED, LocalDate.of(2026, 6, 15), ITEMS)),
                Kind.CONFLICT, "ALREADY_ANSWERED", "该申请已于 2026-06-01 办结（予以公开），办结后不能再补正");
    }

    @Test
    void cannotRequestASecondSupplementWhileOneIsOpen() {
        expectRefusal(givenReceived(supplementRequested())
                        .when(new AskForSupplement(ID, LocalDate.of(2026, 5, 15), SUPPLEMENT_DUE, ITEMS)),
                Kind.CONFLICT, "SUPPLEMENT_ALREADY_REQUESTED",
                "已于 2026-05-14 发出补正通知，尚未收到补正；补正应一次性告知");
    }

    @Test
    void cannotRequestASupplementWithoutTheNoticeDate() {
        expectRefusal(givenReceived().when(new AskForSupplement(ID, null, SUPPLEMENT_DUE, ITEMS)),
                Kind.INVALID, "DATE_REQUIRED", "请填写补正告知日期");
    }

    @Test
    void cannotRequestASupplementWithoutItsDeadline() {
        expectRefusal(givenReceived().when(new AskForSupplement(ID, SUPPLEMENT_NOTICE, null, ITEMS)),
                Kind.INVALID, "DATE_REQUIRED", "请填写补正期限");
    }

    @Test
    void theSupplementDeadlineMustFollowTheNotice() {
        expectRefusal(givenReceived()
                        .when(new AskForSupplement(ID, SUPPLEMENT_NOTICE, SUPPLEMENT_NOTICE, ITEMS)),
                Kind.INVALID, "SUPPLEMENT_DUE_NOT_AFTER_NOTICE", "补正期限（2026-05-14）须晚于补正告知日期（2026-05-14）");
    }

    @Test
    void cannotRequestASupplementWithoutSayingWhatIsMissing() {
        expectRefusal(givenReceived().when(new AskForSupplement(ID, SUPPLEMENT_NOTICE, SUPPLEMENT_DUE, "")),
                Kind.INVALID, "TEXT_REQUIRED", "请写明需要补正的事项");
    }

    @Test
    void cannotRecordASupplementThatWasNeverRequested() {
        expectRefusal(givenReceived().when(new RecordSupplement(ID, SUPPLEMENT_RECEIVED)),
                Kind.CONFLICT, "NO_SUPPLEMENT_REQUESTED", "该申请没有发出过补正通知，不能登记补正");
    }

    @Test
    void cannotRecordTheSameSupplementTwice() {
        expectRefusal(givenReceived(supplementRequested(), supplementReceived(), supplementDueDate())
                        .when(new RecordSupplement(ID, LocalDate.of(2026, 5, 25))),
                Kind.CONFLICT, "NO_SUPPLEMENT_REQUESTED", "该申请的补正已于 2026-05-22 收到，没有待补正的通知");
    }

    @Test
    void cannotRecordASupplementReceivedBeforeItsNotice() {
        expectRefusal(givenReceived(supplementRequested())
                        .when(new RecordSupplement(ID, LocalDate.of(2026, 5, 13))),
                Kind.INVALID, "DATE_BEFORE_RECEIVEDON", "补正收到日期（2026-05-13）不能早于补正告知日期（2026-05-14）");
    }

    @Test
    void cannotRecordASupplementAfterTheAnswer() {
        expectRefusal(givenReceived(supplementRequested(), supplementLapsed(), decidedAs(Outcome.R3_6_1))
                        .when(new RecordSupplement(ID, SERVED)),
                Kind.CONFLICT, "ALREADY_ANSWERED", "办结后不能再登记补正");
    }

    @Test
    void cannotRecordTheLapseBeforeTheSupplementDeadlinePassed() {
        expectRefusal(givenReceived(supplementRequested()).when(new RecordSupplementLapse(ID, SUPPLEMENT_DUE)),
                Kind.CONFLICT, "SUPPLEMENT_NOT_YET_DUE", "补正期限为 2026-05-29，期限届满之后才能登记逾期未补正");
    }

    @Test
    void cannotRecordTheSameSupplementLapseTwice() {
        LocalDate lapsedOn = LocalDate.of(2026, 6, 1);
        expectRefusal(givenReceived(supplementRequested(), new SupplementLapseRecorded(ID, lapsedOn, 1))
                        .when(new RecordSupplementLapse(ID, lapsedOn.plusDays(1))),
                Kind.CONFLICT, "SUPPLEMENT_LAPSE_RECORDED", "已登记过该补正通知逾期未补正");
    }

    @Test
    void cannotRecordALapseWithoutAnOpenSupplement() {
        expectRefusal(givenReceived().when(new RecordSupplementLapse(ID, LocalDate.of(2026, 6, 1))),
                Kind.CONFLICT, "NO_SUPPLEMENT_REQUESTED", "该申请没有待补正的通知");
    }
}
