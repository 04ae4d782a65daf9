package cn.foi.command.request;

import cn.foi.command.access.HandlerDirectory;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.request.RequestCommands.AssignHandler;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.access.Role;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given-When-Then: who may be a request's handler (承办人), and how it changes hands. */
class DisclosureRequestAssignmentTest {

    /** 2026-06-30 in Beijing (02:00 UTC): the office's date of every assignment below. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final String ID = "req-0001";
    private static final String AGENCY = "xh-fgw";
    private static final String OTHER_AGENCY = "xh-tqjd";

    /** The users as the command side's directory knows them. */
    private static final Map<String, HandlerDirectory.Candidate> USERS = Map.of(
            "zhangsan", new HandlerDirectory.Candidate("zhangsan", Role.CLERK, AGENCY, true),
            "lisi", new HandlerDirectory.Candidate("lisi", Role.SUPERVISOR, AGENCY, true),
            "wangwu", new HandlerDirectory.Candidate("wangwu", Role.CLERK, OTHER_AGENCY, true),
            "admin", new HandlerDirectory.Candidate("admin", Role.ADMIN, null, true),
            "zhaoliu", new HandlerDirectory.Candidate("zhaoliu", Role.CLERK, AGENCY, false));

    private FixtureConfiguration<DisclosureRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        fixture.registerInjectableResource((AgencyCounting) agency -> new AgencyCounting.Counting(
                WorkingDayCalendar.national(), false, true));
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((AgencyDirectory) Set.of(AGENCY, OTHER_AGENCY)::contains);
        fixture.registerInjectableResource((HandlerDirectory) name -> Optional.ofNullable(USERS.get(name.toLowerCase())));
    }

    private static RequestReceived received() {
        return new RequestReceived(ID, AGENCY, "西发改依〔2026〕1号",
                new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.IN_PERSON,
                LocalDate.of(2026, 5, 11), null, LocalDate.of(2026, 5, 11), "2025年某地块规划许可文件", 1,
                RequestedForm.ELECTRONIC);
    }

    @Test
    void aClerkOfTheAgencyBecomesTheHandler() {
        fixture.given(received())
                .when(new AssignHandler(ID, "zhangsan", "lisi"))
                .expectEvents(new RequestAssigned(ID, "zhangsan", "lisi", TODAY));
    }

    @Test
    void theHandlerIsNamedAsTheAccountSpellsIt() {
        fixture.given(received())
                .when(new AssignHandler(ID, " ZhangSan ", "lisi"))
                .expectEvents(new RequestAssigned(ID, "zhangsan", "lisi", TODAY));
    }

    @Test
    void aSupervisorOfTheAgencyMayHandleARequestToo() {
        fixture.given(received())
                .when(new AssignHandler(ID, "lisi", "lisi"))
                .expectEvents(new RequestAssigned(ID, "lisi", "lisi", TODAY));
    }

    @Test
    void theRequestChangesHands() {
        fixture.given(received(), new RequestAssigned(ID, "zhangsan", "lisi", TODAY.minusDays(3)))
                .when(new AssignHandler(ID, "lisi", "lisi"))
                .expectEvents(new RequestAssigned(ID, "lisi", "lisi", TODAY));
    }

    @Test
    void anEmptyHandlerLeavesTheRequestWithoutOne() {
        fixture.given(received(), new RequestAssigned(ID, "zhangsan", "lisi", TODAY.minusDays(3)))
                .when(new AssignHandler(ID, "", "lisi"))
                .expectEvents(new RequestAssigned(ID, null, "lisi", TODAY));
    }

    @Test
    void givingItToTheSameHandlerAgainChangesNothing() {
        fixture.given(received(), new RequestAssigned(ID, "zhangsan", "lisi", TODAY.minusDays(3)))
                .when(new AssignHandler(ID, "zhangsan", "lisi"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aUserOfAnotherAgencyIsRefused() {
        fixture.given(received())
                .when(new AssignHandler(ID, "wangwu", "lisi"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("承办人“wangwu”不是本机关（xh-fgw）的用户，不能承办本机关的申请")
                .expectNoEvents();
    }

    @Test
    void anAdministratorIsNoHandler() {
        fixture.given(received())
                .when(new AssignHandler(ID, "admin", "lisi"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownUserIsRefused() {
        fixture.given(received())
                .when(new AssignHandler(ID, "nobody", "lisi"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("承办人“nobody”不是本系统的用户")
                .expectNoEvents();
    }

    /** Accounts cannot be deactivated yet; the rule waits for the directory to report one. */
    @Test
    void aDeactivatedUserIsRefused() {
        fixture.given(received())
                .when(new AssignHandler(ID, "zhaoliu", "lisi"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("用户“zhaoliu”已停用，不能指定为承办人")
                .expectNoEvents();
    }

    /** Its appeals still need someone to answer them. */
    @Test
    void aClosedRequestMayStillChangeHands() {
        fixture.given(received(), new RequestDecided(ID, Outcome.R3_1, LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 6, 2), ""))
                .when(new AssignHandler(ID, "lisi", "lisi"))
                .expectEvents(new RequestAssigned(ID, "lisi", "lisi", TODAY));
    }
}
