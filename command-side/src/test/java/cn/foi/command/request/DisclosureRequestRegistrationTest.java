package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import org.hamcrest.TypeSafeMatcher;
import org.hamcrest.Description;
import java.util.List;
import cn.foi.command.shared.RuleViolation;

import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Registering a request (条例 27–31): its receipt, its case number and the due date it starts with.
 */
class DisclosureRequestRegistrationTest extends DisclosureRequestFixture {

    @Test
    void registeringARequestStartsTheTwentyWorkingDayPeriod() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON, Channel.IN_PERSON,
                        RECEIVED, null, null, DESCRIPTION, 2, RequestedForm.ELECTRONIC)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received().toArray());

        assertThat(caseNumbers.isTaken(AGENCY, CASE_NO)).isTrue();
    }

    @Test
    void aRegisteredLetterIsReceivedOnTheDayItIsSignedFor() {
        LocalDate posted = LocalDate.of(2026, 5, 8);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, new Registration(" " + CASE_NO + " ", PERSON,
                        Channel.REGISTERED_MAIL, posted, null, RECEIVED, "  " + DESCRIPTION + "\n", 2,
                        RequestedForm.PAPER)))
                .expectEvents(
                        new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.REGISTERED_MAIL, posted, null,
                                RECEIVED, DESCRIPTION, 2, RequestedForm.PAPER),
                        dueOnReceipt(RECEIVED, DUE));
    }

    @Test
    void anOrdinaryLetterIsReceivedOnTheDayTheOfficeConfirmsIt() {
        LocalDate posted = LocalDate.of(2026, 5, 7);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON, Channel.ORDINARY_MAIL,
                        posted, RECEIVED, null, DESCRIPTION, 1, null)))
                .expectEvents(
                        new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.ORDINARY_MAIL, posted, RECEIVED,
                                RECEIVED, DESCRIPTION, 1, RequestedForm.UNSPECIFIED),
                        dueOnReceipt(RECEIVED, DUE));
    }

    @Test
    void anOnlineRequestIsReceivedOnTheDayBothSidesConfirm() {
        LocalDate submittedOnSaturday = LocalDate.of(2026, 5, 9);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, FIRM, Channel.ONLINE,
                        submittedOnSaturday, RECEIVED, RECEIVED, DESCRIPTION, 3, RequestedForm.ELECTRONIC)))
                .expectEvents(
                        new RequestReceived(ID, AGENCY, CASE_NO, FIRM, Channel.ONLINE, submittedOnSaturday,
                                RECEIVED, RECEIVED, DESCRIPTION, 3, RequestedForm.ELECTRONIC),
                        dueOnReceipt(RECEIVED, DUE));
    }

    @Test
    void aFaxWhoseReceiptDateIsGivenTakesItAsTheConfirmationDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON, Channel.FAX,
                        null, null, RECEIVED, DESCRIPTION, 1, RequestedForm.PAPER)))
                .expectEvents(
                        new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.FAX, RECEIVED, RECEIVED,
                                RECEIVED, DESCRIPTION, 1, RequestedForm.PAPER),
                        dueOnReceipt(RECEIVED, DUE));
    }

    @Test
    void theAnswerPeriodCanEndOnAMakeUpSunday() {
        LocalDate received = LocalDate.of(2019, 12, 20);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON, Channel.IN_PERSON,
                        received, null, null, DESCRIPTION, 1, RequestedForm.PAPER)))
                .expectEvents(
                        new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, received, null,
                                received, DESCRIPTION, 1, RequestedForm.PAPER),
                        dueOnReceipt(received, LocalDate.of(2020, 1, 19)));
    }

    @Test
    void cannotRegisterARequestForAnUnknownAgency() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, "hd-czj", inPerson(RECEIVED))),
                Kind.NOT_FOUND, "AGENCY_UNKNOWN", "本系统中没有编码为 hd-czj 的机关");
        assertThat(caseNumbers.isTaken("hd-czj", CASE_NO)).isFalse();
    }

    @Test
    void cannotRegisterACaseNumberTheAgencyAlreadyUses() {
        caseNumbers.claim(AGENCY, CASE_NO, "req-0000");

        expectRefusal(fixture.givenNoPriorActivity().when(new RegisterRequest(ID, AGENCY, inPerson(RECEIVED))),
                Kind.CONFLICT, "CASE_NO_TAKEN", "受理编号 " + CASE_NO + " 已被本机关使用");
    }

    @Test
    void anotherAgencyMayUseTheSameCaseNumber() {
        caseNumbers.claim(OTHER_AGENCY, CASE_NO, "req-0000");

        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, inPerson(RECEIVED)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotRegisterARequestReceivedTomorrow() {
        LocalDate tomorrow = LocalDate.of(2026, 7, 1);
        expectRefusal(fixture.givenNoPriorActivity().when(new RegisterRequest(ID, AGENCY, inPerson(tomorrow))),
                Kind.INVALID, "DATE_IN_FUTURE", "收到申请日期（2026-07-01）晚于今天（2026-06-30），不能登记尚未发生的事项");
        assertThat(caseNumbers.isTaken(AGENCY, CASE_NO)).isFalse();
    }

    @Test
    void anInPersonRequestIsReceivedOnTheDayItIsHandedIn() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                Channel.IN_PERSON, LocalDate.of(2026, 5, 8), null, RECEIVED, DESCRIPTION, 1,
                                null))),
                Kind.INVALID, "REGISTRATION_INVALID", "当面提交的申请，以提交之日为收到申请之日（2026-05-08）");
    }

    @Test
    void anOnlineRequestsReceiptDateCannotContradictTheConfirmationDate() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON, Channel.ONLINE,
                                LocalDate.of(2026, 5, 9), RECEIVED, LocalDate.of(2026, 5, 12), DESCRIPTION, 1,
                                null))),
                Kind.INVALID, "REGISTRATION_INVALID",
                "以网络方式提交的申请，收到申请之日即双方确认之日（2026-05-11），不能填写为 2026-05-12");
    }

    @Test
    void anOrdinaryLetterNeedsTheConfirmationDate() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                Channel.ORDINARY_MAIL, LocalDate.of(2026, 5, 7), null, null, DESCRIPTION, 1,
                                null))),
                Kind.INVALID, "REGISTRATION_INVALID", "以平信方式提交的申请，以双方确认之日为收到申请之日：请填写确认日期");
    }

    @Test
    void everyBadFieldOfARegistrationIsReportedAtOnceEachUnderItsField() {
        Registration blanks = new Registration(" ", new Applicant(ApplicantCategory.C1, "", null, null,
                "138\u0001"), Channel.REGISTERED_MAIL, null, null, null, DESCRIPTION, 0, null);
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, blanks))
                .expectException(new TypeSafeMatcher<RuleViolation>() {
                    @Override
                    protected boolean matchesSafely(RuleViolation violation) {
                        return violation.all().stream().map(RuleViolation::field).toList().equals(List.of(
                                "applicant.name", "caseNo", "items", "applicant.contact", "receivedOn"))
                                && violation.field().equals("applicant.name");
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("the name, case number, items, contact and receipt date, in order");
                    }
                })
                .expectExceptionMessage(containsString("请填写申请人姓名或名称；请填写受理编号；申请事项数至少为 1"))
                .expectNoEvents();
        assertThat(caseNumbers.isTaken(AGENCY, " ")).isFalse();
    }

    @Test
    void aRegisteredLetterNeedsAReceiptDate() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                Channel.REGISTERED_MAIL, null, null, null, DESCRIPTION, 1, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "请填写收到申请日期");
    }

    @Test
    void aRequestCannotBeSubmittedAfterItWasReceived() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                Channel.REGISTERED_MAIL, LocalDate.of(2026, 5, 12), null, RECEIVED, DESCRIPTION,
                                1, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "提交日期（2026-05-12）不能晚于收到申请日期（2026-05-11）");
    }

    @Test
    void cannotRegisterWithoutTheApplicantsCategory() {
        Applicant noCategory = new Applicant(null, "张三", null, null, null);
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, noCategory,
                                Channel.IN_PERSON, RECEIVED, null, null, DESCRIPTION, 1, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "请填写申请人类型");
    }

    @Test
    void cannotRegisterWithoutTheApplicantsName() {
        Applicant noName = new Applicant(ApplicantCategory.C1, " ", null, null, null);
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, noName,
                                Channel.IN_PERSON, RECEIVED, null, null, DESCRIPTION, 1, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "请填写申请人姓名或名称");
    }

    @Test
    void cannotRegisterWithoutACaseNumber() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration("  ", PERSON,
                                Channel.IN_PERSON, RECEIVED, null, null, DESCRIPTION, 1, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "请填写受理编号");
    }

    @Test
    void cannotRegisterWithoutTheChannel() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                null, RECEIVED, null, RECEIVED, DESCRIPTION, 1, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "请填写申请方式");
    }

    @Test
    void cannotRegisterARequestForNoItem() {
        expectRefusal(fixture.givenNoPriorActivity()
                        .when(new RegisterRequest(ID, AGENCY, new Registration(CASE_NO, PERSON,
                                Channel.IN_PERSON, RECEIVED, null, null, DESCRIPTION, 0, null))),
                Kind.INVALID, "REGISTRATION_INVALID", "申请事项数至少为 1");
    }
}
