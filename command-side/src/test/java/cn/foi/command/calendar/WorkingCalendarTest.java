package cn.foi.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.CalendarCommands.DeclareCalendarYear;
import cn.foi.command.calendar.CalendarCommands.DeclareRegionalDays;
import cn.foi.command.calendar.CalendarCommands.PreviewCalendarYear;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2027, 2, 20);
    /** Today, for the rules that depend on whether a year is under way. */
    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate NEW_YEAR_2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate SPRING_FESTIVAL_2025 = LocalDate.of(2025, 1, 28);
    private static final LocalDate MAKE_UP_SUNDAY_2025 = LocalDate.of(2025, 1, 26);
    private static final CalendarYearDeclared YEAR_2025 = new CalendarYearDeclared(2025,
            List.of(NEW_YEAR_2025, SPRING_FESTIVAL_2025), List.of(MAKE_UP_SUNDAY_2025), "国办发明电〔2024〕12号");

    private AggregateTestFixture<WorkingCalendar> fixture;
    /** The days the aggregate asked about; 45 open requests have one of them in their answer period. */
    private final Set<LocalDate> askedAbout = new TreeSet<>();

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(WorkingCalendar.class);
        fixture.registerInjectableResource((AgencyDirectory) "JD01"::equals);
        fixture.registerInjectableResource(JUNE_2026);
        fixture.registerInjectableResource((CalendarImpact) days -> {
            askedAbout.addAll(days);
            return 45;
        });
    }

    @Test
    void declaringAPastYearAgainWithoutItsHolidaysIsRefusedUnlessConfirmedAndNamesWhatWouldChange() {
        fixture.given(YEAR_2025)
                .when(new DeclareCalendarYear("CN", 2025, List.of(), List.of(), "更正"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(allOf(containsString("取消已公布的 3 天"), containsString("2025-01-01"),
                        containsString("45 件未办结申请"), containsString("confirm")))
                .expectNoEvents();
        assertThat(askedAbout).containsExactly(NEW_YEAR_2025, MAKE_UP_SUNDAY_2025, SPRING_FESTIVAL_2025);
    }

    @Test
    void aConfirmedChangeOfAPastYearStillNeedsAReason() {
        fixture.given(YEAR_2025)
                .when(new DeclareCalendarYear("CN", 2025, List.of(NEW_YEAR_2025), List.of(), "更正", true, "  "))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("更改原因"))
                .expectNoEvents();
    }

    @Test
    void aConfirmedChangeWithAReasonIsDeclaredWithWhoMadeItAndWhy() {
        fixture.given(YEAR_2025)
                .when(new DeclareCalendarYear("CN", 2025, List.of(NEW_YEAR_2025), List.of(), "更正", true,
                        " 春节日期录入有误 "), Map.of("actor", "admin"))
                .expectEvents(new CalendarYearDeclared(2025, List.of(NEW_YEAR_2025), List.of(), "更正",
                        "春节日期录入有误", "admin"));
    }

    @Test
    void aReasonLongerThan200CharactersIsRefused() {
        fixture.given(YEAR_2025)
                .when(new DeclareCalendarYear("CN", 2025, List.of(), List.of(), "更正", true, "因".repeat(201)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("最多 200 个字符"))
                .expectNoEvents();
    }

    @Test
    void theCurrentYearIsProtectedLikeAPastOne() {
        LocalDate labourDay = LocalDate.of(2026, 5, 1);
        fixture.given(new CalendarYearDeclared(2026, List.of(labourDay), List.of(), ""))
                .when(new DeclareCalendarYear("CN", 2026, List.of(), List.of(), ""))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("2026-05-01"))
                .expectNoEvents();
    }

    @Test
    void aFutureYearOrOneThatOnlyAddsDaysNeedsNoConfirmation() {
        fixture.given(YEAR_2025, new CalendarYearDeclared(2027, List.of(NEW_YEAR), List.of(), ""))
                .when(new DeclareCalendarYear("CN", 2027, List.of(), List.of(), "更正"))
                .expectEvents(new CalendarYearDeclared(2027, List.of(), List.of(), "更正"));
        LocalDate extraDay = LocalDate.of(2025, 1, 27);
        fixture.given(YEAR_2025)
                .when(new DeclareCalendarYear("CN", 2025, List.of(NEW_YEAR_2025, extraDay, SPRING_FESTIVAL_2025),
                        List.of(MAKE_UP_SUNDAY_2025), "补充"))
                .expectEvents(new CalendarYearDeclared(2025, List.of(NEW_YEAR_2025, extraDay, SPRING_FESTIVAL_2025),
                        List.of(MAKE_UP_SUNDAY_2025), "补充"));
    }

    @Test
    void aPreviewTellsWhatWouldChangeAndStoresNothing() {
        LocalDate extraDay = LocalDate.of(2025, 1, 27);
        fixture.given(YEAR_2025)
                .when(new PreviewCalendarYear("CN", 2025, List.of(extraDay), List.of(MAKE_UP_SUNDAY_2025)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CalendarYearPreview(2025, List.of(extraDay),
                        List.of(NEW_YEAR_2025, SPRING_FESTIVAL_2025), 45, true))
                .expectNoEvents();
    }

    @Test
    void anAdministratorDeclaresANewYearsSchedule() {
        fixture.givenNoPriorActivity()
                .when(new DeclareCalendarYear("CN", 2027, List.of(NEW_YEAR.plusDays(1), NEW_YEAR),
                        List.of(MAKE_UP_SATURDAY), "国办发明电〔2026〕X号"))
                .expectEvents(new CalendarYearDeclared(2027, List.of(NEW_YEAR, NEW_YEAR.plusDays(1)),
                        List.of(MAKE_UP_SATURDAY), "国办发明电〔2026〕X号"));
    }

    @Test
    void aYearCanBeDeclaredAgainToCorrectIt() {
        fixture.given(new CalendarYearDeclared(2027, List.of(NEW_YEAR), List.of(), ""))
                .when(new DeclareCalendarYear("CN", 2027, List.of(NEW_YEAR, NEW_YEAR.plusDays(3)), List.of(), "更正"))
                .expectEvents(new CalendarYearDeclared(2027, List.of(NEW_YEAR, NEW_YEAR.plusDays(3)), List.of(),
                        "更正"));
    }

    @Test
    void aMakeUpWorkingDayMustFallOnAWeekend() {
        fixture.givenNoPriorActivity()
                .when(new DeclareCalendarYear("CN", 2027, List.of(), List.of(LocalDate.of(2027, 2, 22)), ""))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不是周六或周日"))
                .expectNoEvents();
    }

    @Test
    void everyDayMustBelongToTheDeclaredYear() {
        fixture.givenNoPriorActivity()
                .when(new DeclareCalendarYear("CN", 2027, List.of(LocalDate.of(2026, 12, 31)), List.of(), ""))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不在 2027 年内"))
                .expectNoEvents();
    }

    @Test
    void aDayCannotBeBothAHolidayAndAWorkingDay() {
        fixture.givenNoPriorActivity()
                .when(new DeclareCalendarYear("CN", 2027, List.of(MAKE_UP_SATURDAY), List.of(MAKE_UP_SATURDAY), ""))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("既放假又上班"))
                .expectNoEvents();
    }

    @Test
    void aRegionDeclaresItsExtraDaysWithAReason() {
        LocalDate festival = LocalDate.of(2026, 7, 15);
        fixture.givenNoPriorActivity()
                .when(new DeclareRegionalDays("JD01", 2026, List.of(festival), List.of(), "某自治州民族节日"))
                .expectEvents(new RegionalDaysDeclared("JD01", 2026, List.of(festival), List.of(), "某自治州民族节日"));
    }

    @Test
    void regionalDaysNeedAKnownAgency() {
        fixture.givenNoPriorActivity()
                .when(new DeclareRegionalDays("XX99", 2026, List.of(), List.of(), "某节日"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("XX99"))
                .expectNoEvents();
    }

    @Test
    void regionalDaysNeedAReason() {
        fixture.givenNoPriorActivity()
                .when(new DeclareRegionalDays("JD01", 2026, List.of(), List.of(), " "))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("依据"))
                .expectNoEvents();
    }
}
