package cn.foi.command.access;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import cn.foi.command.access.UserCommands.ChangeEmail;
import cn.foi.command.access.UserCommands.MarkRemindersRead;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.access.RemindersRead;
import cn.foi.events.access.Role;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserEmailChanged;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's e-mail address for the daily digest, and the reminders they marked read. */
class UserAccountRemindersTest {

    private static final String HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5RdK9nJmS4y8jQyxvY3f5xW";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final UserAccountCreated CREATED = new UserAccountCreated("zhang.san", HASH, Role.CLERK, "xh");
    private static final String OVERDUE = "0f8e7d6c-1a2b-4c3d-9e8f-123456789abc:OVERDUE:2026-11-30";
    private static final String SUPPLEMENT = "0f8e7d6c-1a2b-4c3d-9e8f-123456789abc:SUPPLEMENT_DEADLINE_PASSED:2026-11-20";

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource((AgencyDirectory) Set.of("xh")::contains);
        fixture.registerInjectableResource((UserDirectory) Set.of("admin")::contains);
        fixture.registerInjectableResource((Administrators) () -> 2);
    }

    @Test
    void givenAUserWhenAnAddressIsSetThenItIsRecordedWithoutSurroundingSpaces() {
        fixture.given(CREATED)
                .when(new ChangeEmail("zhang.san", "  zhang.san@xh.gov.cn "))
                .expectEvents(new UserEmailChanged("zhang.san", "zhang.san@xh.gov.cn"));
    }

    @Test
    void givenAnAddressWhenAnEmptyOneIsGivenThenItIsCleared() {
        fixture.given(CREATED, new UserEmailChanged("zhang.san", "zhang.san@xh.gov.cn"))
                .when(new ChangeEmail("zhang.san", ""))
                .expectEvents(new UserEmailChanged("zhang.san", null));
    }

    @Test
    void givenAnAddressWhenTheSameIsGivenAgainThenNothingIsRecorded() {
        fixture.given(CREATED, new UserEmailChanged("zhang.san", "zhang.san@xh.gov.cn"))
                .when(new ChangeEmail("zhang.san", "zhang.san@xh.gov.cn"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenNoAddressWhenClearingThenNothingIsRecorded() {
        fixture.given(CREATED)
                .when(new ChangeEmail("zhang.san", "  "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAddressWithoutADomainIsRefusedNamingTheField() {
        for (String bad : List.of("zhang.san", "zhang.san@xh", "张三@xh.gov.cn", "a b@xh.gov.cn", "a@@xh.gov.cn")) {
            fixture.given(CREATED)
                    .when(new ChangeEmail("zhang.san", bad))
                    .expectException(violation(Kind.INVALID, "EMAIL_FORMAT"))
                    .expectExceptionMessage(containsString("电子邮箱（email）格式不正确"))
                    .expectNoEvents();
        }
    }

    @Test
    void anAddressLongerThanTheCatalogueAllowsIsRefused() {
        String tooLong = "a".repeat(250) + "@xh.gov.cn";
        fixture.given(CREATED)
                .when(new ChangeEmail("zhang.san", tooLong))
                .expectException(violation(Kind.INVALID, "TEXT_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void givenAUserWhenRemindersAreMarkedReadThenTheirKeysAreRecorded() {
        fixture.given(CREATED)
                .when(new MarkRemindersRead("zhang.san", List.of(OVERDUE, SUPPLEMENT), NOW))
                .expectEvents(new RemindersRead("zhang.san", List.of(OVERDUE, SUPPLEMENT), NOW));
    }

    @Test
    void givenAReminderReadWhenItIsMarkedAgainWithAnotherThenOnlyTheNewOneIsRecorded() {
        fixture.given(CREATED, new RemindersRead("zhang.san", List.of(OVERDUE), NOW))
                .when(new MarkRemindersRead("zhang.san", List.of(OVERDUE, SUPPLEMENT, SUPPLEMENT), NOW))
                .expectEvents(new RemindersRead("zhang.san", List.of(SUPPLEMENT), NOW));
    }

    @Test
    void givenEveryReminderReadWhenMarkedAgainThenNothingIsRecorded() {
        fixture.given(CREATED, new RemindersRead("zhang.san", List.of(OVERDUE, SUPPLEMENT), NOW))
                .when(new MarkRemindersRead("zhang.san", List.of(SUPPLEMENT), NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void markingNothingIsRefused() {
        fixture.given(CREATED)
                .when(new MarkRemindersRead("zhang.san", List.of(), NOW))
                .expectException(violation(Kind.INVALID, "REMINDER_KEYS_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aKeyTheSystemCouldNotHaveMadeIsRefused() {
        for (String bad : List.of("anything", "r1:UNKNOWN_KIND:2026-11-30", "r1:OVERDUE:yesterday",
                "r 1:OVERDUE:2026-11-30")) {
            fixture.given(CREATED)
                    .when(new MarkRemindersRead("zhang.san", List.of(OVERDUE, bad), NOW))
                    .expectException(violation(Kind.INVALID, "REMINDER_KEY_FORMAT"))
                    .expectExceptionMessage(containsString("提醒标识（keys）"))
                    .expectNoEvents();
        }
    }

    @Test
    void moreKeysThanOneMarkTakesAreRefused() {
        List<String> many = Collections.nCopies(UserAccount.MAX_KEYS_PER_MARK + 1, OVERDUE);
        fixture.given(CREATED)
                .when(new MarkRemindersRead("zhang.san", many, NOW))
                .expectException(violation(Kind.INVALID, "REMINDER_KEYS_TOO_MANY"))
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
}
