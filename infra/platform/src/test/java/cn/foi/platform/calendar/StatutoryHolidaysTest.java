package cn.foi.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The statutory holidays derived from 《全国年节及纪念日放假办法》 against the notices and known dates. */
class StatutoryHolidaysTest {

    /** The holidays of the notices that ship with the system, with the name of their holiday. */
    private static Map<LocalDate, String> declaredHolidays() throws IOException {
        Map<LocalDate, String> days = new HashMap<>();
        try (InputStream in = StatutoryHolidaysTest.class.getResourceAsStream("/calendar/cn-holidays.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                if (cells.length == 3 && "holiday".equals(cells[1])) {
                    days.put(LocalDate.parse(cells[0]), cells[2]);
                }
            }
        }
        return days;
    }

    @ParameterizedTest(name = "every statutory day of {0} derived is a holiday of that year''s notice, of the same name")
    @ValueSource(ints = {2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026})
    void derivation_reproduces_the_notices(int year) throws IOException {
        Map<LocalDate, String> declared = declaredHolidays();

        SortedMap<LocalDate, String> derived = StatutoryHolidays.of(year);

        assertThat(derived).isNotEmpty();
        derived.forEach((day, name) -> assertThat(declared.get(day))
                .as("%s (%s) in the notice of %d", day, name, year)
                .isNotNull()
                .contains(name));
    }

    @ParameterizedTest(name = "{0} has {1} statutory days")
    @CsvSource({"2024, 11", "2025, 13", "2027, 13", "2040, 13"})
    void the_number_of_days_follows_the_amendment_in_force(int year, int days) {
        assertThat(StatutoryHolidays.of(year)).hasSize(days);
    }

    @Test
    void the_statutory_days_of_2027() {
        assertThat(StatutoryHolidays.of(2027)).containsOnlyKeys(
                LocalDate.of(2027, 1, 1),
                // 除夕 and 正月初一 to 初三 (the lunar new year is 2027-02-06, where ICU alone would say 02-07)
                LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 4, 5),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2),
                LocalDate.of(2027, 6, 9),
                LocalDate.of(2027, 9, 15),
                LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3));
    }

    @ParameterizedTest(name = "清明 {0}")
    @CsvSource({"2019-04-05", "2020-04-04", "2021-04-04", "2022-04-05", "2023-04-05", "2024-04-04", "2025-04-04",
            "2026-04-05", "2027-04-05", "2028-04-04", "2029-04-04", "2030-04-05", "2031-04-05", "2032-04-04"})
    void qingming_is_the_day_of_the_solar_term(LocalDate day) {
        assertThat(StatutoryHolidays.qingming(day.getYear())).isEqualTo(day);
    }

    @Test
    void years_before_the_2013_amendment_are_not_derived() {
        assertThat(StatutoryHolidays.of(2013)).isEmpty();
        assertThat(StatutoryHolidays.derivable(2014)).isTrue();
    }

    @Test
    void a_calendar_with_derived_years_rests_on_the_statutory_weekdays_of_an_undeclared_year_only() {
        WorkingDayCalendar calendar = WorkingDayCalendar.withDerivedYears(Set.of(), Set.of(), Set.of(2026));

        assertThat(LocalDate.of(2027, 1, 1).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isDerivedYear(2027)).isTrue();
        // A statutory day on a weekend adds nothing, and no weekend is a make-up working day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 2))).isFalse();
        // A declared year is exactly what was declared (here: nothing).
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(calendar.isDerivedYear(2026)).isFalse();
        assertThat(calendar.countsDerivedDays(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(calendar.countsDerivedDays(LocalDate.of(2026, 12, 4), LocalDate.of(2027, 1, 4))).isTrue();
        // The plain calendar derives nothing.
        assertThat(new WorkingDayCalendar(Set.of(), Set.of()).isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
    }
}
