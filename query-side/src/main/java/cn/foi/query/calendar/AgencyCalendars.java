package cn.foi.query.calendar;

import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.persistence.QueryDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar that applies to an agency: the national dates, then the regional dates declared for each of
 * its ancestors from the top of the agency tree down, then its own. A nearer declaration overrides a farther one on the
 * same date, so a regional holiday beats a national make-up working day and a regional working day beats a national
 * holiday. A year without national dates (its notice is not declared yet) rests on the statutory holidays derived from
 * 《全国年节及纪念日放假办法》; a due date counting its days is provisional. A declared notice always names days of its
 * own year (元旦 at least), so the years holding national dates are the declared ones.
 *
 * <p>Calendars are cached per agency. Each read asks the database, in one small query, for the agency's chain of
 * ancestors and the calendar version that {@link CalendarProjection} bumps with every change: a cached calendar is used
 * only while both are unchanged. A counter in memory would not do, as the projection's handler runs on whichever
 * instance of the query side holds the processor's claim, and would bump it before its transaction commits.
 */
@Component
public class AgencyCalendars {

    /** The scope of the national dates. */
    public static final String NATIONAL = "CN";

    /** Guards against a cycle in the agency tree; real trees are a handful of levels deep. */
    private static final int MAX_DEPTH = 32;

    private final JdbcTemplate jdbc;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AgencyCalendars(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** What was built for an agency, and from which version of the dates and which chain of ancestors. */
    private record Cached(long version, List<String> chain, WorkingDayCalendar calendar) {
    }

    /** The agency's calendar; an agency the directory does not know gets the national dates and its own. */
    public WorkingDayCalendar forAgency(String agencyCode) {
        return forAgencies(List.of(agencyCode)).get(agencyCode);
    }

    /** The calendars of several agencies, with at most two queries whatever their number. */
    public Map<String, WorkingDayCalendar> forAgencies(Collection<String> agencyCodes) {
        Map<String, WorkingDayCalendar> calendars = new HashMap<>();
        if (agencyCodes.isEmpty()) {
            return calendars;
        }
        Map<String, List<String>> chains = new LinkedHashMap<>();
        long[] version = {0};
        jdbc.query("with recursive chain (agency, code, depth) as ("
                        + " select c, c, 0 from unnest(cast(? as varchar[])) as c"
                        + " union all"
                        + " select chain.agency, a.parent_code, chain.depth + 1 from chain"
                        + " join agency a on a.code = chain.code"
                        + " where a.parent_code is not null and chain.depth < " + MAX_DEPTH + ")"
                        + " select agency, code, (select version from calendar_version where id = 1) from chain"
                        + " order by agency, depth",
                rs -> {
                    chains.computeIfAbsent(rs.getString(1), code -> new ArrayList<>()).add(rs.getString(2));
                    version[0] = rs.getLong(3);
                },
                (Object) new LinkedHashSet<>(agencyCodes).toArray(String[]::new));

        Map<String, List<String>> missing = new LinkedHashMap<>();
        chains.forEach((agency, chain) -> {
            Cached cached = cache.get(agency);
            if (cached != null && cached.version() == version[0] && cached.chain().equals(chain)) {
                calendars.put(agency, cached.calendar());
            } else {
                missing.put(agency, chain);
            }
        });
        if (!missing.isEmpty()) {
            Map<String, Map<LocalDate, String>> days = declaredDays(missing.values());
            missing.forEach((agency, chain) -> {
                WorkingDayCalendar calendar = build(chain, days);
                // Tagged with the version read before the dates: the dates are at least that new, never older.
                cache.put(agency, new Cached(version[0], List.copyOf(chain), calendar));
                calendars.put(agency, calendar);
            });
        }
        return calendars;
    }

    /** The declared days of the nation and of every agency in the chains, by scope. */
    private Map<String, Map<LocalDate, String>> declaredDays(Collection<List<String>> chains) {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(NATIONAL);
        chains.forEach(scopes::addAll);
        Map<String, Map<LocalDate, String>> days = new HashMap<>();
        jdbc.query("select scope, day, kind from calendar_day where scope = any(cast(? as varchar[]))",
                rs -> {
                    days.computeIfAbsent(rs.getString(1), scope -> new HashMap<>())
                            .put(rs.getDate(2).toLocalDate(), rs.getString(3));
                },
                (Object) scopes.toArray(String[]::new));
        return days;
    }

    /** Applies the national days, then each level of the chain from the farthest ancestor down to the agency. */
    private static WorkingDayCalendar build(List<String> chain, Map<String, Map<LocalDate, String>> days) {
        Set<Integer> declaredYears = new HashSet<>();
        days.getOrDefault(NATIONAL, Map.of()).keySet().forEach(day -> declaredYears.add(day.getYear()));
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        List<String> scopes = new ArrayList<>();
        scopes.add(NATIONAL);
        for (int i = chain.size() - 1; i >= 0; i--) {
            scopes.add(chain.get(i));
        }
        for (String scope : scopes) {
            days.getOrDefault(scope, Map.of()).forEach((day, kind) -> {
                if ("HOLIDAY".equals(kind)) {
                    holidays.add(day);
                    workdays.remove(day);
                } else {
                    workdays.add(day);
                    holidays.remove(day);
                }
            });
        }
        return WorkingDayCalendar.withDerivedYears(holidays, workdays, declaredYears);
    }
}
