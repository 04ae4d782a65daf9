package cn.foi.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The official working-day calendar (pure arithmetic, shared by both sides): weekdays work, weekends rest, except the dates of the State Council's yearly notice
 * (holidays, and make-up working days on weekends, 调休). Statutory periods count working days on it.
 */
public final class WorkingDayCalendar {

    private static final String NATIONAL_DATES = "/calendar/cn-holidays.csv";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    /** The years whose national notice is declared; null when no year is derived (the dates given are all there is). */
    private final Set<Integer> declaredYears;

    /** A calendar of exactly the given dates: an undeclared year is plain Monday to Friday. */
    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this(holidays, makeUpWorkdays, null);
    }

    private WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, Set<Integer> declaredYears) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        this.declaredYears = declaredYears == null ? null : Set.copyOf(declaredYears);
    }

    /**
     * A calendar whose years without a declared national notice rest on the statutory holidays derived for them
     * ({@link StatutoryHolidays}: the days themselves, no shifting, no make-up days). Dates given for such a year (a
     * region's) still apply over the derived ones. Periods that count a day of a derived year are provisional.
     */
    public static WorkingDayCalendar withDerivedYears(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays,
                                                      Set<Integer> declaredNationalYears) {
        return new WorkingDayCalendar(holidays, makeUpWorkdays, declaredNationalYears);
    }

    /** Whether the year's days are derived from the law rather than declared by its notice. */
    public boolean isDerivedYear(int year) {
        return declaredYears != null && !declaredYears.contains(year) && StatutoryHolidays.derivable(year);
    }

    /** Whether a period counted after {@code from} up to and including {@code to} counts a day of a derived year. */
    public boolean countsDerivedDays(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return false;
        }
        LocalDate first = from.isBefore(to) ? from.plusDays(1) : to;
        LocalDate last = from.isBefore(to) ? to : from;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (isDerivedYear(year)) {
                return true;
            }
        }
        return false;
    }

    /** The national dates of 2019–2026 that ship with the system. */
    public static WorkingDayCalendar national() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(NATIONAL_DATES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + NATIONAL_DATES);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped file's form: a header {@code date,kind,name}, then one day a line; {@code #} starts a comment. */
    private static final CSVFormat DATES = CSVFormat.DEFAULT.builder()
            .setHeader("date", "kind", "name")
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    /** Reads the days of a {@code date,kind,name} file with its header; kind is {@code holiday} or {@code workday}. */
    public static WorkingDayCalendar read(InputStream csv) throws IOException {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, DATES)) {
            for (CSVRecord day : parser) {
                LocalDate date = LocalDate.parse(day.get("date"));
                switch (day.get("kind")) {
                    case "holiday" -> holidays.add(date);
                    case "workday" -> workdays.add(date);
                    default -> throw new IllegalArgumentException("unknown kind of day in line "
                            + parser.getCurrentLineNumber() + ": " + day.get("kind"));
                }
            }
        }
        return new WorkingDayCalendar(holidays, workdays);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpWorkdays() {
        return makeUpWorkdays;
    }

    /** The years this calendar holds official dates for. */
    public java.util.SortedSet<Integer> years() {
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        holidays.forEach(d -> years.add(d.getYear()));
        makeUpWorkdays.forEach(d -> years.add(d.getYear()));
        return years;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (isDerivedYear(date.getYear()) && StatutoryHolidays.isStatutoryDay(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The {@code count}-th working day after {@code start}: counting begins the next day, as periods of the law do. */
    public LocalDate addWorkingDays(LocalDate start, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        LocalDate date = start;
        int remaining = count;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /** Working days in the span after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    public int workingDaysInYear(int year) {
        return workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }
}
