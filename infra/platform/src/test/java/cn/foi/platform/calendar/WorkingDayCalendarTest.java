package cn.foi.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The national calendar against the figures and worked examples of docs/domain.md §4. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.national();

    @ParameterizedTest(name = "{0} has {1} working days")
    @CsvSource({
            "2019, 250",
            "2020, 249",
            "2021, 250",
            "2022, 249",
            "2023, 249",
            "2024, 251",
            "2025, 248",
            "2026, 248"})
    void eachYearHasTheWorkingDaysOfTheStateCouncilNotice(int year, int workingDays) {
        assertThat(calendar.workingDaysInYear(year)).isEqualTo(workingDays);
    }

    @ParameterizedTest(name = "received {0}: working day {1} is {2}")
    @CsvSource({
            "2019-12-20, 20, 2020-01-19",
            "2019-12-20, 40, 2020-02-24",
            "2025-09-26, 20, 2025-10-30",
            "2025-09-26, 40, 2025-11-27",
            "2026-02-10, 20, 2026-03-16",
            "2024-12-20, 20, 2025-01-20",
            "2024-04-30,  7, 2024-05-13"})
    void periodsCountWorkingDaysFromTheDayAfter(LocalDate start, int workingDays, LocalDate expected) {
        assertThat(calendar.addWorkingDays(start, workingDays)).isEqualTo(expected);
    }

    @Test
    void theAnswerPeriodOfARequestReceivedBeforeTheSpringFestivalEndsOnAMakeUpSunday() {
        LocalDate due = calendar.addWorkingDays(LocalDate.of(2019, 12, 20), 20);

        assertThat(due).isEqualTo(LocalDate.of(2020, 1, 19));
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void aMakeUpSundayIsAWorkingDay() {
        LocalDate makeUpSunday = LocalDate.of(2020, 1, 19);
        LocalDate ordinarySunday = LocalDate.of(2020, 1, 12);

        assertThat(makeUpSunday.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(makeUpSunday)).isTrue();
        assertThat(calendar.isWorkingDay(ordinarySunday)).isFalse();
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 11))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 18))).isFalse();
    }

    @Test
    void aHolidayOnAWeekdayIsNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).isTrue();
    }

    @Test
    void aMakeUpSundayCountsInAPeriod() {
        LocalDate friday = LocalDate.of(2026, 1, 2);
        LocalDate makeUpSunday = LocalDate.of(2026, 1, 4);

        assertThat(calendar.isWorkingDay(makeUpSunday)).isTrue();
        assertThat(calendar.addWorkingDays(friday, 1)).isEqualTo(makeUpSunday);
    }

    @Test
    void anAdministratorsCalendarMakesASundayAWorkingDay() {
        LocalDate sunday = LocalDate.of(2027, 2, 7);
        WorkingDayCalendar entered = new WorkingDayCalendar(Set.of(LocalDate.of(2027, 2, 8)), Set.of(sunday));

        assertThat(entered.isWorkingDay(sunday)).isTrue();
        assertThat(entered.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(entered.addWorkingDays(LocalDate.of(2027, 2, 5), 2)).isEqualTo(LocalDate.of(2027, 2, 9));
    }

    @Test
    void workingDaysBetweenCountsAfterTheFirstDayUpToTheLast() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2019, 12, 20), LocalDate.of(2020, 1, 19))).isEqualTo(20);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2020, 1, 19), LocalDate.of(2019, 12, 20))).isEqualTo(-20);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 16))).isZero();
    }

    @Test
    void zeroWorkingDaysIsTheStartItself() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 15), 0)).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 2, 10), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingSkipsTheHeaderAndRefusesAnUnknownKindOfDay() throws IOException {
        String csv = "date,kind,name\n2027-02-07,workday,春节\n2027-02-08,holiday,春节\n";
        WorkingDayCalendar read = WorkingDayCalendar.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.isWorkingDay(LocalDate.of(2027, 2, 7))).isTrue();
        assertThat(read.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThatThrownBy(() -> WorkingDayCalendar.read(new ByteArrayInputStream(
                "date,kind,name\n# a comment\n\n2027-02-07,rest,春节\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown kind of day in line 4: rest");
    }
}
