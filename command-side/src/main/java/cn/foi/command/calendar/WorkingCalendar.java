package cn.foi.command.calendar;

import cn.foi.platform.limits.TextField;
import cn.foi.command.shared.InputLimits;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.CalendarCommands.DeclareCalendarYear;
import cn.foi.command.calendar.CalendarCommands.DeclareRegionalDays;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
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

    protected WorkingCalendar() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareCalendarYear command) {
        if (!CalendarCommands.NATIONAL.equals(command.calendarId())) {
            throw RuleViolation.invalid("CALENDAR_UNKNOWN", "calendarId", "全国日历的编号为 CN");
        }
        List<LocalDate> holidays = days(command.holidays(), command.year(), "holidays", "放假日期");
        List<LocalDate> workdays = days(command.makeUpWorkdays(), command.year(), "makeUpWorkdays", "调休上班日期");
        requireDisjoint(holidays, workdays);
        for (LocalDate day : workdays) {
            if (!isWeekend(day)) {
                throw RuleViolation.invalid("MAKE_UP_DAY_NOT_WEEKEND", "makeUpWorkdays",
                        "调休上班日 " + day + " 不是周六或周日：工作日本来就上班，无需调休");
            }
        }
        apply(new CalendarYearDeclared(command.year(), holidays, workdays,
                InputLimits.text(TextField.CALENDAR_SOURCE, command.source() == null ? "" : command.source().strip())));
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
