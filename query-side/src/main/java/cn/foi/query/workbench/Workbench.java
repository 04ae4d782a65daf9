package cn.foi.query.workbench;

import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.PauseReason;
import cn.foi.query.request.RequestQueries;
import cn.foi.query.request.RequestView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 工作台 of a clerk or a supervisor (docs/api.md, 工作台): the counts of their lists, their own open requests by the
 * time left, and for a supervisor each agency under them.
 *
 * <p>Every count is the list's own filter ({@link RequestQueries#condition}), counted in one grouped query over the
 * agencies in scope ({@code count(*) filter (where …)}, one row per agency), so a count and the list it links to cannot
 * disagree, and no row is loaded into Java. 我的待办 is the list itself, sorted by working days left.
 */
@Component
public class Workbench {

    /** At most this many of the user's open requests are shown; the list has the rest. */
    public static final int TODO_SIZE = 20;

    private final RequestQueries requests;
    private final DirectoryProjection directory;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Workbench(RequestQueries requests, DirectoryProjection directory, QueryDatabase database, Clock clock) {
        this.requests = requests;
        this.directory = directory;
        this.jdbc = database.jdbc();
        this.clock = clock;
    }

    /**
     * Whose requests the 工作台 counts.
     *
     * @param agencyCode          the user's agency
     * @param includeSubordinates whether the agencies under it count too (a supervisor's)
     * @param agencies            the agency and, for a supervisor, every agency under it
     */
    public record Scope(String agencyCode, String agencyName, boolean includeSubordinates, List<String> agencies) {
    }

    /**
     * One count, with the list's filter it stands for (the query string of {@code /requests} in the web UI and of
     * {@code GET /api/agencies/{code}/requests}).
     *
     * @param count     the requests of the scope
     * @param mine      of those, the user's own (handler = the user)
     * @param query     the list's parameters giving these requests
     * @param mineQuery the same with {@code handler=me}
     */
    public record Count(String key, String label, long count, long mine, Map<String, String> query,
                        Map<String, String> mineQuery) {
    }

    /**
     * One of the user's open requests.
     *
     * @param workingDaysLeft negative when overdue (as in the list); absent while there is no due date
     * @param nextStep        what the request waits for: SUPPLEMENT (待补正), CONSULTATION (征求意见中), FEE (待缴费) —
     *                        the clock's pause reasons — or ANSWER (待答复)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TodoItem(String id, String agencyCode, String caseNo, String applicantName, LocalDate receivedOn,
                           LocalDate dueDate, Integer workingDaysLeft, boolean clockPaused, String status,
                           String statusLabel, String nextStep, String nextStepLabel) {
    }

    /** @param total all the user's open requests in scope; {@code items} holds the first {@link #TODO_SIZE} */
    public record Todo(long total, List<TodoItem> items, Map<String, String> query) {
    }

    /**
     * One agency of a supervisor's scope.
     *
     * @param answered       requests answered (closed) this year, up to today
     * @param answeredOnTime of those, answered on or before their due date (as the report's annex counts, domain §3)
     * @param onTimeRate     their share, 0..1; null when nothing was answered this year
     */
    public record AgencyLine(String code, String name, String parentCode, long open, long overdue, long answered,
                             long answeredOnTime, Double onTimeRate) {
    }

    public record Work(LocalDate today, LocalDate weekStart, List<Count> counts, Todo todo,
                       List<AgencyLine> agencies) {
    }

    /** A count of the list: its key, label, filter and the query string that says the same. */
    private record Tile(String key, String label, RequestQueries.Filter filter, Integer dueWithin, Boolean overdue,
                        Map<String, String> query) {
    }

    private static RequestQueries.Filter filter(String status, LocalDate receivedFrom, Boolean open) {
        return new RequestQueries.Filter(null, status, null, null, null, receivedFrom, null, null, open);
    }

    private static List<Tile> tiles(LocalDate weekStart) {
        return List.of(
                new Tile("open", "未办结", filter(null, null, true), null, null, Map.of("open", "true")),
                new Tile("receivedThisWeek", "本周新收", filter(null, weekStart, null), null, null,
                        Map.of("receivedFrom", weekStart.toString())),
                new Tile("dueSoon", "3个工作日内到期", filter(null, null, null), 3, null, Map.of("dueWithin", "3")),
                new Tile("overdue", "已逾期", filter(null, null, null), null, true, Map.of("overdue", "true")),
                new Tile("awaitingSupplement", "待补正", filter("AWAITING_SUPPLEMENT", null, null), null, null,
                        Map.of("status", "AWAITING_SUPPLEMENT")),
                new Tile("awaitingFee", "待缴费", filter("AWAITING_FEE", null, null), null, null,
                        Map.of("status", "AWAITING_FEE")),
                new Tile("consulting", "征求意见中", filter("CONSULTING", null, null), null, null,
                        Map.of("status", "CONSULTING")));
    }

    public Work of(String username, Scope scope) {
        LocalDate today = LocalDate.now(clock);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Tile> tiles = tiles(weekStart);
        Map<String, String> scopeQuery = scope.includeSubordinates()
                ? Map.of("includeSubordinates", "true") : Map.of();

        // One row per agency: for each tile, its count and the user's own; then the answers of the year.
        StringBuilder select = new StringBuilder("select agency_code");
        List<Object> arguments = new ArrayList<>();
        for (Tile tile : tiles) {
            RequestQueries.Condition condition = requests.condition(tile.filter(),
                    new RequestQueries.Refinement(scope.agencies(), null, tile.dueWithin(), tile.overdue(), null,
                            null, null, RequestQueries.Sort.RECEIVED_ON, false));
            select.append(", count(*) filter (where ").append(condition.sql()).append(")");
            arguments.addAll(condition.arguments());
            select.append(", count(*) filter (where ").append(condition.sql()).append(" and handler = ?)");
            arguments.addAll(condition.arguments());
            arguments.add(username);
        }
        // Answered this year as the annual report's annex counts them: closed in the year, on time when on or before
        // the due date (or without one).
        select.append(", count(*) filter (where closed_on >= ? and closed_on <= ?)");
        select.append(", count(*) filter (where closed_on >= ? and closed_on <= ?"
                + " and (due_date is null or closed_on <= due_date))");
        Date yearStart = Date.valueOf(today.withDayOfYear(1));
        arguments.addAll(List.of(yearStart, Date.valueOf(today), yearStart, Date.valueOf(today)));
        // Every count above is of open requests, of those received this week or of those closed this year: the rest of
        // an agency's history (most of its rows after a few years) is left out before the sixteen counts are taken.
        select.append(" from request_summary where agency_code = any(cast(? as varchar[]))"
                + " and (closed_on is null or closed_on >= ? or received_on >= ?) group by agency_code");
        arguments.add(scope.agencies().toArray(String[]::new));
        arguments.add(yearStart);
        arguments.add(Date.valueOf(weekStart));

        int columns = tiles.size() * 2 + 2;
        Map<String, long[]> byAgency = new HashMap<>();
        jdbc.query(select.toString(), rs -> {
            long[] values = new long[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getLong(i + 2);
            }
            byAgency.put(rs.getString(1), values);
        }, arguments.toArray());

        long[] totals = new long[columns];
        byAgency.values().forEach(values -> {
            for (int i = 0; i < columns; i++) {
                totals[i] += values[i];
            }
        });
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            Map<String, String> query = new LinkedHashMap<>(scopeQuery);
            query.putAll(tile.query());
            Map<String, String> mineQuery = new LinkedHashMap<>(query);
            mineQuery.put("handler", "me");
            counts.add(new Count(tile.key(), tile.label(), totals[i * 2], totals[i * 2 + 1], query, mineQuery));
        }

        List<AgencyLine> agencies = null;
        if (scope.includeSubordinates()) {
            Map<String, DirectoryProjection.AgencyRow> rows = new HashMap<>();
            directory.agencies().forEach(row -> rows.put(row.code(), row));
            int overdueColumn = indexOf(tiles, "overdue") * 2;
            agencies = new ArrayList<>();
            for (String code : scope.agencies()) {
                long[] values = byAgency.getOrDefault(code, new long[columns]);
                long answered = values[columns - 2];
                long onTime = values[columns - 1];
                DirectoryProjection.AgencyRow row = rows.get(code);
                agencies.add(new AgencyLine(code, row == null ? code : row.name(), row == null ? null : row.parentCode(),
                        values[indexOf(tiles, "open") * 2], values[overdueColumn], answered, onTime,
                        answered == 0 ? null : (double) onTime / answered));
            }
        }
        return new Work(today, weekStart, counts, todo(username, scope, scopeQuery), agencies);
    }

    private static int indexOf(List<Tile> tiles, String key) {
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** The user's open requests, the list sorted by working days left: the overdue first, then the nearest. */
    private Todo todo(String username, Scope scope, Map<String, String> scopeQuery) {
        RequestQueries.Page page = requests.list(filter(null, null, true),
                new RequestQueries.Refinement(scope.agencies(), username, null, null, null, null, null,
                        RequestQueries.Sort.WORKING_DAYS_LEFT, true), 0, TODO_SIZE);
        List<TodoItem> items = page.items().stream().map(Workbench::todoItem).toList();
        Map<String, String> query = new LinkedHashMap<>(scopeQuery);
        query.put("handler", "me");
        query.put("open", "true");
        query.put("sort", RequestQueries.Sort.WORKING_DAYS_LEFT.key());
        return new Todo(page.total(), items, query);
    }

    private static TodoItem todoItem(RequestView view) {
        String step = view.pausedBecause() != null ? view.pausedBecause() : "ANSWER";
        String stepLabel = view.pausedBecause() != null ? PauseReason.valueOf(view.pausedBecause()).label() : "待答复";
        return new TodoItem(view.id(), view.agencyCode(), view.caseNo(), view.applicant().name(), view.receivedOn(),
                view.dueDate(), view.workingDaysLeft(), view.clockPaused(), view.status(), view.statusLabel(), step,
                stepLabel);
    }
}
