package cn.foi.query.request;

import cn.foi.events.request.AppealKind;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.QueryDatabase;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the request projection. */
@Component
public class RequestQueries {

    /**
     * The request's answer clock stands still: a 补正 awaited, a consultation open or a fee unpaid (docs/domain.md §1).
     * Such a request is neither overdue nor due soon in the lists and counts; the deadline board shows it as paused.
     */
    public static final String CLOCK_STANDS_STILL = "(supplement_open or open_consultations > 0 or fee_open)";


    /** A request's status and its label, in the order a clerk meets them (the list's filter shows them so). */
    private static final Map<String, String> STATUS_LABELS = orderedStatuses();

    private static Map<String, String> orderedStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("IN_PROGRESS", "办理中");
        statuses.put("AWAITING_SUPPLEMENT", "待补正");
        statuses.put("CONSULTING", "征求意见中");
        statuses.put("AWAITING_FEE", "待缴费");
        statuses.put("CLOSED", "已办结");
        return Collections.unmodifiableMap(statuses);
    }

    private static final String COLUMNS = "id, agency_code, case_no, status, applicant_category, applicant_name, "
            + "applicant_id_type, applicant_id_number, applicant_contact, channel, submitted_on, confirmed_on, "
            + "received_on, description, item_count, requested_form, due_date, due_explanation, supplement_rounds, "
            + "supplement_due_on, extended, later_answer_date, outcome, outcome_note, decided_on, served_on, closed_on, "
            + "reconsiderations, lawsuits, registered_at, updated_at, supplement_open, open_consultations, fee_open, "
            + "supplement_deadline_passed, fee_pay_by_passed, handler";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AgencyCalendars calendar;
    private final Clock clock;
    private final RequestFlags flags;
    private final QueryDatabase database;

    public RequestQueries(QueryDatabase database, ObjectMapper json, AgencyCalendars calendar, Clock clock) {
        this.database = database;
        this.flags = new RequestFlags(database);
        this.jdbc = database.jdbc();
        this.json = json;
        this.calendar = calendar;
        this.clock = clock;
    }

    public static Map<String, String> statusLabels() {
        return STATUS_LABELS;
    }

    /** The filters of an agency's request list; null means "any". */
    public record Filter(String caseNo, String status, ApplicantCategory category, Channel channel, Outcome outcome,
                         LocalDate receivedFrom, LocalDate receivedTo, String applicant, Boolean open) {
    }

    public record Page(List<RequestView> items, long total) {
    }

    /** The orders of the list; the default is the newest received first. */
    public enum Sort {
        RECEIVED_ON("receivedOn", "收到日期"),
        DUE_DATE("dueDate", "答复期限"),
        WORKING_DAYS_LEFT("workingDaysLeft", "剩余工作日");

        private final String key;
        private final String label;

        Sort(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public static Optional<Sort> fromKey(String text) {
            for (Sort sort : values()) {
                if (sort.key.equals(text)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }

        public static String allowedValues() {
            return String.join("、", java.util.Arrays.stream(values()).map(s -> s.key + "（" + s.label + "）").toList());
        }
    }

    /**
     * The work-management filters of the list, over one agency or a supervisor's subtree; null means "any".
     *
     * @param agencies  the agencies whose requests are listed (checked by the caller)
     * @param handler   the handler's user name; {@link #NO_HANDLER} for requests without one
     * @param dueWithin open requests due within that many working days from today (not those overdue)
     * @param overdue   open requests whose due date has passed (true) or not (false)
     * @param paused    open requests whose clock stands still (补正, 征求意见, 缴费)
     * @param year      requests received in that year
     * @param search    a substring of the applicant's name or of the request's content
     */
    public record Refinement(List<String> agencies, String handler, Integer dueWithin, Boolean overdue,
                             Boolean paused, Integer year, String search, Sort sort, boolean ascending) {

        public static final String NO_HANDLER = "none";

        static Refinement of(String agencyCode) {
            return new Refinement(List.of(agencyCode), null, null, null, null, null, null, Sort.RECEIVED_ON, false);
        }
    }

    public Optional<RequestView> find(String id) {
        return jdbc.query("select " + COLUMNS + " from request_summary where id = ?", this::row, id).stream()
                .findFirst()
                .map(view -> withWorkingDaysLeft(view, calendar.forAgency(view.agencyCode()), LocalDate.now(clock)))
                .map(view -> view.withHistory(timeline(id), dueDateHistory(id), redecisions(id)))
                .map(view -> view.withFlags(flags.forRequest(id)))
                .map(view -> view.withRelatedRequests(related(id)));
    }

    /**
     * The agency a request belongs to, without reading its history or flags: enough to decide whether a user may
     * read it.
     */
    public Optional<String> agencyOf(String id) {
        return jdbc.queryForList("select agency_code from request_summary where id = ?", String.class, id).stream()
                .findFirst();
    }

    public Page list(String agencyCode, Filter filter, int page, int size) {
        return list(filter, Refinement.of(agencyCode), page, size);
    }

    public Page list(Filter filter, Refinement refinement, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Map<String, WorkingDayCalendar> calendars = calendar.forAgencies(refinement.agencies());
        Where where = where(filter, refinement, calendars, today);
        Long total = jdbc.queryForObject("select count(*) from request_summary" + where.sql(), Long.class,
                where.arguments().toArray());
        List<Object> paged = new ArrayList<>(where.arguments());
        paged.add(size);
        paged.add((long) page * size);
        List<RequestView> rows = jdbc.query("select " + COLUMNS + " from request_summary" + where.sql()
                + orderBy(filter, refinement) + " limit ? offset ?", this::row, paged.toArray());
        // A list never shows full ID numbers and contacts, whoever reads it: only the request page may (ADR 0013).
        List<RequestView> items = rows.stream()
                .map(view -> withWorkingDaysLeft(view, calendarOf(calendars, view.agencyCode()), today))
                .map(RequestView::withPersonalDataMasked).toList();
        return new Page(items, total == null ? 0 : total);
    }

    /**
     * Every row of the filtered list in its order, one at a time, masked as the list masks them: the rows stream from
     * a database cursor, so an export of 100,000 requests never holds them all.
     */
    public void forEach(Filter filter, Refinement refinement, java.util.function.Consumer<RequestView> consumer) {
        LocalDate today = LocalDate.now(clock);
        Map<String, WorkingDayCalendar> calendars = calendar.forAgencies(refinement.agencies());
        Where where = where(filter, refinement, calendars, today);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(500);
        // PostgreSQL streams with a cursor only inside a transaction; otherwise it sends the whole result at once.
        database.transactions().executeWithoutResult(status -> streaming.query("select " + COLUMNS
                + " from request_summary" + where.sql() + orderBy(filter, refinement), rs -> {
                    RequestView view = row(rs, 0);
                    consumer.accept(withWorkingDaysLeft(view, calendarOf(calendars, view.agencyCode()), today)
                            .withPersonalDataMasked());
                }, where.arguments().toArray()));
    }

    private record Where(String sql, List<Object> arguments) {
    }

    /**
     * The list's filters as one SQL condition over {@code request_summary} (its agencies left out): what a count of the
     * 工作台 uses, so that the count and the list it links to can never disagree.
     *
     * @param sql       a boolean expression, {@code true and …}
     * @param arguments its parameters in order
     */
    public record Condition(String sql, List<Object> arguments) {
    }

    public Condition condition(Filter filter, Refinement refinement) {
        Where conditions = conditions(filter, refinement, calendar.forAgencies(refinement.agencies()),
                LocalDate.now(clock));
        return new Condition("true" + conditions.sql(), conditions.arguments());
    }

    private Where where(Filter filter, Refinement refinement, Map<String, WorkingDayCalendar> calendars,
                        LocalDate today) {
        StringBuilder where = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        if (refinement.agencies().size() == 1) {
            where.append(" where agency_code = ?");
            arguments.add(refinement.agencies().get(0));
        } else {
            where.append(" where agency_code = any(cast(? as varchar[]))");
            arguments.add(refinement.agencies().toArray(String[]::new));
        }
        Where conditions = conditions(filter, refinement, calendars, today);
        arguments.addAll(conditions.arguments());
        return new Where(where + conditions.sql(), arguments);
    }

    /** The conditions after the agencies', each starting with " and". */
    private Where conditions(Filter filter, Refinement refinement, Map<String, WorkingDayCalendar> calendars,
                             LocalDate today) {
        StringBuilder where = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        condition(where, arguments, "case_no = ?", filter.caseNo());
        condition(where, arguments, "status = ?", filter.status());
        condition(where, arguments, "applicant_category = ?", filter.category() == null ? null : filter.category().name());
        condition(where, arguments, "channel = ?", filter.channel() == null ? null : filter.channel().name());
        condition(where, arguments, "outcome = ?", filter.outcome() == null ? null : filter.outcome().name());
        condition(where, arguments, "received_on >= ?", filter.receivedFrom() == null ? null : Date.valueOf(filter.receivedFrom()));
        condition(where, arguments, "received_on <= ?", filter.receivedTo() == null ? null : Date.valueOf(filter.receivedTo()));
        condition(where, arguments, "applicant_name ilike ?",
                filter.applicant() == null ? null : "%" + likeEscaped(filter.applicant()) + "%");
        if (filter.open() != null) {
            where.append(filter.open() ? " and closed_on is null" : " and closed_on is not null");
        }
        if (Refinement.NO_HANDLER.equals(refinement.handler())) {
            where.append(" and handler is null");
        } else {
            condition(where, arguments, "handler = ?", refinement.handler());
        }
        if (refinement.year() != null) {
            where.append(" and received_on >= ? and received_on < ?");
            arguments.add(Date.valueOf(LocalDate.of(refinement.year(), 1, 1)));
            arguments.add(Date.valueOf(LocalDate.of(refinement.year() + 1, 1, 1)));
        }
        if (refinement.overdue() != null) {
            // Overdue as the deadline board and the scheduler say it: open, the clock running, and the due date passed.
            // While the clock stands still (补正, 征求意见, 缴费) the period does not run: the due date kept in the row is the
            // one before the pause, which the standstill will push back (or, for a 补正, restart), so such a request is
            // paused, not overdue, however old that date.
            String overdue = overdueCondition(today, arguments);
            where.append(refinement.overdue() ? " and " + overdue : " and not coalesce(" + overdue + ", false)");
        }
        if (refinement.paused() != null) {
            String paused = "(closed_on is null and " + CLOCK_STANDS_STILL + ")";
            where.append(refinement.paused() ? " and " + paused : " and not " + paused);
        }
        if (refinement.dueWithin() != null) {
            dueWithin(where, arguments, refinement, calendars, today);
        }
        if (refinement.search() != null && !refinement.search().isBlank()) {
            // The GIN index of bigrams (request_search, V20) narrows the rows; the substring test on them decides. One
            // character has no bigram: its search reads the agency's rows.
            String search = refinement.search().strip();
            if (search.codePointCount(0, search.length()) >= 2) {
                where.append(" and id in (select request_id from request_search where grams @> request_search_grams(?))");
                arguments.add(search);
            }
            where.append(" and (applicant_name ilike ? or description ilike ?)");
            String pattern = "%" + likeEscaped(search) + "%";
            arguments.add(pattern);
            arguments.add(pattern);
        }
        return new Where(where.toString(), arguments);
    }

    /**
     * The condition "overdue": open, the clock running and the due date before today; its argument (today) is appended
     * to {@code arguments}. One rule for the list's {@code overdue} filter, the menu's overdue counts and the overdue
     * reminders (the header's bell, the daily digest), so that none of them can disagree, and none waits for the
     * scheduler's overdue event (which may come up to an hour after midnight). Its columns are unqualified: inside a
     * subquery they resolve to the innermost {@code request_summary}.
     */
    public static String overdueCondition(LocalDate today, List<Object> arguments) {
        arguments.add(Date.valueOf(today));
        return "(closed_on is null and not " + CLOCK_STANDS_STILL + " and due_date < ?)";
    }

    /**
     * Open requests due from today up to the N-th working day after it, by each agency's calendar: the due date lies
     * before the (N+1)-th working day. Agencies sharing a calendar share one condition.
     */
    private void dueWithin(StringBuilder where, List<Object> arguments, Refinement refinement,
                                  Map<String, WorkingDayCalendar> calendars, LocalDate today) {
        where.append(" and closed_on is null and ").append(dueWithinCondition(refinement.agencies(),
                refinement.dueWithin(), agency -> calendarOf(calendars, agency), today, arguments));
    }

    /**
     * The condition "the clock running and the due date within {@code workingDays} working days from today", each
     * agency's days counted on its own calendar; its arguments are appended to {@code arguments}. One rule for the
     * list's {@code dueWithin} and the menu's due-soon count, so that the two cannot disagree.
     */
    public static String dueWithinCondition(List<String> agencies, int workingDays,
                                            Function<String, WorkingDayCalendar> calendarOf, LocalDate today,
                                            List<Object> arguments) {
        Map<LocalDate, List<String>> byLimit = new java.util.TreeMap<>();
        for (String agency : agencies) {
            LocalDate limit = calendarOf.apply(agency).addWorkingDays(today, workingDays + 1);
            byLimit.computeIfAbsent(limit, key -> new ArrayList<>()).add(agency);
        }
        StringBuilder condition = new StringBuilder("(not " + CLOCK_STANDS_STILL + " and due_date >= ? and (");
        arguments.add(Date.valueOf(today));
        String separator = "";
        for (Map.Entry<LocalDate, List<String>> entry : byLimit.entrySet()) {
            condition.append(separator).append("(agency_code = any(cast(? as varchar[])) and due_date < ?)");
            arguments.add(entry.getValue().toArray(String[]::new));
            arguments.add(Date.valueOf(entry.getKey()));
            separator = " or ";
        }
        return condition.append("))").toString();
    }

    /**
     * Working days left follow the due date within a calendar; the closed requests, which have none, come last. Every
     * order ends with the id, so that pages never overlap.
     */
    private static String orderBy(Filter filter, Refinement refinement) {
        String direction = refinement.ascending() ? " asc" : " desc";
        // A list of open requests only has no closed ones to put last: without that key an index on the due date
        // (V24's for a handler's open requests) gives the first page in order.
        String closedLast = Boolean.TRUE.equals(filter.open()) ? "" : "(closed_on is not null), ";
        return switch (refinement.sort()) {
            case RECEIVED_ON -> " order by received_on" + direction + ", case_no" + direction + ", id";
            case DUE_DATE -> " order by due_date" + direction + " nulls last, received_on, id";
            case WORKING_DAYS_LEFT -> " order by " + closedLast + "due_date" + direction
                    + " nulls last, received_on, id";
        };
    }

    private WorkingDayCalendar calendarOf(Map<String, WorkingDayCalendar> calendars, String agency) {
        WorkingDayCalendar found = calendars.get(agency);
        return found != null ? found : calendar.forAgency(agency);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static RequestView withWorkingDaysLeft(RequestView view, WorkingDayCalendar calendar, LocalDate today) {
        if (view.dueDate() == null) {
            return view;
        }
        // The counting window of the period runs from the receipt (or a later start) to the due date. A date the
        // agency set itself (条例35) counts no working days, so it rests on no derived holiday.
        boolean provisional = view.laterAnswerDate() == null
                && calendar.countsDerivedDays(view.receivedOn(), view.dueDate());
        return view.withWorkingDaysLeft(view.closedOn() != null ? null
                : calendar.workingDaysBetween(today, view.dueDate()), provisional, withOverdue(view, today));
    }

    /**
     * The request's reminders with "overdue" first when the list's {@link #overdueCondition} holds for it today: open,
     * the clock running and the due date passed. The request page, the list, the bell and the badges then agree on the
     * day the period ends, without waiting for the scheduler's overdue event.
     */
    private static List<RequestView.Reminder> withOverdue(RequestView view, LocalDate today) {
        if (view.closedOn() != null || view.clockPaused() || !view.dueDate().isBefore(today)) {
            return view.reminders();
        }
        List<RequestView.Reminder> reminders = new ArrayList<>();
        reminders.add(new RequestView.Reminder("OVERDUE", "答复期限 " + view.dueDate() + " 已届满，该申请尚未答复，已逾期"));
        reminders.addAll(view.reminders());
        return reminders;
    }

    private static void condition(StringBuilder where, List<Object> arguments, String sql, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" and ").append(sql);
            arguments.add(value);
        }
    }

    /**
     * The request's history in the order things happened: by business date, then by when each was entered. An entry
     * without a date of its own (a due date worked out) takes the date of the entry it follows in the request's
     * stream, the step that caused it; one before any dated entry, the office's day it was entered. A decision entered
     * today for last week so sits before a 补正 entered yesterday for this week.
     */
    private List<RequestView.TimelineItem> timeline(String id) {
        return jdbc.query("select sequence, event_type, title, detail, business_date, recorded_at, recorded_by, data "
                        + "from (select t.*, first_value(business_date) over (partition by dated order by sequence) "
                        + "as step_date from (select *, count(business_date) over (order by sequence) as dated "
                        + "from request_timeline where request_id = ?) t) t "
                        + "order by coalesce(step_date, (recorded_at at time zone 'Asia/Shanghai')::date), recorded_at, "
                        + "sequence",
                (rs, n) -> new RequestView.TimelineItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), localDate(rs, 5), instant(rs, 6), rs.getString(7), data(rs.getString(8))),
                id);
    }

    /**
     * The requests linked with this one, both ways: those it was linked to, and the later ones linked to it. Only
     * requests of the same agency can be linked (the command side checks it), so no other agency's case shows here.
     */
    private List<RequestView.RelatedRequest> related(String id) {
        return jdbc.query("select s.id, s.case_no, s.received_on, 'EARLIER', t.data ->> 'reason', t.recorded_at, "
                        + "t.recorded_by, t.sequence from request_timeline t "
                        + "join request_summary s on s.id = t.data ->> 'earlierRequestId' "
                        + "where t.request_id = ? and t.event_type = 'RequestLinkedToEarlier' "
                        + "union all select s.id, s.case_no, s.received_on, 'LATER', t.data ->> 'reason', "
                        + "t.recorded_at, t.recorded_by, t.sequence from request_timeline t "
                        + "join request_summary s on s.id = t.request_id "
                        + "where t.data ->> 'earlierRequestId' = ? and t.event_type = 'RequestLinkedToEarlier' "
                        + "order by 6, 8",
                (rs, n) -> new RequestView.RelatedRequest(rs.getString(1), rs.getString(2), localDate(rs, 3),
                        rs.getString(4), "EARLIER".equals(rs.getString(4)) ? "既往申请" : "后续申请",
                        emptyToNull(rs.getString(5)), instant(rs, 6), rs.getString(7)),
                id, id);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private List<RequestView.DueDateChange> dueDateHistory(String id) {
        return jdbc.query("select data ->> 'dueOn', data ->> 'reason', data ->> 'explanation', recorded_at, recorded_by "
                        + "from request_timeline where request_id = ? and event_type = 'AnswerDueDateChanged' "
                        + "order by sequence",
                (rs, n) -> new RequestView.DueDateChange(LocalDate.parse(rs.getString(1)),
                        DueDateReason.valueOf(rs.getString(2)).label(), rs.getString(3), instant(rs, 4),
                        rs.getString(5)),
                id);
    }

    private List<RequestView.Redecision> redecisions(String id) {
        return jdbc.query("select data ->> 'outcome', data ->> 'note', data ->> 'decidedOn', data ->> 'servedOn', "
                        + "data ->> 'orderedBy', data ->> 'appealNo', recorded_at, recorded_by "
                        + "from request_timeline where request_id = ? and event_type = 'RequestRedecided' "
                        + "order by sequence",
                (rs, n) -> {
                    Outcome outcome = Outcome.valueOf(rs.getString(1));
                    AppealKind orderedBy = AppealKind.valueOf(rs.getString(5));
                    String servedOn = rs.getString(4);
                    return new RequestView.Redecision(outcome.name(), outcome.fullLabel(), rs.getString(2),
                            LocalDate.parse(rs.getString(3)), servedOn == null ? null : LocalDate.parse(servedOn),
                            orderedBy.name(), orderedBy.label(), Integer.parseInt(rs.getString(6)), instant(rs, 7),
                            rs.getString(8));
                },
                id);
    }

    private Map<String, Object> data(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Only an open request asks the clerk for anything. */
    private static List<RequestView.Reminder> reminders(ResultSet rs) throws SQLException {
        if (rs.getDate("closed_on") != null) {
            return List.of();
        }
        // Overdue is added with today's date known (withWorkingDaysLeft), by the list's own rule.
        List<RequestView.Reminder> reminders = new ArrayList<>();
        if (rs.getBoolean("supplement_deadline_passed") && rs.getBoolean("supplement_open")) {
            reminders.add(new RequestView.Reminder("SUPPLEMENT_DEADLINE_PASSED", "补正期限 "
                    + localDate(rs, "supplement_due_on") + " 已届满，未收到补正。申请人无正当理由逾期不补正的，视为放弃申请："
                    + "请核实后登记逾期未补正，并以“其他处理·逾期不补正”办结"));
        }
        LocalDate payBy = localDate(rs, "fee_pay_by_passed");
        if (payBy != null && rs.getBoolean("fee_open")) {
            reminders.add(new RequestView.Reminder("FEE_DEADLINE_PASSED", "缴费期限 " + payBy
                    + " 已届满，申请人未缴费。逾期未缴费的，视为放弃申请：请核实后登记逾期未缴费，并以“其他处理·逾期未缴费”办结"));
        }
        return reminders;
    }

    private RequestView row(ResultSet rs, int rowNumber) throws SQLException {
        ApplicantCategory category = ApplicantCategory.valueOf(rs.getString("applicant_category"));
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String outcome = rs.getString("outcome");
        String form = rs.getString("requested_form");
        String status = rs.getString("status");
        // A closed request keeps the flags of its last step (a lapsed 补正 stays open), but its clock no longer runs.
        PauseReason paused = rs.getDate("closed_on") != null ? null : PauseReason.of(
                rs.getBoolean("supplement_open"), rs.getInt("open_consultations"), rs.getBoolean("fee_open"));
        return new RequestView(
                rs.getString("id"), rs.getString("agency_code"), rs.getString("case_no"), status,
                STATUS_LABELS.get(status),
                new RequestView.Applicant(category.label(), category.name(), rs.getString("applicant_name"),
                        rs.getString("applicant_id_type"), rs.getString("applicant_id_number"),
                        rs.getString("applicant_contact")),
                channel.label(), channel.name(), localDate(rs, "submitted_on"), localDate(rs, "confirmed_on"),
                localDate(rs, "received_on"), rs.getString("description"), rs.getInt("item_count"),
                form == null ? null : RequestedForm.valueOf(form).label(), localDate(rs, "due_date"),
                rs.getString("due_explanation"), null, paused != null, paused == null ? null : paused.name(),
                paused == null ? null : paused.label(), reminders(rs), rs.getInt("supplement_rounds"),
                localDate(rs, "supplement_due_on"),
                rs.getBoolean("extended"), localDate(rs, "later_answer_date"), outcome,
                outcome == null ? null : Outcome.valueOf(outcome).fullLabel(), rs.getString("outcome_note"),
                localDate(rs, "decided_on"), localDate(rs, "served_on"), localDate(rs, "closed_on"),
                rs.getInt("reconsiderations"), rs.getInt("lawsuits"), instant(rs, "registered_at"),
                instant(rs, "updated_at"), null, null, null, false, null, rs.getString("handler"), null);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The place of a request among its applicant's requests to the same agency in the calendar month it was received
     * (国办函〔2020〕109号 按件): 1 for the first. The applicant is known by the identity document's number where one was
     * recorded (blanks removed, letters upper case), else by the name (blanks removed); requests received the same day
     * count in the order they were registered.
     */
    public int placeInApplicantsMonth(String requestId) {
        String identity = "coalesce(nullif(upper(regexp_replace(coalesce(%1$s.applicant_id_number, ''), '\\s', '', 'g')), ''), "
                + "'#' || regexp_replace(%1$s.applicant_name, '\\s', '', 'g'))";
        Integer place = jdbc.queryForObject("select count(*) from request_summary o join request_summary r on r.id = ? "
                        + "where o.agency_code = r.agency_code "
                        + "and o.received_on >= date_trunc('month', r.received_on) and o.received_on <= r.received_on "
                        + "and " + identity.formatted("o") + " = " + identity.formatted("r")
                        + " and (o.received_on < r.received_on or (o.registered_at, o.id) <= (r.registered_at, r.id))",
                Integer.class, requestId);
        return place == null ? 0 : place;
    }

    /** Requests received and closed per month of the year, over the given agencies; all twelve months, zeros included. */
    public List<Map<String, Object>> monthlyCounts(List<String> agencies, int year) {
        long[][] counts = new long[12][2];
        // Date ranges, not extract(year ...): the agency's (agency_code, received_on) index serves them.
        String[] codes = agencies.toArray(String[]::new);
        Date from = Date.valueOf(LocalDate.of(year, 1, 1));
        Date until = Date.valueOf(LocalDate.of(year + 1, 1, 1));
        jdbc.query("select extract(month from received_on)::int, 0, count(*) from request_summary"
                        + " where agency_code = any(cast(? as varchar[])) and received_on >= ? and received_on < ?"
                        + " group by 1"
                        + " union all select extract(month from closed_on)::int, 1, count(*) from request_summary"
                        + " where agency_code = any(cast(? as varchar[])) and closed_on >= ? and closed_on < ?"
                        + " group by 1",
                rs -> {
                    counts[rs.getInt(1) - 1][rs.getInt(2)] = rs.getLong(3);
                },
                codes, from, until, codes, from, until);
        List<Map<String, Object>> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(Map.of("month", m + 1, "received", counts[m][0], "closed", counts[m][1]));
        }
        return months;
    }
}
