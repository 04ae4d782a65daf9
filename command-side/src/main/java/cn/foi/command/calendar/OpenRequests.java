package cn.foi.command.calendar;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestWithdrawn;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which requests are open and when they are due, kept in the command transaction: a calendar change needs to know which
 * open requests it touches without loading every request.
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class OpenRequests implements CalendarImpact {

    private final JdbcTemplate jdbc;

    public OpenRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The open requests whose answer period may count a day of the given year: received by its end, due after its
     * start. With {@code agencyCodes} null, of every agency.
     */
    public List<String> touchedBy(int year, List<String> agencyCodes) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        if (agencyCodes == null) {
            return jdbc.queryForList("select request_id from request_deadline where open and received_on <= ? "
                    + "and (due_on is null or due_on >= ?) order by request_id", String.class, end, start);
        }
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select request_id from request_deadline where open and received_on <= ? "
                        + "and (due_on is null or due_on >= ?) and agency_code = any(?) order by request_id",
                String.class, end, start, agencyCodes.toArray(String[]::new));
    }

    @Override
    public int openRequestsMoved(Set<LocalDate> changedDays) {
        String[] days = changedDays.stream().map(LocalDate::toString).toArray(String[]::new);
        Integer count = jdbc.queryForObject("select count(*) from request_deadline r where r.open and exists ("
                + "select 1 from unnest(?::date[]) as d(day) where d.day > r.received_on "
                + "and (r.due_on is null or d.day <= r.due_on))", Integer.class, (Object) days);
        return count == null ? 0 : count;
    }

    /** The agency and every agency under it. */
    public List<String> subtree(String agencyCode) {
        return jdbc.queryForList("with recursive tree(code) as (select ?::varchar union all "
                + "select a.code from agency_directory a join tree t on a.parent_code = t.code) select code from tree",
                String.class, agencyCode);
    }

    @EventHandler
    void on(RequestReceived event) {
        jdbc.update("insert into request_deadline (request_id, agency_code, received_on) values (?, ?, ?) "
                + "on conflict (request_id) do nothing", event.requestId(), event.agencyCode(),
                Date.valueOf(event.receivedOn()));
    }

    @EventHandler
    void on(RegistrationCorrected event) {
        jdbc.update("update request_deadline set received_on = ? where request_id = ?",
                Date.valueOf(event.receivedOn()), event.requestId());
    }

    @EventHandler
    void on(AnswerDueDateChanged event) {
        jdbc.update("update request_deadline set due_on = ? where request_id = ?", Date.valueOf(event.dueOn()),
                event.requestId());
    }

    @EventHandler
    void on(RequestDecided event) {
        closed(event.requestId());
    }

    @EventHandler
    void on(DecisionCorrected event) {
        closed(event.requestId());
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        closed(event.requestId());
    }

    private void closed(String requestId) {
        jdbc.update("update request_deadline set open = false where request_id = ?", requestId);
    }
}
