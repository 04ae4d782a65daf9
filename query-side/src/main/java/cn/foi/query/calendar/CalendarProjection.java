package cn.foi.query.calendar;

import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import cn.foi.query.persistence.QueryDatabase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The declared holidays and make-up working days: national ones (scope {@value AgencyCalendars#NATIONAL}) and regional
 * ones (scope = the agency's code).
 *
 * <p>A declaration replaces everything its scope had within its year, so handling the same declaration twice, or
 * replaying every declaration in order, ends in the same rows. Every change bumps {@code calendar_version} in the same
 * transaction, which is what makes {@link AgencyCalendars} drop the calendars it built before.
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
@AllowReplay
public class CalendarProjection {

    public static final String PROCESSING_GROUP = "calendar";

    private final JdbcTemplate jdbc;

    public CalendarProjection(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    @EventHandler
    public void on(CalendarYearDeclared event) {
        replace(AgencyCalendars.NATIONAL, event.year(), event.holidays(), event.makeUpWorkdays());
    }

    @EventHandler
    public void on(RegionalDaysDeclared event) {
        replace(event.agencyCode(), event.year(), event.holidays(), event.makeUpWorkdays());
    }

    @ResetHandler
    public void reset() {
        jdbc.update("truncate calendar_day");
        bumpVersion();
    }

    private void replace(String scope, int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
        jdbc.update("delete from calendar_day where scope = ? and day between ? and ?", scope,
                Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        List<Object[]> rows = new ArrayList<>();
        // A notice may name days just outside its year (the 2019 notice moves 2018-12-29 to a working day): those are
        // stored too, but only a declaration of their own year removes them.
        for (LocalDate day : holidays == null ? List.<LocalDate>of() : holidays) {
            rows.add(new Object[] {scope, Date.valueOf(day), "HOLIDAY"});
        }
        // Make-up working days come last, so a date wrongly given in both lists ends the same on every replay: working.
        for (LocalDate day : makeUpWorkdays == null ? List.<LocalDate>of() : makeUpWorkdays) {
            rows.add(new Object[] {scope, Date.valueOf(day), "WORKDAY"});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into calendar_day (scope, day, kind) values (?, ?, ?) "
                    + "on conflict (scope, day) do update set kind = excluded.kind", rows);
        }
        bumpVersion();
    }

    private void bumpVersion() {
        jdbc.update("update calendar_version set version = version + 1 where id = 1");
    }
}
