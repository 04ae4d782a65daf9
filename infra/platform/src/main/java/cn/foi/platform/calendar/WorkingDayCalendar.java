package cn.foi.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The official working-day calendar (pure arithmetic, shared by both sides): weekdays work, weekends rest, except the dates of the State Council's yearly notice
 * (holidays, and make-up working days on weekends, 调休). Statutory periods count working days on it.
 */
public final class WorkingDayCalendar {

    private static final String NATIONAL_DATES = "/calendar/cn-holidays.csv";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
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

    /** Reads {@code date,kind,name} lines, kind being {@code holiday} or {@code workday}. */
    public static WorkingDayCalendar read(InputStream csv) throws IOException {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String[] cells = line.split(",");
            if (cells.length < 2 || !Character.isDigit(cells[0].strip().charAt(0))) {
                continue;
            }
            LocalDate date = LocalDate.parse(cells[0].strip());
            switch (cells[1].strip()) {
                case "holiday" -> holidays.add(date);
                case "workday" -> workdays.add(date);
                default -> throw new IllegalArgumentException("unknown kind of day: " + line);
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
