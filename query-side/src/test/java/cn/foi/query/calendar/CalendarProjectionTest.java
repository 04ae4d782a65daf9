package cn.foi.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.TestFixtures;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.persistence.QueryDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calendar projection and the calendars built from it, on a real PostgreSQL. */
class CalendarProjectionTest {

    private static final LocalDate NEW_YEARS_DAY_2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate MAKE_UP_SUNDAY_2020 = LocalDate.of(2020, 1, 19);
    private static final LocalDate SPRING_FESTIVAL_FRIDAY_2020 = LocalDate.of(2020, 1, 24);
    private static final LocalDate MAKE_UP_SUNDAY_2021 = LocalDate.of(2021, 2, 7);
    private static final LocalDate ORDINARY_TUESDAY_2020 = LocalDate.of(2020, 3, 10);

    private static QueryDatabase database;
    private static CalendarProjection projection;
    private static DirectoryProjection directory;
    private static AgencyCalendars calendar;

    @BeforeAll
    static void database() {
        database = TestFixtures.database("calendar_test");
        projection = new CalendarProjection(database);
        directory = new DirectoryProjection(database, change -> { });
        calendar = new AgencyCalendars(database);
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    @BeforeEach
    void empty() {
        projection.reset();
        directory.reset();
        // 市 → 甲区 → 甲区一街道; 乙区 is 甲区's sibling.
        directory.on(new AgencyRegistered("CITY", "某市人民政府", null));
        directory.on(new AgencyRegistered("DIST_A", "甲区人民政府", "CITY"));
        directory.on(new AgencyRegistered("STREET_A1", "甲区一街道办事处", "DIST_A"));
        directory.on(new AgencyRegistered("DIST_B", "乙区人民政府", "CITY"));
    }

    private static void declareNationalYears() {
        TestFixtures.nationalYears().forEach(projection::on);
    }

    @Test
    void theShippedNationalDatesDeclaredYearByYearGiveTheOfficialNumberOfWorkingDays() {
        declareNationalYears();

        WorkingDayCalendar national = calendar.forAgency("CITY");
        assertThat(List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026).stream()
                .map(national::workingDaysInYear).toList())
                .containsExactly(250, 249, 250, 249, 249, 251, 248, 248);
        assertThat(national.addWorkingDays(LocalDate.of(2019, 12, 20), 20)).isEqualTo(MAKE_UP_SUNDAY_2020);
    }

    @Test
    void declaringAYearReplacesThatYearOnly() {
        declareNationalYears();

        projection.on(new CalendarYearDeclared(2020, List.of(NEW_YEARS_DAY_2020), List.of(), "更正"));

        WorkingDayCalendar national = calendar.forAgency("CITY");
        assertThat(national.isWorkingDay(NEW_YEARS_DAY_2020)).isFalse();
        assertThat(national.isWorkingDay(MAKE_UP_SUNDAY_2020)).isFalse();
        assertThat(national.isWorkingDay(SPRING_FESTIVAL_FRIDAY_2020)).isTrue();
        assertThat(national.isWorkingDay(MAKE_UP_SUNDAY_2021)).isTrue();
        assertThat(national.workingDaysInYear(2021)).isEqualTo(250);
    }

    @Test
    void aSecondDeclarationOfTheSameYearReplacesTheFirst() {
        projection.on(new CalendarYearDeclared(2020, List.of(ORDINARY_TUESDAY_2020), List.of(MAKE_UP_SUNDAY_2020),
                "初次公布"));
        projection.on(new CalendarYearDeclared(2020, List.of(SPRING_FESTIVAL_FRIDAY_2020), List.of(), "更正"));

        assertThat(rows()).containsExactly(Map.of("scope", "CN", "day", java.sql.Date.valueOf(
                SPRING_FESTIVAL_FRIDAY_2020), "kind", "HOLIDAY"));
        WorkingDayCalendar national = calendar.forAgency("CITY");
        assertThat(national.isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();
        assertThat(national.isWorkingDay(MAKE_UP_SUNDAY_2020)).isFalse();
    }

    @Test
    void regionalDaysApplyToTheAgencyAndTheAgenciesUnderItButNotToASibling() {
        declareNationalYears();

        projection.on(new RegionalDaysDeclared("DIST_A", 2020, List.of(ORDINARY_TUESDAY_2020), List.of(), "民族节日"));

        assertThat(calendar.forAgency("DIST_A").isWorkingDay(ORDINARY_TUESDAY_2020)).isFalse();
        assertThat(calendar.forAgency("STREET_A1").isWorkingDay(ORDINARY_TUESDAY_2020)).isFalse();
        assertThat(calendar.forAgency("DIST_B").isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();
        assertThat(calendar.forAgency("CITY").isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();
    }

    @Test
    void aRegionalHolidayBeatsANationalMakeUpDayAndARegionalWorkdayBeatsANationalHoliday() {
        declareNationalYears();

        projection.on(new RegionalDaysDeclared("DIST_A", 2020, List.of(MAKE_UP_SUNDAY_2020),
                List.of(SPRING_FESTIVAL_FRIDAY_2020), "调整"));

        WorkingDayCalendar region = calendar.forAgency("STREET_A1");
        assertThat(region.isWorkingDay(MAKE_UP_SUNDAY_2020)).isFalse();
        assertThat(region.isWorkingDay(SPRING_FESTIVAL_FRIDAY_2020)).isTrue();
        WorkingDayCalendar sibling = calendar.forAgency("DIST_B");
        assertThat(sibling.isWorkingDay(MAKE_UP_SUNDAY_2020)).isTrue();
        assertThat(sibling.isWorkingDay(SPRING_FESTIVAL_FRIDAY_2020)).isFalse();
    }

    @Test
    void theDeclarationNearestTheAgencyWins() {
        projection.on(new RegionalDaysDeclared("CITY", 2020, List.of(ORDINARY_TUESDAY_2020), List.of(), "全市"));
        projection.on(new RegionalDaysDeclared("DIST_A", 2020, List.of(), List.of(ORDINARY_TUESDAY_2020), "本区"));

        assertThat(calendar.forAgency("STREET_A1").isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();
        assertThat(calendar.forAgency("DIST_B").isWorkingDay(ORDINARY_TUESDAY_2020)).isFalse();
    }

    @Test
    void aCachedCalendarGivesWayToEveryNewDeclaration() {
        declareNationalYears();
        Map<String, WorkingDayCalendar> before = calendar.forAgencies(List.of("STREET_A1", "DIST_B"));
        assertThat(before.get("STREET_A1").isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();
        assertThat(calendar.forAgency("STREET_A1")).isSameAs(before.get("STREET_A1"));

        projection.on(new RegionalDaysDeclared("DIST_A", 2020, List.of(ORDINARY_TUESDAY_2020), List.of(), "临时"));
        assertThat(calendar.forAgency("STREET_A1").isWorkingDay(ORDINARY_TUESDAY_2020)).isFalse();

        projection.reset();
        assertThat(calendar.forAgency("STREET_A1").isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();
        assertThat(calendar.forAgency("STREET_A1").isWorkingDay(SPRING_FESTIVAL_FRIDAY_2020)).isTrue();
    }

    @Test
    void anAgencyRegisteredAfterItsCalendarWasBuiltGetsTheRegionalDaysOfItsParents() {
        projection.on(new RegionalDaysDeclared("DIST_A", 2020, List.of(ORDINARY_TUESDAY_2020), List.of(), "本区"));
        assertThat(calendar.forAgency("STREET_A2").isWorkingDay(ORDINARY_TUESDAY_2020)).isTrue();

        directory.on(new AgencyRegistered("STREET_A2", "甲区二街道办事处", "DIST_A"));

        assertThat(calendar.forAgency("STREET_A2").isWorkingDay(ORDINARY_TUESDAY_2020)).isFalse();
    }

    @Test
    void handlingTheSameDeclarationsAgainChangesNothing() {
        declareNationalYears();
        RegionalDaysDeclared regional = new RegionalDaysDeclared("DIST_A", 2020, List.of(ORDINARY_TUESDAY_2020),
                List.of(LocalDate.of(2020, 3, 14)), "民族节日");
        projection.on(regional);
        List<Map<String, Object>> once = rows();

        declareNationalYears();
        projection.on(regional);

        assertThat(rows()).isEqualTo(once);
    }

    private static List<Map<String, Object>> rows() {
        return database.jdbc().queryForList("select scope, day, kind from calendar_day order by scope, day");
    }
}
