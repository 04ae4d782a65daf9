package cn.foi.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in log in a side's own database (table {@code sign_in_log}, created by each side's migrations). Attempts
 * older than the retention are deleted while new ones are written, at most once an hour.
 */
public class JdbcSignInLog implements SignInLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcSignInLog.class);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.MIN);

    public JdbcSignInLog(JdbcTemplate jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void record(SignInAttempt attempt) {
        try {
            jdbc.update("insert into sign_in_log (at, typed, username, result, address, user_agent, via) "
                            + "values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(attempt.at()),
                    storable(attempt.typed(), 100), storable(attempt.username(), 100), attempt.result().name(),
                    storable(attempt.address(), 100), storable(attempt.userAgent(), SignInDetails.USER_AGENT_LENGTH),
                    attempt.via());
            prune();
        } catch (DataAccessException e) {
            // The audit log must not decide whether someone can work: the attempt is still answered, the fault logged.
            log.error("登录日志写入失败 / could not record a sign-in attempt", e);
        }
    }

    private void prune() {
        Instant now = clock.instant();
        Instant last = lastPruned.get();
        if (last.plus(PRUNE_EVERY).isBefore(now) && lastPruned.compareAndSet(last, now)) {
            jdbc.update("delete from sign_in_log where at < ?", Timestamp.from(now.minus(retention)));
        }
    }

    /** A name typed at sign-in may be anything: PostgreSQL refuses U+0000 in text, and the column has a length. */
    private static String storable(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', '\uFFFD');
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    @Override
    public Page list(String username, SignInResult result, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (username != null) {
            where.append(" and username = ?");
            arguments.add(username);
        }
        if (result != null) {
            where.append(" and result = ?");
            arguments.add(result.name());
        }
        Long total = jdbc.queryForObject("select count(*) from sign_in_log" + where, Long.class, arguments.toArray());
        arguments.add(size);
        arguments.add((long) page * size);
        List<SignInAttempt> items = jdbc.query("select at, typed, username, result, address, user_agent, via "
                        + "from sign_in_log" + where + " order by at desc, id desc limit ? offset ?",
                (row, n) -> new SignInAttempt(row.getTimestamp("at").toInstant(), row.getString("typed"),
                        row.getString("username"), SignInResult.valueOf(row.getString("result")),
                        row.getString("address"), row.getString("user_agent"), row.getString("via")),
                arguments.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    @Override
    public Page between(java.util.Collection<String> usernames, java.time.Instant from, java.time.Instant to,
                        int limit) {
        StringBuilder where = new StringBuilder(" where at >= ? and at < ?");
        List<Object> arguments = new ArrayList<>(List.of(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)));
        if (usernames != null) {
            where.append(" and username = any(?)");
            arguments.add(usernames.toArray(String[]::new));
        }
        Long total = jdbc.queryForObject("select count(*) from sign_in_log" + where, Long.class, arguments.toArray());
        arguments.add(limit);
        List<SignInAttempt> items = jdbc.query("select at, typed, username, result, address, user_agent, via "
                        + "from sign_in_log" + where + " order by at desc, id desc limit ?",
                (row, n) -> new SignInAttempt(row.getTimestamp("at").toInstant(), row.getString("typed"),
                        row.getString("username"), SignInResult.valueOf(row.getString("result")),
                        row.getString("address"), row.getString("user_agent"), row.getString("via")),
                arguments.toArray());
        return new Page(items, total == null ? 0 : total);
    }
}
