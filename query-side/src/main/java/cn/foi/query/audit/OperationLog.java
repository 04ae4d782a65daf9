package cn.foi.query.audit;

import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.platform.security.SignInAttempt;
import cn.foi.platform.security.SignInLog;
import cn.foi.platform.security.SignInResult;
import cn.foi.query.persistence.QueryDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The operation log (操作日志): who did what and when, read from what the system already keeps rather than written a
 * second time. Every step on a request is an event whose metadata names the signed-in user (the command side's
 * correlation data, {@code actor}); the request projection keeps it with the step's business date and the time it was
 * recorded ({@code request_timeline}). Sign-ins come from the sign-in log. Nothing here holds personal data beyond
 * the user names: an applicant appears only through the case number.
 */
@Component
public class OperationLog {

    /** A sign-in's outcome as the log shows it. */
    static final Map<SignInResult, String> SIGN_IN_LABELS = Map.of(
            SignInResult.SUCCESS, "登录成功",
            SignInResult.WRONG_PASSWORD, "登录失败：密码错误",
            SignInResult.UNKNOWN_USER, "登录失败：用户名不存在",
            SignInResult.THROTTLED, "登录被限制：失败次数过多",
            SignInResult.INACTIVE, "登录被拒绝：账号已停用");

    /**
     * One operation.
     *
     * @param kind         REQUEST (a step on a request) or SIGN_IN
     * @param businessDate the date the step took effect in law (收到日期, 决定日期 …); null for a sign-in
     * @param requestId    the request the step was on; null for a sign-in
     */
    public record Entry(Instant at, String username, String kind, String action, LocalDate businessDate,
                        String agencyCode, String requestId, String caseNo) {
    }

    public record Page(List<Entry> items, long total) {
    }

    /**
     * What to list.
     *
     * @param agencies  the agencies whose requests count; null for every agency
     * @param usernames the users whose sign-ins count; null for everybody's
     * @param user      one user only, when given
     */
    public record Filter(Collection<String> agencies, Collection<String> usernames, String user, LocalDate from,
                         LocalDate to) {
        Instant start() {
            return from.atStartOfDay(FoiPlatformConfiguration.OFFICE_ZONE).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(FoiPlatformConfiguration.OFFICE_ZONE).toInstant();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<SignInLog> signIns;

    public OperationLog(QueryDatabase database, ObjectProvider<SignInLog> signIns) {
        this.jdbc = database.jdbc();
        this.signIns = signIns;
    }

    /**
     * Newest first, {@code size} entries from {@code page} (from 0). The two sources are each read newest first up to
     * the end of the page and merged: a page deep in a long log reads more rows, which the filters keep bounded.
     */
    public Page page(Filter filter, int page, int size) {
        int upTo = (page + 1) * size;
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(filter.start()), Timestamp.from(filter.end())));
        StringBuilder where = new StringBuilder(" where t.recorded_at >= ? and t.recorded_at < ?");
        if (filter.agencies() != null) {
            where.append(" and s.agency_code = any(?)");
            arguments.add(filter.agencies().toArray(String[]::new));
        }
        if (filter.user() != null) {
            where.append(" and t.recorded_by = ?");
            arguments.add(filter.user());
        }
        String from = " from request_timeline t join request_summary s on s.id = t.request_id";
        Long requestTotal = jdbc.queryForObject("select count(*)" + from + where, Long.class, arguments.toArray());
        arguments.add(upTo);
        List<Entry> entries = new ArrayList<>(jdbc.query("select t.recorded_at, t.recorded_by, t.title,"
                        + " t.business_date, s.agency_code, t.request_id, s.case_no" + from + where
                        + " order by t.recorded_at desc, t.request_id, t.sequence desc limit ?",
                (rs, n) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), "REQUEST", rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7)),
                arguments.toArray()));
        long total = requestTotal == null ? 0 : requestTotal;
        SignInLog log = signIns.getIfAvailable();
        if (log != null) {
            Collection<String> users = filter.user() != null
                    ? (filter.usernames() == null || filter.usernames().contains(filter.user())
                    ? List.of(filter.user()) : List.of())
                    : filter.usernames();
            if (users == null || !users.isEmpty()) {
                SignInLog.Page signInPage = log.between(users, filter.start(), filter.end(), upTo);
                total += signInPage.total();
                for (SignInAttempt attempt : signInPage.items()) {
                    entries.add(new Entry(attempt.at(), attempt.username(), "SIGN_IN",
                            SIGN_IN_LABELS.getOrDefault(attempt.result(), attempt.result().name())
                                    + ("BASIC".equals(attempt.via()) ? "（接口）" : ""),
                            null, null, null, null));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        int start = Math.min(page * size, entries.size());
        return new Page(List.copyOf(entries.subList(start, Math.min(start + size, entries.size()))), total);
    }
}
