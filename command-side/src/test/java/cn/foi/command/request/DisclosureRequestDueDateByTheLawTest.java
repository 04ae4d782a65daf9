package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.CorrectDecision;
import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.ExtendAnswerPeriod;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RecordFeePayment;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The due date exactly as the law counts it (条例 31–34; the 2008 条例 for earlier requests).
 */
class DisclosureRequestDueDateByTheLawTest extends DisclosureRequestFixture {

    /** Friday 2025-09-26, before 国庆: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked. */
    private static final LocalDate RECEIVED_2025 = LocalDate.of(2025, 9, 26);
    private static final LocalDate DUE_2025 = LocalDate.of(2025, 10, 30);

    private TestExecutor<DisclosureRequest> givenReceivedOn2025(Object... later) {
        List<Object> events = new ArrayList<>(List.of(
                new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, RECEIVED_2025, null,
                        RECEIVED_2025, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                dueOnReceipt(RECEIVED_2025, DUE_2025)));
        events.addAll(List.of(later));
        return fixture.given(events);
    }

    private static ConsultationStarted consulted(LocalDate sentOn, LocalDate deliveredOn) {
        return new ConsultationStarted(ID, 1, ConsultedParty.THIRD_PARTY, "某公司", sentOn, deliveredOn);
    }

    private Matcher<List<org.axonframework.messaging.Message<?>>> endedResumedDue(
            Object first, LocalDate pausedOn, LocalDate resumedOn, int standstill, LocalDate due) {
        return org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.equalTo(first),
                        org.axonframework.test.matchers.Matchers.equalTo(
                                new AnswerClockResumed(ID, pausedOn, resumedOn, standstill)),
                        org.axonframework.test.matchers.Matchers.predicate(event ->
                                event instanceof AnswerDueDateChanged changed
                                        && changed.reason() == DueDateReason.CLOCK_RESUMED
                                        && changed.dueOn().equals(due)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aConsultationThatRunsPastTheDueDateIsNotCutOffAtIt() {
        // Sent 10-28 (the 18th working day), lapsed on its 15th working day 11-18: two days were left, 11-19, 11-20.
        LocalDate sent = LocalDate.of(2025, 10, 28);
        LocalDate lapsed = LocalDate.of(2025, 11, 18);
        givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null))
                .when(new EndConsultation(ID, 1, lapsed, ConsultationEnding.LAPSED, ""))
                .expectEventsMatching(endedResumedDue(
                        new ConsultationEnded(ID, 1, lapsed, ConsultationEnding.LAPSED, ""),
                        sent, lapsed, 15, LocalDate.of(2025, 11, 20)));
    }

    @Test
    void aFeeNoticeUnpaidPastTheDueDateIsNotCutOffAtIt() {
        LocalDate notice = LocalDate.of(2025, 10, 29);
        LocalDate paid = LocalDate.of(2025, 11, 20);
        givenReceivedOn2025(new AnswerClockPaused(ID, notice, "FEE"),
                new FeeNoticeIssued(ID, notice, new BigDecimal("200.00"), FeeMethod.PER_PAGE))
                .when(new RecordFeePayment(ID, paid))
                .expectEventsMatching(endedResumedDue(new FeePaid(ID, paid), notice, paid, 16,
                        LocalDate.of(2025, 11, 21)));
    }

    @Test
    void anExtensionWhileTheClockStandsStillIsBeforeTheDueDate() {
        LocalDate sent = LocalDate.of(2025, 10, 28);
        LocalDate extendedOn = LocalDate.of(2025, 11, 18);
        givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null))
                .when(new ExtendAnswerPeriod(ID, extendedOn, 10, ""))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.equalTo(
                                        new AnswerPeriodExtended(ID, extendedOn, 10, "")),
                                org.axonframework.test.matchers.Matchers.<Object>predicate(
                                        e -> e instanceof AnswerDueDateChanged),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void anExtensionAfterTheOldDueDateButWithinTheLengthenedOneIsInTime() {
        LocalDate sent = LocalDate.of(2025, 10, 28);
        LocalDate lapsed = LocalDate.of(2025, 11, 18);
        LocalDate extendedOn = LocalDate.of(2025, 11, 19);
        givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null),
                new ConsultationEnded(ID, 1, lapsed, ConsultationEnding.LAPSED, ""),
                new AnswerClockResumed(ID, sent, lapsed, 15),
                new AnswerDueDateChanged(ID, LocalDate.of(2025, 11, 20), DueDateReason.CLOCK_RESUMED, "…"))
                .when(new ExtendAnswerPeriod(ID, extendedOn, 20, ""))
                .expectEvents(new AnswerPeriodExtended(ID, extendedOn, 20, ""),
                        new AnswerDueDateChanged(ID, LocalDate.of(2025, 12, 18), DueDateReason.EXTENDED,
                                "自收到申请之日（2025-09-26）次日起第 55 个工作日（含延长的 20 个工作日）（含暂停计算顺延的 15 个工作日）"));
    }

    @Test
    void anExtensionAfterTheLengthenedDueDateIsRefused() {
        LocalDate sent = LocalDate.of(2025, 10, 28);
        LocalDate lapsed = LocalDate.of(2025, 11, 18);
        expectRefusal(givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null),
                        new ConsultationEnded(ID, 1, lapsed, ConsultationEnding.LAPSED, ""),
                        new AnswerClockResumed(ID, sent, lapsed, 15),
                        new AnswerDueDateChanged(ID, LocalDate.of(2025, 11, 20), DueDateReason.CLOCK_RESUMED, "…"))
                        .when(new ExtendAnswerPeriod(ID, LocalDate.of(2025, 11, 21), 20, "")),
                Kind.CONFLICT, "EXTENSION_AFTER_DUE_DATE", "答复期限已于 2025-11-20 届满");
    }

    @Test
    void aPauseThatBeganAfterTheDueDateDoesNotReviveThePeriod() {
        LocalDate sent = LocalDate.of(2025, 11, 3);
        LocalDate replied = LocalDate.of(2025, 11, 10);
        givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null))
                .when(new EndConsultation(ID, 1, replied, ConsultationEnding.REPLIED, ""))
                .expectEvents(new ConsultationEnded(ID, 1, replied, ConsultationEnding.REPLIED, ""),
                        new AnswerClockResumed(ID, sent, replied, 0));
    }

    @Test
    void aConsultationHoldsTheClockAtMostFifteenWorkingDaysFromItsDelivery() {
        // Sent 10-09, delivered 10-13: the fifteenth working day is 11-03; the reply of 11-10 is kept, flagged late.
        LocalDate sent = LocalDate.of(2025, 10, 9);
        LocalDate replied = LocalDate.of(2025, 11, 10);
        givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"),
                consulted(sent, LocalDate.of(2025, 10, 13)))
                .when(new EndConsultation(ID, 1, replied, ConsultationEnding.REPLIED, "不同意公开"))
                .expectEventsMatching(endedResumedDue(
                        new ConsultationEnded(ID, 1, replied, ConsultationEnding.REPLIED_LATE, "不同意公开"),
                        sent, LocalDate.of(2025, 11, 3), 18, LocalDate.of(2025, 11, 25)));
    }

    @Test
    void aConsultationLapseBeforeItsFifteenWorkingDaysIsRefused() {
        LocalDate sent = LocalDate.of(2025, 10, 28);
        expectRefusal(givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null))
                        .when(new EndConsultation(ID, 1, LocalDate.of(2025, 11, 17), ConsultationEnding.LAPSED, "")),
                Kind.CONFLICT, "CONSULTATION_NOT_LAPSED",
                "第 1 次征求意见的答复期限至 2025-11-18 止（自发出之日起 15 个工作日），期限届满之前不能登记逾期未答复");
    }

    @Test
    void aConsultationsFifteenWorkingDaysCountFromItsDeliveryWhenKnown() {
        LocalDate sent = LocalDate.of(2025, 10, 28);
        expectRefusal(givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"),
                        consulted(sent, LocalDate.of(2025, 10, 30)))
                        .when(new EndConsultation(ID, 1, LocalDate.of(2025, 11, 18), ConsultationEnding.LAPSED, "")),
                Kind.CONFLICT, "CONSULTATION_NOT_LAPSED", "答复期限至 2025-11-20 止（自送达之日起 15 个工作日）");
    }

    @Test
    void startingAConsultationRecordsItsDelivery() {
        LocalDate sent = LocalDate.of(2025, 10, 9);
        LocalDate delivered = LocalDate.of(2025, 10, 13);
        givenReceivedOn2025()
                .when(new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "某公司", sent, delivered))
                .expectEvents(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, delivered));
    }

    @Test
    void aConsultationCannotBeDeliveredBeforeItWasSent() {
        expectRefusal(givenReceivedOn2025()
                        .when(new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "某公司",
                                LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 8))),
                Kind.INVALID, "DATE_BEFORE_DELIVEREDON", "送达日期（2025-10-08）不能早于征求意见日期（2025-10-09）");
    }

    @Test
    void anUnansweredConsultationStopsHoldingTheClockAfterItsFifteenWorkingDays() {
        // Sent 10-09, nothing recorded; its fifteenth working day is 10-29. A fee notice of 11-05 finds the clock
        // running since 10-30: the standstill ends on 10-29 and a new one begins.
        LocalDate sent = LocalDate.of(2025, 10, 9);
        LocalDate notice = LocalDate.of(2025, 11, 5);
        givenReceivedOn2025(new AnswerClockPaused(ID, sent, "CONSULTATION"), consulted(sent, null))
                .when(new IssueFeeNotice(ID, notice, new BigDecimal("200"), FeeMethod.PER_PAGE))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.equalTo(
                                        new AnswerClockResumed(ID, sent, LocalDate.of(2025, 10, 29), 15)),
                                org.axonframework.test.matchers.Matchers.<Object>predicate(event ->
                                        event instanceof AnswerDueDateChanged changed
                                                && changed.dueOn().equals(LocalDate.of(2025, 11, 20))),
                                org.axonframework.test.matchers.Matchers.equalTo(
                                        new AnswerClockPaused(ID, notice, "FEE")),
                                org.axonframework.test.matchers.Matchers.<Object>predicate(e -> e instanceof FeeNoticeIssued),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aRegisteredLetterNeedsTheDayItWasSignedForNotTheDayItWasPosted() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                Channel.REGISTERED_MAIL, LocalDate.of(2026, 5, 8), null, null, DESCRIPTION, 1,
                                null))),
                Kind.INVALID, "REGISTRATION_INVALID", "以邮寄方式提交的申请，以机关签收之日为收到申请之日");
    }

    @Test
    void aRequestReceivedBeforeTheTwoThousandNineteenRegulationHasFifteenWorkingDays() {
        LocalDate received = LocalDate.of(2019, 5, 10);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, inPerson(received)))
                .expectEvents(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null,
                                received, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        new AnswerDueDateChanged(ID, LocalDate.of(2019, 5, 31), DueDateReason.RECEIVED,
                                "自收到申请之日（2019-05-10）次日起第 15 个工作日（依2008年条例第二十四条）"));
    }

    @Test
    void aRequestReceivedOnTheDayTheTwoThousandNineteenRegulationCameIntoForceHasTwenty() {
        LocalDate received = LocalDate.of(2019, 5, 15);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, inPerson(received)))
                .expectEvents(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null,
                                received, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        dueOnReceipt(received, LocalDate.of(2019, 6, 13)));
    }

    @Test
    void aRequestUnderTheTwoThousandEightRegulationIsExtendedByAtMostFifteenWorkingDays() {
        LocalDate received = LocalDate.of(2019, 5, 10);
        expectRefusal(fixture.given(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received,
                                null, received, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        new AnswerDueDateChanged(ID, LocalDate.of(2019, 5, 31), DueDateReason.RECEIVED, "…"))
                        .when(new ExtendAnswerPeriod(ID, LocalDate.of(2019, 5, 20), 16, "")),
                Kind.INVALID, "EXTENSION_TOO_LONG", "延长的期限须为 1 至 15 个工作日，不能为 16");
    }

    @Test
    void aReceiptBeforeTheFirstRegulationCameIntoForceIsRefused() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, inPerson(LocalDate.of(2008, 4, 30)))),
                Kind.INVALID, "RECEIVED_BEFORE_REGULATION", "收到申请日期（2008-04-30）早于《政府信息公开条例》施行之日（2008-05-01）");
    }

    @Test
    void aCorrectionCannotDateTheAnswerAfterAnAppealAgainstIt() {
        expectRefusal(givenReceived(decided(), new ReconsiderationFiled(ID, 1, LocalDate.of(2026, 6, 10)))
                        .when(new CorrectDecision(ID, Outcome.R3_2, LocalDate.of(2026, 6, 12), null, "", "录入有误")),
                Kind.CONFLICT, "DECISION_AFTER_APPEAL", "申请人已于 2026-06-10 对该答复申请行政复议，更正后的答复日期（2026-06-12）不能晚于该日期");
    }

    @Test
    void aCorrectionCannotDateTheAnswerAfterALawsuitAgainstIt() {
        expectRefusal(givenReceived(decided(), new LawsuitFiled(ID, 1, LocalDate.of(2026, 6, 10), false, 0))
                        .when(new CorrectDecision(ID, Outcome.R3_2, LocalDate.of(2026, 6, 11), null, "", "录入有误")),
                Kind.CONFLICT, "DECISION_AFTER_APPEAL", "提起行政诉讼");
    }

    @Test
    void aCorrectionMayDateTheAnswerOnTheDayOfTheAppeal() {
        LocalDate filed = LocalDate.of(2026, 6, 10);
        givenReceived(decided(), new ReconsiderationFiled(ID, 1, filed))
                .when(new CorrectDecision(ID, Outcome.R3_2, filed, null, "", "录入有误"))
                .expectEvents(new DecisionCorrected(ID, Outcome.R3_2, filed, null, "", "录入有误"));
    }
}
