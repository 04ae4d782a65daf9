package cn.foi.query.calendar;

import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.query.persistence.QueryDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history of the national calendar's declarations: who declared a year, when, from which notice and, for a change
 * that took back declared days, why. Keyed by the event's identifier, so applying an event again changes nothing; in
 * the calendar's processing group, so it is rebuilt with the calendar.
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
@AllowReplay
public class CalendarDeclarations {

    private final JdbcTemplate jdbc;

    public CalendarDeclarations(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    @EventHandler
    public void on(CalendarYearDeclared event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        jdbc.update("insert into calendar_declaration (event_id, year, declared_at, declared_by, source, reason, "
                        + "holidays, make_up_workdays) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                eventId, event.year(), java.sql.Timestamp.from(at), event.declaredBy(),
                event.source() == null ? "" : event.source(), event.reason(),
                event.holidays() == null ? 0 : event.holidays().size(),
                event.makeUpWorkdays() == null ? 0 : event.makeUpWorkdays().size());
    }

    @ResetHandler
    public void reset() {
        jdbc.update("truncate calendar_declaration");
    }

    /** The declarations of a year, newest first. */
    public List<Map<String, Object>> ofYear(int year) {
        return jdbc.query("select declared_at, declared_by, source, reason, holidays, make_up_workdays "
                + "from calendar_declaration where year = ? order by declared_at desc, event_id limit 50", (row, n) -> {
                    Map<String, Object> declaration = new LinkedHashMap<>();
                    declaration.put("declaredAt", row.getTimestamp("declared_at").toInstant().toString());
                    declaration.put("declaredBy", row.getString("declared_by"));
                    declaration.put("source", row.getString("source"));
                    declaration.put("reason", row.getString("reason"));
                    declaration.put("holidays", row.getInt("holidays"));
                    declaration.put("makeUpWorkdays", row.getInt("make_up_workdays"));
                    return declaration;
                }, year);
    }
}
