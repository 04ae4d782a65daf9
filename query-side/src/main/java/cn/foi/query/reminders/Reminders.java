package cn.foi.query.reminders;

import cn.foi.query.request.RequestQueries;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.QueryDatabase;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The system's reminders of a handler (承办人), derived from the request projection: a deadline the system found passed
 * on an open request the user handles. Nothing is stored for a reminder itself; only the user's read marks are
 * (projected from {@code RemindersRead}), by the reminder's key. The key names the deadline that passed, so a new
 * deadline that passes again is a new, unread reminder.
 */
@Component
public class Reminders {

    /** The menu counts requests due within this many working days (the 工作台's "due soon"). */
    public static final int DUE_SOON_WORKING_DAYS = 3;

    private final JdbcTemplate jdbc;
    private final AgencyCalendars calendar;
    private final Clock clock;

    public Reminders(QueryDatabase database, AgencyCalendars calendar, Clock clock) {
        this.jdbc = database.jdbc();
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What a reminder is about. */
    public enum Kind {
        OVERDUE("逾期未答复"),
        SUPPLEMENT_DEADLINE_PASSED("补正期限已过"),
        FEE_DEADLINE_PASSED("缴费期限已过");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param key      stable: {@code requestId:KIND:deadline}
     * @param deadline the deadline that passed
     * @param arisenOn the first day after it: the day the reminder arose
     * @param days     working days since the deadline (overdue), or calendar days (补正, 缴费)
     * @param link     the request's page in the web UI
     */
    public record Reminder(String key, Kind kind, String kindLabel, String requestId, String caseNo,
                           String agencyCode, LocalDate deadline, LocalDate arisenOn, int days, String message,
                           String link, boolean read) {
    }

    /** An open request of the handler due within {@link #DUE_SOON_WORKING_DAYS} working days, not yet overdue. */
    public record DueSoon(String requestId, String caseNo, LocalDate dueDate, int workingDaysLeft) {
    }

    /**
     * A request of {@code request_summary} that the system reminds its handler of today: overdue by the list's rule,
     * its 补正 deadline passed, or its payment deadline passed. The bell lists these and the daily digest goes to the
     * handlers who have one. Appends its arguments.
     */
    public static String remindedCondition(LocalDate today, List<Object> arguments) {
        return "(" + RequestQueries.overdueCondition(today, arguments)
                + " or (supplement_open and supplement_deadline_passed) or (fee_open and fee_pay_by_passed is not null))";
    }

    /** The handler's reminders, the newest first (by the day each arose, then by case number). */
    public List<Reminder> of(String username) {
        LocalDate today = LocalDate.now(clock);
        // Overdue by the list's own rule (RequestQueries.overdueCondition), read afresh each time: a request whose
        // clock stands still (补正, 征求意见, 缴费) is not overdue, and one due yesterday is overdue today without waiting
        // for the scheduler. The reminder names the due date that passed, as the scheduler's event did, so its key
        // (and the user's read mark) stays the same; a later due date that passes again is a new reminder.
        List<Object> arguments = new ArrayList<>();
        String overdue = RequestQueries.overdueCondition(today, arguments);
        arguments.add(username);
        String reminded = remindedCondition(today, arguments);
        List<Row> rows = jdbc.query("select id, agency_code, case_no, case when " + overdue + " then due_date end, "
                + "supplement_due_on, supplement_open and supplement_deadline_passed, "
                + "case when fee_open then fee_pay_by_passed end "
                + "from request_summary where handler = ? and closed_on is null and " + reminded,
                Reminders::row, arguments.toArray());
        Map<String, WorkingDayCalendar> calendars = calendar.forAgencies(
                rows.stream().map(Row::agencyCode).distinct().toList());
        List<Reminder> reminders = new ArrayList<>();
        for (Row row : rows) {
            WorkingDayCalendar days = calendars.getOrDefault(row.agencyCode(), WorkingDayCalendar.national());
            if (row.overdueDueDate() != null) {
                int late = Math.max(1, days.workingDaysBetween(row.overdueDueDate(), today));
                reminders.add(reminder(row, Kind.OVERDUE, row.overdueDueDate(), late, "申请 " + row.caseNo()
                        + " 的答复期限 " + row.overdueDueDate() + " 已届满，尚未答复，已逾期 " + late + " 个工作日"));
            }
            if (row.supplementPassed() && row.supplementDueOn() != null) {
                int late = (int) Math.max(1, row.supplementDueOn().until(today, java.time.temporal.ChronoUnit.DAYS));
                reminders.add(reminder(row, Kind.SUPPLEMENT_DEADLINE_PASSED, row.supplementDueOn(), late,
                        "申请 " + row.caseNo() + " 的补正期限 " + row.supplementDueOn() + " 已届满，未收到补正："
                                + "请核实后登记逾期未补正"));
            }
            if (row.feePayBy() != null) {
                int late = (int) Math.max(1, row.feePayBy().until(today, java.time.temporal.ChronoUnit.DAYS));
                reminders.add(reminder(row, Kind.FEE_DEADLINE_PASSED, row.feePayBy(), late,
                        "申请 " + row.caseNo() + " 的缴费期限 " + row.feePayBy() + " 已届满，申请人未缴费："
                                + "请核实后登记逾期未缴费"));
            }
        }
        Set<String> read = read(username, reminders.stream().map(Reminder::key).toList());
        return reminders.stream()
                .map(r -> read.contains(r.key()) ? withRead(r) : r)
                .sorted(Comparator.comparing(Reminder::arisenOn).reversed()
                        .thenComparing(Reminder::caseNo).thenComparing(Reminder::kind))
                .toList();
    }

    /** The handler's open requests due within the next few working days (not those overdue), the nearest first. */
    public List<DueSoon> dueSoon(String username) {
        LocalDate today = LocalDate.now(clock);
        List<String[]> rows = jdbc.query("select id, agency_code, case_no, due_date from request_summary "
                        + "where handler = ? and closed_on is null and due_date >= ? order by due_date, case_no",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate().toString()},
                username, Date.valueOf(today));
        Map<String, WorkingDayCalendar> calendars = calendar.forAgencies(
                rows.stream().map(r -> r[1]).distinct().toList());
        List<DueSoon> due = new ArrayList<>();
        for (String[] row : rows) {
            WorkingDayCalendar days = calendars.getOrDefault(row[1], WorkingDayCalendar.national());
            LocalDate dueDate = LocalDate.parse(row[3]);
            if (dueDate.isBefore(days.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1))) {
                due.add(new DueSoon(row[0], row[2], dueDate, days.workingDaysBetween(today, dueDate)));
            }
        }
        return due;
    }

    /**
     * The menu's counts over some agencies: open requests overdue (the due date has passed, as the list's
     * {@code overdue=true} counts them) and due within {@link #DUE_SOON_WORKING_DAYS} working days (as
     * {@code dueWithin=3}), over all and of the user's own. One aggregate over the open requests of the agencies.
     */
    public record Counts(long overdue, long dueSoon, long mineOverdue, long mineDueSoon) {
    }

    public Counts counts(List<String> agencies, String username) {
        if (agencies.isEmpty()) {
            return new Counts(0, 0, 0, 0);
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, WorkingDayCalendar> calendars = calendar.forAgencies(agencies);
        // As the list's overdue=true and dueWithin=3 count them (the same conditions): a request whose clock stands
        // still is neither.
        List<Object> overdueArguments = new ArrayList<>();
        String overdue = RequestQueries.overdueCondition(today, overdueArguments);
        List<Object> soonArguments = new ArrayList<>();
        String soon = RequestQueries.dueWithinCondition(agencies, DUE_SOON_WORKING_DAYS,
                agency -> calendars.getOrDefault(agency, WorkingDayCalendar.national()), today, soonArguments);
        List<Object> arguments = new ArrayList<>();
        arguments.addAll(overdueArguments);
        arguments.addAll(soonArguments);
        arguments.add(username);
        arguments.addAll(overdueArguments);
        arguments.add(username);
        arguments.addAll(soonArguments);
        arguments.add(agencies.toArray(String[]::new));
        return jdbc.queryForObject("select count(*) filter (where " + overdue + "), count(*) filter (where "
                        + soon + "), count(*) filter (where handler = ? and " + overdue + "), "
                        + "count(*) filter (where handler = ? "
                        + "and " + soon + ") from request_summary where agency_code = any(cast(? as varchar[])) "
                        + "and closed_on is null",
                (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                arguments.toArray());
    }

    private Set<String> read(String username, List<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select reminder_key from reminder_read where username = ? "
                + "and reminder_key = any(cast(? as varchar[]))", String.class, username, keys.toArray(String[]::new)));
    }

    private record Row(String id, String agencyCode, String caseNo, LocalDate overdueDueDate,
                       LocalDate supplementDueOn, boolean supplementPassed, LocalDate feePayBy) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4), date(rs, 5), rs.getBoolean(6),
                date(rs, 7));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Reminder reminder(Row row, Kind kind, LocalDate deadline, int days, String message) {
        return new Reminder(row.id() + ":" + kind.name() + ":" + deadline, kind, kind.label(), row.id(), row.caseNo(),
                row.agencyCode(), deadline, deadline.plusDays(1), days, message, "/requests/" + row.id(), false);
    }

    private static Reminder withRead(Reminder r) {
        return new Reminder(r.key(), r.kind(), r.kindLabel(), r.requestId(), r.caseNo(), r.agencyCode(), r.deadline(),
                r.arisenOn(), r.days(), r.message(), r.link(), true);
    }
}
