package cn.foi.command.calendar;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.InputLimits;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.CalendarCommands.DeclareCalendarYear;
import cn.foi.command.calendar.CalendarCommands.DeclareRegionalDays;
import cn.foi.command.calendar.CalendarCommands.PreviewCalendarYear;
import cn.foi.command.CommandSideConfiguration;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A working-day calendar: the national one ({@link CalendarCommands#NATIONAL}), or the extra days of a region, kept
 * under the code of the agency at its top. Each declaration covers one year and replaces what was declared for it.
 */
@Aggregate
public class WorkingCalendar {

    @AggregateIdentifier
    private String streamId;

    /** The national calendar's declared days by year, to tell what a new declaration of a year takes back. */
    private final Map<Integer, Declared> nationalYears = new HashMap<>();

    protected WorkingCalendar() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareCalendarYear command, Clock clock, CalendarImpact impact,
                       @MetaDataValue(CommandSideConfiguration.ACTOR) String actor) {
        Declared days = validated(command.calendarId(), command.year(), command.holidays(), command.makeUpWorkdays());
        String reason = command.reason() == null || command.reason().isBlank() ? null
                : InputLimits.text(TextField.CALENDAR_CHANGE_REASON, command.reason().strip());
        CalendarYearPreview preview = preview(command.year(), days, clock, impact);
        // Taking back days of a year already under way moves due dates that applicants may have been told (条例 33):
        // only on purpose, and with a reason that stays with the declaration.
        if (preview.confirmationRequired()) {
            if (!command.confirmed()) {
                throw RuleViolation.conflict("CALENDAR_CHANGE_NOT_CONFIRMED", "重新公布 " + command.year()
                        + " 年节假日安排将取消已公布的 " + preview.removedDays().size() + " 天（" + dates(preview.removedDays())
                        + "）" + (preview.addedDays().isEmpty() ? "" : "、新增 " + preview.addedDays().size() + " 天")
                        + "，至多 " + preview.openRequestsMoved() + " 件未办结申请的答复期限将随之改变。"
                        + "如确需更改，请确认（confirm: true）并填写更改原因（reason）");
            }
            if (reason == null) {
                throw RuleViolation.invalid("REASON_REQUIRED", "reason", "取消已公布的节假日或调休日，须填写更改原因");
            }
        }
        apply(new CalendarYearDeclared(command.year(), days.holidays(), days.workdays(),
                InputLimits.text(TextField.CALENDAR_SOURCE, command.source() == null ? "" : command.source().strip()),
                reason, actor));
    }

    /** A dry run of {@link DeclareCalendarYear}: the same checks, nothing applied. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CalendarYearPreview handle(PreviewCalendarYear command, Clock clock, CalendarImpact impact) {
        Declared days = validated(command.calendarId(), command.year(), command.holidays(), command.makeUpWorkdays());
        return preview(command.year(), days, clock, impact);
    }

    private record Declared(List<LocalDate> holidays, List<LocalDate> workdays) {
    }

    private Declared validated(String calendarId, int year, List<LocalDate> givenHolidays,
                               List<LocalDate> givenWorkdays) {
        if (!CalendarCommands.NATIONAL.equals(calendarId)) {
            throw RuleViolation.invalid("CALENDAR_UNKNOWN", "calendarId", "全国日历的编号为 CN");
        }
        List<LocalDate> holidays = days(givenHolidays, year, "holidays", "放假日期");
        List<LocalDate> workdays = days(givenWorkdays, year, "makeUpWorkdays", "调休上班日期");
        requireDisjoint(holidays, workdays);
        for (LocalDate day : workdays) {
            if (!isWeekend(day)) {
                throw RuleViolation.invalid("MAKE_UP_DAY_NOT_WEEKEND", "makeUpWorkdays",
                        "调休上班日 " + day + " 不是周六或周日：工作日本来就上班，无需调休");
            }
        }
        return new Declared(holidays, workdays);
    }

    /**
     * Compares with what the year has now. A year before or of today that loses a declared day needs confirmation; a
     * future year, a first declaration, or one that only adds days does not.
     */
    private CalendarYearPreview preview(int year, Declared declared, Clock clock, CalendarImpact impact) {
        Declared before = nationalYears.get(year);
        Set<LocalDate> removed = new TreeSet<>();
        Set<LocalDate> added = new TreeSet<>();
        if (before != null) {
            before.holidays().stream().filter(d -> !declared.holidays().contains(d)).forEach(removed::add);
            before.workdays().stream().filter(d -> !declared.workdays().contains(d)).forEach(removed::add);
            declared.holidays().stream().filter(d -> !before.holidays().contains(d)).forEach(added::add);
            declared.workdays().stream().filter(d -> !before.workdays().contains(d)).forEach(added::add);
        } else {
            added.addAll(declared.holidays());
            added.addAll(declared.workdays());
        }
        Set<LocalDate> changed = new TreeSet<>(removed);
        changed.addAll(added);
        int moved = changed.isEmpty() ? 0 : impact.openRequestsMoved(changed);
        boolean confirm = !removed.isEmpty() && year <= LocalDate.now(clock).getYear();
        return new CalendarYearPreview(year, List.copyOf(added), List.copyOf(removed), moved, confirm);
    }

    private static String dates(List<LocalDate> days) {
        return days.size() <= 5 ? days.stream().map(LocalDate::toString).collect(Collectors.joining("、"))
                : days.subList(0, 5).stream().map(LocalDate::toString).collect(Collectors.joining("、")) + " 等";
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareRegionalDays command, AgencyDirectory agencies) {
        if (!agencies.exists(command.agencyCode())) {
            throw RuleViolation.notFound("AGENCY_UNKNOWN", "本系统中没有编码为 " + command.agencyCode() + " 的机关");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.invalid("REASON_REQUIRED", "reason", "请写明地方假日的依据（如某地民族节日、延长假期的通知）");
        }
        List<LocalDate> holidays = days(command.holidays(), command.year(), "holidays", "放假日期");
        List<LocalDate> workdays = days(command.makeUpWorkdays(), command.year(), "makeUpWorkdays", "调休上班日期");
        requireDisjoint(holidays, workdays);
        apply(new RegionalDaysDeclared(command.agencyCode(), command.year(), holidays, workdays,
                InputLimits.text(TextField.REGIONAL_DAYS_REASON, command.reason().strip())));
    }

    @EventSourcingHandler
    void on(CalendarYearDeclared event) {
        streamId = CalendarCommands.streamId(CalendarCommands.NATIONAL);
        nationalYears.put(event.year(), new Declared(
                event.holidays() == null ? List.of() : List.copyOf(event.holidays()),
                event.makeUpWorkdays() == null ? List.of() : List.copyOf(event.makeUpWorkdays())));
    }

    @EventSourcingHandler
    void on(RegionalDaysDeclared event) {
        streamId = CalendarCommands.streamId(event.agencyCode());
    }

    private static List<LocalDate> days(List<LocalDate> given, int year, String field, String what) {
        if (year < 2000 || year > 2100) {
            throw RuleViolation.invalid("YEAR_OUT_OF_RANGE", "year", "年份须在 2000 至 2100 之间");
        }
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate day : given == null ? List.<LocalDate>of() : given) {
            if (day == null || day.getYear() != year) {
                throw RuleViolation.invalid("DAY_OUTSIDE_YEAR", field, what + " " + day + " 不在 " + year + " 年内");
            }
            days.add(day);
        }
        return List.copyOf(days);
    }

    private static void requireDisjoint(List<LocalDate> holidays, List<LocalDate> workdays) {
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw RuleViolation.invalid("DAY_BOTH_HOLIDAY_AND_WORKDAY", "makeUpWorkdays",
                    "同一天不能既放假又上班：" + new TreeSet<>(both));
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
