package cn.foi.command.agency;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import cn.foi.command.agency.AgencyCommands.SetCaseNumberPattern;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.agency.AgencyCaseNumberPatternSet;
import cn.foi.events.agency.AgencyRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agency's own case-number pattern (ADR 24): checked as registration will use it; blank is the deployment's. */
class AgencyCaseNumberPatternTest {

    private static final AgencyRegistered XICHENG = new AgencyRegistered("xh", "北京市西城区人民政府", null);

    private FixtureConfiguration<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource((AgencyDirectory) code -> false);
    }

    @Test
    void anAgencySetsItsOwnPatternStrippedOfBlanks() {
        fixture.given(XICHENG)
                .when(new SetCaseNumberPattern("xh", "  西政依申〔{年}〕{序号:4}号 "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgencyCaseNumberPatternSet("xh", "西政依申〔{年}〕{序号:4}号"));
    }

    @Test
    void aBlankPatternGoesBackToTheDeploymentsPattern() {
        fixture.given(XICHENG, new AgencyCaseNumberPatternSet("xh", "XC{年}{序号:4}"))
                .when(new SetCaseNumberPattern("xh", "  "))
                .expectEvents(new AgencyCaseNumberPatternSet("xh", null));
    }

    @Test
    void savingThePatternInForceAgainRecordsNothing() {
        fixture.given(XICHENG, new AgencyCaseNumberPatternSet("xh", "XC{年}{序号:4}"))
                .when(new SetCaseNumberPattern("xh", "XC{年}{序号:4}"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void clearingAPatternNeverSetRecordsNothing() {
        fixture.given(XICHENG)
                .when(new SetCaseNumberPattern("xh", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPatternWithoutTheSequenceCouldTellNoSeriesAndIsRefused() {
        fixture.given(XICHENG)
                .when(new SetCaseNumberPattern("xh", "西政依申〔{年}〕号"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(allOf(containsString("{年}"), containsString("{序号}")))
                .expectNoEvents();
    }

    @Test
    void aPatternWithTheYearTwiceIsRefused() {
        fixture.given(XICHENG)
                .when(new SetCaseNumberPattern("xh", "{年}-{年}-{序号}"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aPatternWritingNumbersLongerThanACaseNumberMayBeIsRefused() {
        fixture.given(XICHENG)
                .when(new SetCaseNumberPattern("xh", "{年}-{序号:99}"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("超过 100 个字符"))
                .expectNoEvents();
    }

    @Test
    void aPatternOnTwoLinesIsRefused() {
        fixture.given(XICHENG)
                .when(new SetCaseNumberPattern("xh", "{年}\n{序号}"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("一行"))
                .expectNoEvents();
    }
}
