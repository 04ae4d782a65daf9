package cn.foi.platform.calendar;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statutory holidays of a year as 《全国年节及纪念日放假办法》 fixes them (第二条, the holidays of all citizens), derived for
 * a year whose State Council notice is not known yet. Only the statutory days themselves: how they are shifted off
 * weekends and which weekend days are worked instead (调休) is decided by each year's notice and cannot be derived, so a
 * statutory day on a weekend adds no day off and there are no make-up working days.
 *
 * <p>The rule depends on the year: as amended in 2013 (in force 2014-01-01) 春节 is 正月初一 to 初三 and 劳动节 is May 1; as
 * amended on 2024-11-10 (in force 2025-01-01) 春节 also takes 除夕 and 劳动节 also May 2. Years before 2014 are not
 * derived (the earlier rules differ again and no request of the system counts in them).
 *
 * <p>The lunar dates come from ICU4J's Chinese calendar; 清明 is the day (Beijing time) the sun's apparent ecliptic
 * longitude reaches 15°, computed with the low-accuracy solar coordinates of J. Meeus, <i>Astronomical Algorithms</i>
 * (2nd ed., ch. 25; about 0.01°, i.e. a quarter of an hour), which no 清明 of this century comes near midnight enough
 * to be misdated by.
 */
public final class StatutoryHolidays {

    /** The first year derived: the rule of the 2013 amendment. */
    public static final int FIRST_DERIVED_YEAR = 2014;
    /** The first year of the 2024 amendment (除夕 and May 2 added). */
    static final int AMENDMENT_2024_YEAR = 2025;

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /**
     * Lunar new years ICU's Chinese calendar misdates: its lunar astronomy is accurate to a few minutes, and the new moon
     * of 2027-02-06 falls at 23:56 Beijing time (15:56 UTC, the annular eclipse of that day), which ICU 78 places after
     * midnight. The published 农历 (GB/T 33661-2017, Purple Mountain Observatory) has 正月初一 on 2027-02-06.
     */
    private static final Map<Integer, LocalDate> LUNAR_NEW_YEAR_CORRECTIONS = Map.of(2027, LocalDate.of(2027, 2, 6));
    private static final Map<Integer, SortedMap<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    /** Whether the holidays of the year can be derived by the rules known to this class. */
    public static boolean derivable(int year) {
        return year >= FIRST_DERIVED_YEAR && year <= 2100;
    }

    /** The statutory days of the year and their holiday's name (元旦, 春节, ...); empty for a year not derivable. */
    public static SortedMap<LocalDate, String> of(int year) {
        if (!derivable(year)) {
            return new TreeMap<>();
        }
        return new TreeMap<>(BY_YEAR.computeIfAbsent(year, StatutoryHolidays::derive));
    }

    /** Whether the date is a statutory holiday of its year (false for a year not derivable). */
    public static boolean isStatutoryDay(LocalDate date) {
        return derivable(date.getYear())
                && BY_YEAR.computeIfAbsent(date.getYear(), StatutoryHolidays::derive).containsKey(date);
    }

    private static SortedMap<LocalDate, String> derive(int year) {
        boolean amended2024 = year >= AMENDMENT_2024_YEAR;
        SortedMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = LUNAR_NEW_YEAR_CORRECTIONS.getOrDefault(year, lunarDate(year, 1, 1));
        if (amended2024) {
            days.put(newYear.minusDays(1), "春节");
        }
        for (int i = 0; i < 3; i++) {
            days.put(newYear.plusDays(i), "春节");
        }
        days.put(qingming(year), "清明节");
        days.put(LocalDate.of(year, 5, 1), "劳动节");
        if (amended2024) {
            days.put(LocalDate.of(year, 5, 2), "劳动节");
        }
        days.put(lunarDate(year, 5, 5), "端午节");
        days.put(lunarDate(year, 8, 15), "中秋节");
        for (int day = 1; day <= 3; day++) {
            days.put(LocalDate.of(year, 10, day), "国庆节");
        }
        return days;
    }

    /**
     * The Gregorian date of a day of a (non-leap) lunar month in the lunar year that begins in the given Gregorian year.
     * Every day of the year is converted once: simpler and surer than setting the fields of the lunar calendar.
     */
    static LocalDate lunarDate(int year, int month, int dayOfMonth) {
        ChineseCalendar lunar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            lunar.setTimeInMillis(day.atTime(12, 0).toInstant(BEIJING).toEpochMilli());
            if (lunar.get(ChineseCalendar.MONTH) + 1 == month && lunar.get(ChineseCalendar.IS_LEAP_MONTH) == 0
                    && lunar.get(ChineseCalendar.DAY_OF_MONTH) == dayOfMonth) {
                return day;
            }
        }
        throw new IllegalStateException("no lunar " + month + "/" + dayOfMonth + " in " + year);
    }

    /** The day, in Beijing, on which the sun's apparent longitude reaches 15° (the solar term 清明). */
    static LocalDate qingming(int year) {
        // Bisect between March 30 and April 10, 0:00 UTC: the longitude grows about 1° a day there.
        double low = julianDay(LocalDate.of(year, 3, 30));
        double high = julianDay(LocalDate.of(year, 4, 10));
        while (high - low > 1e-6) {
            double middle = (low + high) / 2;
            if (apparentSolarLongitude(middle) < 15.0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        // Julian days start at noon UTC; Beijing is 8 hours ahead of UTC.
        long epochDay = (long) Math.floor(high - 2440587.5 + 8.0 / 24);
        return LocalDate.ofEpochDay(epochDay);
    }

    private static double julianDay(LocalDate date) {
        return date.toEpochDay() + 2440587.5;
    }

    /** Meeus ch. 25, low accuracy; the argument is a Julian day in UT, to which ΔT (about 70 s these decades) is added. */
    static double apparentSolarLongitude(double julianDayUt) {
        double t = (julianDayUt + 70.0 / 86400 - 2451545.0) / 36525;
        double meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double meanAnomaly = Math.toRadians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
                + 0.000289 * Math.sin(3 * meanAnomaly);
        double omega = Math.toRadians(125.04 - 1934.136 * t);
        double apparent = meanLongitude + center - 0.00569 - 0.00478 * Math.sin(omega);
        double normalized = apparent % 360;
        return normalized < 0 ? normalized + 360 : normalized;
    }
}
