package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.request.RequestCommands.CorrectRegistration;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Correcting the registration: the receipt date, the case number and what the due date follows from.
 */
class DisclosureRequestRegistrationCorrectionTest extends DisclosureRequestFixture {

    @Test
    void correctingTheReceiptDateRecomputesTheDueDate() {
        caseNumbers.claim(AGENCY, CASE_NO, ID);
        String newCaseNo = "西发改依〔2026〕2号";
        LocalDate confirmed = LocalDate.of(2026, 5, 12);
        String reason = "误将提交日期登记为收到日期";

        givenReceived()
                .when(new CorrectRegistration(ID, new Registration(newCaseNo, FIRM, Channel.ONLINE, RECEIVED,
                        confirmed, null, DESCRIPTION, 1, RequestedForm.PAPER), reason))
                .expectEvents(
                        new RegistrationCorrected(ID, newCaseNo, FIRM, Channel.ONLINE, RECEIVED, confirmed,
                                confirmed, DESCRIPTION, 1, RequestedForm.PAPER, reason),
                        new AnswerDueDateChanged(ID, LocalDate.of(2026, 6, 9),
                                DueDateReason.REGISTRATION_CORRECTED, "自收到申请之日（2026-05-12）次日起第 20 个工作日"));

        assertThat(caseNumbers.isTaken(AGENCY, newCaseNo)).isTrue();
        assertThat(caseNumbers.isTaken(AGENCY, CASE_NO)).isFalse();
    }

    @Test
    void correctingOnlyTheApplicantKeepsTheDueDate() {
        givenReceived()
                .when(new CorrectRegistration(ID, new Registration(CASE_NO, FIRM, Channel.IN_PERSON, RECEIVED,
                        null, null, DESCRIPTION, 2, RequestedForm.ELECTRONIC), "申请人为公司而非个人"))
                .expectEvents(new RegistrationCorrected(ID, CASE_NO, FIRM, Channel.IN_PERSON, RECEIVED, null,
                        RECEIVED, DESCRIPTION, 2, RequestedForm.ELECTRONIC, "申请人为公司而非个人"));
    }

    @Test
    void aSameDayAnswerCanBeRecordedOnAReceiptDateCorrectedToAnEarlierDay() {
        LocalDate mistyped = LocalDate.of(2026, 5, 12);
        fixture.given(
                        new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, mistyped, null,
                                mistyped, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        dueOnReceipt(mistyped, LocalDate.of(2026, 6, 9)),
                        new RegistrationCorrected(ID, CASE_NO, PERSON, Channel.IN_PERSON, RECEIVED, null,
                                RECEIVED, DESCRIPTION, 2, RequestedForm.ELECTRONIC, "收到日期录入错误"),
                        new AnswerDueDateChanged(ID, DUE, DueDateReason.REGISTRATION_CORRECTED,
                                "自收到申请之日（2026-05-11）次日起第 20 个工作日"))
                .when(new DecideRequest(ID, Outcome.R3_1, RECEIVED, RECEIVED, "当场答复"))
                .expectEvents(new RequestDecided(ID, Outcome.R3_1, RECEIVED, RECEIVED, "当场答复"));
    }

    @Test
    void cannotCorrectTheRegistrationWithoutAReason() {
        expectRefusal(givenReceived().when(new CorrectRegistration(ID, inPerson(RECEIVED), " ")),
                Kind.INVALID, "TEXT_REQUIRED", "更正登记须写明更正原因");
    }

    @Test
    void cannotMoveTheReceiptDateAfterALaterStepOfTheRequest() {
        expectRefusal(givenReceived(supplementRequested())
                        .when(new CorrectRegistration(ID, inPerson(LocalDate.of(2026, 5, 15)), "录入错误")),
                Kind.INVALID, "DATE_AFTER_HISTORY",
                "更正后的收到申请日期（2026-05-15）晚于该申请已登记的办理日期（2026-05-14）");
    }

    @Test
    void cannotCorrectTheReceiptDateIntoTheFuture() {
        expectRefusal(givenReceived()
                        .when(new CorrectRegistration(ID, inPerson(LocalDate.of(2026, 7, 2)), "录入错误")),
                Kind.INVALID, "DATE_IN_FUTURE", "收到申请日期（2026-07-02）晚于今天（2026-06-30）");
    }

    @Test
    void cannotCorrectToACaseNumberTheAgencyAlreadyUses() {
        String other = "西发改依〔2026〕9号";
        caseNumbers.claim(AGENCY, CASE_NO, ID);
        caseNumbers.claim(AGENCY, other, "req-0009");

        expectRefusal(givenReceived().when(new CorrectRegistration(ID, new Registration(other, PERSON,
                        Channel.IN_PERSON, RECEIVED, null, null, DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                        "编号录入错误")),
                Kind.CONFLICT, "CASE_NO_TAKEN", "受理编号 " + other + " 已被本机关使用");
        assertThat(caseNumbers.isTaken(AGENCY, CASE_NO)).isTrue();
    }

    @Test
    void aCorrectedRegistrationFollowsTheChannelsReceiptRule() {
        expectRefusal(givenReceived().when(new CorrectRegistration(ID, new Registration(CASE_NO, PERSON,
                        Channel.IN_PERSON, LocalDate.of(2026, 5, 8), null, RECEIVED, DESCRIPTION, 2, null),
                        "录入错误")),
                Kind.INVALID, "REGISTRATION_INVALID", "当面提交的申请，以提交之日为收到申请之日");
    }
}
