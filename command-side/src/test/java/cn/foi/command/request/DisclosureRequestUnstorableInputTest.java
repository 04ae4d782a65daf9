package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.CorrectDecision;
import cn.foi.command.request.RequestCommands.CorrectRegistration;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.ExtendAnswerPeriod;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.command.request.RequestCommands.AskForSupplement;
import cn.foi.command.request.RequestCommands.SetLaterAnswerDate;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.command.request.RequestCommands.WithdrawRequest;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestedForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

/**
 * Values the read side cannot hold (TextField, FieldLimits) are refused before any event exists: a NUL, another
 control character, a line break in a one-line field, one character too many, an absurd amount or count.
 */
class DisclosureRequestUnstorableInputTest extends DisclosureRequestFixture {

    private static final String NUL = "\u0000";

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> unstorable() {
        String contact201 = "1".repeat(201);
        return java.util.stream.Stream.of(
                refused("NUL in the applicant's name", List.of(), register(PERSON.category(), "张" + NUL + "三",
                        null, null, null, CASE_NO, DESCRIPTION, 1), "applicant.name", "TEXT_CONTROL_CHARACTER"),
                refused("NUL in the case number", List.of(), register(PERSON.category(), "张三", null, null, null,
                        "2026-" + NUL, DESCRIPTION, 1), "caseNo", "TEXT_CONTROL_CHARACTER"),
                refused("a newline in the case number", List.of(), register(PERSON.category(), "张三", null, null,
                        null, "2026\n-1", DESCRIPTION, 1), "caseNo", "TEXT_NOT_ONE_LINE"),
                refused("a newline in the contact", List.of(), register(PERSON.category(), "张三", null, null,
                        "138\n0000", CASE_NO, DESCRIPTION, 1), "applicant.contact", "TEXT_NOT_ONE_LINE"),
                refused("an escape in the ID number", List.of(), register(PERSON.category(), "张三", "居民身份证",
                        "1101\u001B", null, CASE_NO, DESCRIPTION, 1), "applicant.idNumber",
                        "TEXT_CONTROL_CHARACTER"),
                refused("a 201-character contact", List.of(), register(PERSON.category(), "张三", null, null,
                        contact201, CASE_NO, DESCRIPTION, 1), "applicant.contact", "TEXT_TOO_LONG"),
                refused("a 101-character case number", List.of(), register(PERSON.category(), "张三", null, null,
                        null, "号".repeat(101), DESCRIPTION, 1), "caseNo", "TEXT_TOO_LONG"),
                refused("a 5001-character description", List.of(), register(PERSON.category(), "张三", null, null,
                        null, CASE_NO, "文".repeat(5001), 1), "description", "TEXT_TOO_LONG"),
                refused("a bell in the description", List.of(), register(PERSON.category(), "张三", null, null,
                        null, CASE_NO, "申请\u0007公开", 1), "description", "TEXT_CONTROL_CHARACTER"),
                refused("a lone surrogate in the description", List.of(), register(PERSON.category(), "张三",
                        null, null, null, CASE_NO, "申请\uD800公开", 1), "description", "TEXT_CONTROL_CHARACTER"),
                refused("2^31-1 items", List.of(), register(PERSON.category(), "张三", null, null, null, CASE_NO,
                        DESCRIPTION, Integer.MAX_VALUE), "items", "ITEMS_TOO_MANY"),
                refused("NUL in the reason of a registration correction", received(),
                        new CorrectRegistration(ID, inPerson(RECEIVED), "录入错误" + NUL), "reason",
                        "TEXT_CONTROL_CHARACTER"),
                refused("NUL in the items of a 补正", received(), new AskForSupplement(ID, SUPPLEMENT_NOTICE,
                        SUPPLEMENT_DUE, ITEMS + NUL), "items", "TEXT_CONTROL_CHARACTER"),
                refused("2001 characters of 补正 items", received(), new AskForSupplement(ID, SUPPLEMENT_NOTICE,
                        SUPPLEMENT_DUE, "项".repeat(2001)), "items", "TEXT_TOO_LONG"),
                refused("NUL in the reason of an extension", received(), new ExtendAnswerPeriod(ID,
                        LocalDate.of(2026, 6, 1), 10, "需调取档案" + NUL), "reason", "TEXT_CONTROL_CHARACTER"),
                refused("2^31-1 working days of extension", received(), new ExtendAnswerPeriod(ID,
                        LocalDate.of(2026, 6, 1), Integer.MAX_VALUE, "需调取档案"), "workingDays",
                        "EXTENSION_TOO_LONG"),
                refused("a newline in the consulted party", received(), new StartConsultation(ID,
                        ConsultedParty.THIRD_PARTY, "某公司\n某部门", CONSULTED), "addressee", "TEXT_NOT_ONE_LINE"),
                refused("NUL in the consultation's opinion", withLater(new AnswerClockPaused(ID, CONSULTED,
                        "CONSULTATION"), consultationStarted()), new EndConsultation(ID, 1,
                        LocalDate.of(2026, 5, 20), ConsultationEnding.REPLIED, NUL), "opinion",
                        "TEXT_CONTROL_CHARACTER"),
                refused("a fee of 1e308", received(), new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("1e308"),
                        FeeMethod.PER_REQUEST), "amount", "FEE_AMOUNT_TOO_LARGE"),
                refused("a fee a cent over the maximum", received(), new IssueFeeNotice(ID, FEE_NOTICE,
                        new BigDecimal("1000000.01"), FeeMethod.PER_REQUEST), "amount", "FEE_AMOUNT_TOO_LARGE"),
                refused("a fee that rounds to nothing", received(), new IssueFeeNotice(ID, FEE_NOTICE,
                        new BigDecimal("0.004"), FeeMethod.PER_REQUEST), "amount", "FEE_AMOUNT"),
                refused("NUL in the reason of a later answer date", received(), new SetLaterAnswerDate(ID,
                        LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31), "听证" + NUL), "reason",
                        "TEXT_CONTROL_CHARACTER"),
                refused("NUL in the decision's note", received(), new DecideRequest(ID, Outcome.R3_1, DECIDED,
                        SERVED, "已公开" + NUL), "note", "TEXT_CONTROL_CHARACTER"),
                refused("2001 characters of decision note", received(), new DecideRequest(ID, Outcome.R3_6_3,
                        DECIDED, SERVED, "因".repeat(2001)), "note", "TEXT_TOO_LONG"),
                refused("NUL in the reason of a decision correction", withLater(decided()), new CorrectDecision(ID,
                        Outcome.R3_2, DECIDED, SERVED, null, NUL + "更正"), "reason", "TEXT_CONTROL_CHARACTER"),
                refused("a form feed in the withdrawal note", received(), new WithdrawRequest(ID, DECIDED,
                        "撤\f回"), "note", "TEXT_CONTROL_CHARACTER"));
    }

    private static org.junit.jupiter.params.provider.Arguments refused(String what, List<Object> given,
                                                                      Object command, String field, String rule) {
        return org.junit.jupiter.params.provider.Arguments.of(what, given, command, field, rule);
    }

    private static List<Object> withLater(Object... later) {
        List<Object> events = new ArrayList<>(received());
        events.addAll(List.of(later));
        return events;
    }

    private static RegisterRequest register(ApplicantCategory category, String name, String idType,
                                            String idNumber, String contact, String caseNo, String description,
                                            int items) {
        return new RegisterRequest(ID, AGENCY, new Registration(caseNo, new Applicant(category, name, idType,
                idNumber, contact), Channel.IN_PERSON, RECEIVED, null, null, description, items,
                RequestedForm.ELECTRONIC));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("unstorable")
    void isRefusedNamingTheField(String what, List<Object> given, Object command, String field, String rule) {
        fixture.given(given).when(command)
                .expectException(RuleViolation.class)
                .expectException(new TypeSafeMatcher<RuleViolation>() {
                    @Override
                    protected boolean matchesSafely(RuleViolation violation) {
                        return violation.kind() == Kind.INVALID && rule.equals(violation.rule())
                                && field.equals(violation.field());
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("an INVALID violation of " + rule + " naming " + field);
                    }
                })
                .expectNoEvents();
    }

    @Test
    void freeTextKeepsItsLineBreaksAndTabsAndTheLimitsThemselvesAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(register(PERSON.category(), "名".repeat(200), "证".repeat(50), "1".repeat(100),
                        "1".repeat(200), "号".repeat(100), "第一项：\t2024年预算\r\n第二项：决算" + "文".repeat(4980),
                        1000))
                .expectSuccessfulHandlerExecution();
        fixture.given(received())
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("1000000.00"), FeeMethod.PER_REQUEST))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aFeeNoticeImportedWithoutAnAmountIsRecordedWithTheAmountUnknownAndAClerksIsRefused() {
        // Issue 14, point 11: the documented ledger has no amount column; only the import may leave it unknown.
        fixture.given(received())
                .when(new IssueFeeNotice(ID, FEE_NOTICE, null, FeeMethod.PER_REQUEST, true))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(
                                new FeeNoticeIssued(ID, FEE_NOTICE, null, FeeMethod.PER_REQUEST)))));
        fixture.given(received())
                .when(new IssueFeeNotice(ID, FEE_NOTICE, null, FeeMethod.PER_REQUEST))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        // An amount the import does give is checked like a clerk's.
        fixture.given(received())
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("-1"), FeeMethod.PER_REQUEST, false))
                .expectException(RuleViolation.class);
    }
}
