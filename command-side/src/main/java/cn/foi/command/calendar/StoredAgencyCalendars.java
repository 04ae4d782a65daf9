package cn.foi.command.calendar;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The calendars as the command side applies them, kept in the command database in the transaction of the calendar
 * events, and held in memory per agency until a calendar changes.
 *
 * <p>A year nobody has declared yet falls back to the national dates that ship with the system; the first start
 * declares them as events, with the same dates, so the fallback never gives a different answer than the events.
 * A year neither declared nor shipped (the next one, before its notice) rests on the statutory holidays derived from
 * 《全国年节及纪念日放假办法》; the periods that count its days are provisional until its notice is declared.
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class StoredAgencyCalendars implements AgencyCalendars {

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar shipped = WorkingDayCalendar.national();
    private final Map<String, WorkingDayCalendar> byAgency = new ConcurrentHashMap<>();

    public StoredAgencyCalendars(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WorkingDayCalendar forAgency(String agencyCode) {
        return byAgency.computeIfAbsent(agencyCode == null ? "" : agencyCode, this::load);
    }

    /** The years the national calendar has been declared for. */
    public Set<Integer> declaredYears() {
        return new HashSet<>(jdbc.queryForList("select year from calendar_year where scope = 'CN'", Integer.class));
    }

    private WorkingDayCalendar load(String agencyCode) {
        Set<Integer> declared = declaredYears();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        shipped.holidays().stream().filter(d -> !declared.contains(d.getYear())).forEach(holidays::add);
        shipped.makeUpWorkdays().stream().filter(d -> !declared.contains(d.getYear())).forEach(workdays::add);
        // National days first, then the region from the top down, so that the nearest declaration wins.
        List<String> scopes = new java.util.ArrayList<>(List.of(CalendarCommands.NATIONAL));
        scopes.addAll(ancestorsTopDown(agencyCode));
        for (String scope : scopes) {
            jdbc.query("select day, kind from calendar_day where scope = ?", rs -> {
                LocalDate day = rs.getDate(1).toLocalDate();
                if ("HOLIDAY".equals(rs.getString(2))) {
                    workdays.remove(day);
                    holidays.add(day);
                } else {
                    holidays.remove(day);
                    workdays.add(day);
                }
            }, scope);
        }
        Set<Integer> known = new HashSet<>(declared);
        known.addAll(shipped.years());
        return WorkingDayCalendar.withDerivedYears(holidays, workdays, known);
    }

    private List<String> ancestorsTopDown(String agencyCode) {
        List<String> chain = new java.util.ArrayList<>();
        String code = agencyCode;
        for (int depth = 0; code != null && !code.isEmpty() && depth < 20; depth++) {
            chain.add(0, code);
            List<String> parent = jdbc.queryForList("select parent_code from agency_directory where code = ?",
                    String.class, code);
            code = parent.isEmpty() ? null : parent.get(0);
        }
        return chain;
    }

    @EventHandler
    void on(CalendarYearDeclared event) {
        replace(CalendarCommands.NATIONAL, event.year(), event.holidays(), event.makeUpWorkdays());
    }

    @EventHandler
    void on(RegionalDaysDeclared event) {
        replace(event.agencyCode(), event.year(), event.holidays(), event.makeUpWorkdays());
    }

    private void replace(String scope, int year, List<LocalDate> holidays, List<LocalDate> workdays) {
        jdbc.update("delete from calendar_day where scope = ? and day between ? and ?", scope,
                Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        for (LocalDate day : holidays) {
            jdbc.update("insert into calendar_day (scope, day, kind) values (?, ?, 'HOLIDAY')", scope, Date.valueOf(day));
        }
        for (LocalDate day : workdays) {
            jdbc.update("insert into calendar_day (scope, day, kind) values (?, ?, 'WORKDAY')", scope, Date.valueOf(day));
        }
        jdbc.update("insert into calendar_year (scope, year) values (?, ?) on conflict do nothing", scope, year);
        // Forget what is cached now and again after the commit, so no reader keeps a calendar from before the change.
        byAgency.clear();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> byAgency.clear());
        }
    }
}
