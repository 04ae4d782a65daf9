package cn.foi.command.access;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import cn.foi.command.access.UserCommands.ChangePassword;
import cn.foi.command.access.UserCommands.ChangeUserAssignment;
import cn.foi.command.access.UserCommands.CreateUserAccount;
import cn.foi.command.access.UserCommands.DeactivateUser;
import cn.foi.command.access.UserCommands.ReactivateUser;
import cn.foi.events.access.UserAssignmentChanged;
import cn.foi.events.access.UserDeactivated;
import cn.foi.events.access.UserReactivated;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.access.Role;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserSignedOut;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final String HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5RdK9nJmS4y8jQyxvY3f5xW";
    private static final String NEW_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        Set<String> agencies = Set.of("xh", "xh-fgw");
        Set<String> users = Set.of("admin", "wang.li");
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource((AgencyDirectory) agencies::contains);
        fixture.registerInjectableResource((UserDirectory) users::contains);
        fixture.registerInjectableResource((Administrators) () -> activeAdministrators);
    }

    private int activeAdministrators = 2;
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void deactivatingAUserEndsTheirSessions() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new DeactivateUser("zhang.san", "admin", NOW))
                .expectEvents(new UserDeactivated("zhang.san", NOW));
    }

    @Test
    void anAdministratorCannotDeactivateThemselves() {
        fixture.given(new UserAccountCreated("root2", HASH, Role.ADMIN, null))
                .when(new DeactivateUser("root2", "root2", NOW))
                .expectException(violation(Kind.INVALID, "USER_SELF_DEACTIVATION"))
                .expectNoEvents();
    }

    @Test
    void theLastActiveAdministratorIsNotDeactivated() {
        activeAdministrators = 1;
        fixture.given(new UserAccountCreated("root2", HASH, Role.ADMIN, null))
                .when(new DeactivateUser("root2", "admin", NOW))
                .expectException(violation(Kind.CONFLICT, "LAST_ADMINISTRATOR"))
                .expectNoEvents();
    }

    @Test
    void theLastActiveAdministratorKeepsTheRole() {
        activeAdministrators = 1;
        fixture.given(new UserAccountCreated("root2", HASH, Role.ADMIN, null))
                .when(new ChangeUserAssignment("root2", Role.SUPERVISOR, "xh", "admin", NOW))
                .expectException(violation(Kind.CONFLICT, "LAST_ADMINISTRATOR"))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedUserIsReactivated() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"),
                        new UserDeactivated("zhang.san", NOW))
                .when(new ReactivateUser("zhang.san"))
                .expectEvents(new UserReactivated("zhang.san"));
    }

    @Test
    void deactivatingTwiceIsRefused() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"),
                        new UserDeactivated("zhang.san", NOW))
                .when(new DeactivateUser("zhang.san", "admin", NOW))
                .expectException(violation(Kind.CONFLICT, "USER_ALREADY_INACTIVE"))
                .expectNoEvents();
    }

    @Test
    void aClerkMovedToAnotherAgencyAsSupervisor() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new ChangeUserAssignment("zhang.san", Role.SUPERVISOR, "xh", "admin", NOW))
                .expectEvents(new UserAssignmentChanged("zhang.san", Role.SUPERVISOR, "xh", NOW));
    }

    @Test
    void aClerkNeedsAnAgencyAfterAChangeToo() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new ChangeUserAssignment("zhang.san", Role.CLERK, "", "admin", NOW))
                .expectException(violation(Kind.INVALID, "AGENCY_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void anUnknownAgencyIsRefused() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new ChangeUserAssignment("zhang.san", Role.CLERK, "nowhere", "admin", NOW))
                .expectException(violation(Kind.INVALID, "AGENCY_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotChangeTheirOwnRole() {
        fixture.given(new UserAccountCreated("root2", HASH, Role.ADMIN, null))
                .when(new ChangeUserAssignment("root2", Role.CLERK, "xh", "root2", NOW))
                .expectException(violation(Kind.INVALID, "USER_SELF_ASSIGNMENT"))
                .expectNoEvents();
    }

    @Test
    void creatingAClerkOfAnAgency() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"));
    }

    @Test
    void creatingASupervisorOfAnAgency() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("li.si@xh", HASH, Role.SUPERVISOR, "xh"))
                .expectEvents(new UserAccountCreated("li.si@xh", HASH, Role.SUPERVISOR, "xh"));
    }

    @Test
    void anAdministratorNeedsNoAgency() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("root2", HASH, Role.ADMIN, " "))
                .expectEvents(new UserAccountCreated("root2", HASH, Role.ADMIN, null));
    }

    @Test
    void signingOutRecordsWhenTheUsersSessionsEnded() {
        Instant at = Instant.parse("2026-11-23T09:30:00Z");
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new UserCommands.EndSessions("zhang.san", at))
                .expectEvents(new UserSignedOut("zhang.san", at));
    }

    @Test
    void changingThePasswordRecordsTheNewHash() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new ChangePassword("zhang.san", NEW_HASH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserPasswordChanged("zhang.san", NEW_HASH));
    }

    @Test
    void cannotCreateAUsernameOfOneCharacter() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("z", HASH, Role.CLERK, "xh"))
                .expectException(violation(Kind.INVALID, "USERNAME_FORMAT"))
                .expectExceptionMessage(containsString("用户名须为 2 至 64 位字母、数字或 . _ @ -"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAUsernameWithSpacesOrChineseCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("张 三", HASH, Role.CLERK, "xh"))
                .expectException(violation(Kind.INVALID, "USERNAME_FORMAT"))
                .expectExceptionMessage(containsString("且以字母或数字开头"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAnAccountWithoutARole() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("zhang.san", HASH, null, "xh"))
                .expectException(violation(Kind.INVALID, "ROLE_REQUIRED"))
                .expectExceptionMessage(containsString("请选择角色"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateATakenUsername() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("wang.li", HASH, Role.CLERK, "xh"))
                .expectException(violation(Kind.CONFLICT, "USERNAME_TAKEN"))
                .expectExceptionMessage(containsString("用户名 wang.li 已被使用"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAClerkWithoutAnAgency() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("zhang.san", HASH, Role.CLERK, null))
                .expectException(violation(Kind.INVALID, "AGENCY_REQUIRED"))
                .expectExceptionMessage(containsString("经办人和主管须属于一个机关"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateASupervisorWithABlankAgency() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("zhang.san", HASH, Role.SUPERVISOR, "  "))
                .expectException(violation(Kind.INVALID, "AGENCY_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateAnAccountOfAnUnknownAgency() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("zhang.san", HASH, Role.CLERK, "hd"))
                .expectException(violation(Kind.INVALID, "AGENCY_UNKNOWN"))
                .expectExceptionMessage(containsString("机关 hd 不存在"))
                .expectNoEvents();
    }

    private static Matcher<Object> violation(Kind kind, String rule) {
        return allOf(instanceOf(RuleViolation.class), new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.kind() == kind && rule.equals(v.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + kind + " of rule " + rule);
            }
        });
    }

    @Test
    void aGeneratedPasswordMustBeChangedAtTheFirstSignIn() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("admin2", HASH, Role.ADMIN, null, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserAccountCreated("admin2", HASH, Role.ADMIN, null),
                        new cn.foi.events.access.UserPasswordChangeRequired("admin2"));
    }

    @Test
    void aPasswordResetByAnAdministratorMustBeChangedAtTheNextSignIn() {
        fixture.given(new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh-fgw"))
                .when(new ChangePassword("zhang.san", NEW_HASH, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserPasswordChanged("zhang.san", NEW_HASH),
                        new cn.foi.events.access.UserPasswordChangeRequired("zhang.san"));
    }
}
