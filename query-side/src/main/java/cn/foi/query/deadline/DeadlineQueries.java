package cn.foi.query.deadline;

import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.PauseReason;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The deadline board: every open request of one agency or of an agency's subtree, with its working days left. */
@Component
public class DeadlineQueries {

    private static final String OPEN_REQUESTS = " select r.id, r.agency_code, a.name, r.case_no, r.applicant_name,"
            + " r.received_on, r.due_date, r.supplement_open, r.open_consultations, r.fee_open"
            + " from request_summary r left join agency a on a.code = r.agency_code"
            + " where r.closed_on is null and r.agency_code in (select code from agencies)";

    /** The agency and those under it; union rather than union all, so a cycle in the tree ends the recursion. */
    private static final String SUBTREE = "with recursive agencies (code) as ("
            + " select cast(? as varchar)"
            + " union"
            + " select a.code from agency a join agencies on a.parent_code = agencies.code)";

    private static final String ONE_AGENCY = "with agencies (code) as (select cast(? as varchar))";

    private static final Comparator<DeadlineBoard.Item> MOST_URGENT_FIRST = Comparator
            .comparing(DeadlineBoard.Item::workingDaysLeft, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DeadlineBoard.Item::caseNo)
            .thenComparing(DeadlineBoard.Item::agencyCode)
            .thenComparing(DeadlineBoard.Item::id);

    private final JdbcTemplate jdbc;
    private final AgencyCalendars calendar;
    private final Clock clock;

    public DeadlineQueries(QueryDatabase database, AgencyCalendars calendar, Clock clock) {
        this.jdbc = database.jdbc();
        this.calendar = calendar;
        this.clock = clock;
    }

    /** An open request as read, before the calendar says how many working days it has left. */
    private record Open(String id, String agencyCode, String agencyName, String caseNo, String applicantName,
                        LocalDate receivedOn, LocalDate dueDate, PauseReason paused) {
    }

    /**
     * @param withSubtree whether the requests of the agencies under {@code agencyCode} are included
     * @param within      working days ahead within which a due date is "due soon"
     */
    public DeadlineBoard board(String agencyCode, boolean withSubtree, int within) {
        LocalDate today = LocalDate.now(clock);
        List<Open> open = jdbc.query((withSubtree ? SUBTREE : ONE_AGENCY) + OPEN_REQUESTS, DeadlineQueries::open,
                agencyCode);
        Map<String, WorkingDayCalendar> calendars = calendar.forAgencies(
                open.stream().map(Open::agencyCode).collect(Collectors.toSet()));
        List<DeadlineBoard.Item> items = open.stream()
                .map(request -> item(request, calendars.get(request.agencyCode()), today, within))
                .sorted(MOST_URGENT_FIRST)
                .toList();
        Map<DeadlineState, Integer> counts = new EnumMap<>(DeadlineState.class);
        for (DeadlineState state : DeadlineState.values()) {
            counts.put(state, 0);
        }
        items.forEach(item -> counts.merge(item.state(), 1, Integer::sum));
        return new DeadlineBoard(agencyCode, today, within, counts, items);
    }

    private static DeadlineBoard.Item item(Open request, WorkingDayCalendar calendar, LocalDate today, int within) {
        LocalDate due = request.dueDate();
        Integer left = due == null ? null : calendar.workingDaysBetween(today, due);
        DeadlineState state;
        if (request.paused() != null) {
            state = DeadlineState.PAUSED;
        } else if (due != null && (left < 0 || today.isAfter(due))) {
            // On a weekend or holiday just after the due date no working day has passed yet (left is 0), but the
            // deadline has: the request is late all the same.
            state = DeadlineState.OVERDUE;
        } else if (left != null && left <= within) {
            state = DeadlineState.DUE_SOON;
        } else {
            state = DeadlineState.NORMAL;
        }
        String label = state == DeadlineState.PAUSED
                ? state.label() + "（" + request.paused().label() + "）" : state.label();
        return new DeadlineBoard.Item(request.id(), request.agencyCode(), request.agencyName(), request.caseNo(),
                request.applicantName(), request.receivedOn(), due, left, state, label,
                request.paused() == null ? null : request.paused().name(),
                calendar.countsDerivedDays(request.receivedOn(), due));
    }

    private static Open open(ResultSet rs, int rowNumber) throws SQLException {
        return new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                localDate(rs.getDate(6)), localDate(rs.getDate(7)),
                PauseReason.of(rs.getBoolean(8), rs.getInt(9), rs.getBoolean(10)));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
