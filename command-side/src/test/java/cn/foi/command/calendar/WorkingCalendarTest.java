package cn.foi.command.calendar;

import static org.hamcrest.Matchers.containsString;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.CalendarCommands.DeclareCalendarYear;
import cn.foi.command.calendar.CalendarCommands.DeclareRegionalDays;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2027, 2, 20);
    private AggregateTestFixture<WorkingCalendar> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(WorkingCalendar.class);
        fixture.registerInjectableResource((AgencyDirectory) "JD01"::equals);
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
