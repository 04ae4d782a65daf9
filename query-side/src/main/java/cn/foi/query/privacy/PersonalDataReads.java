package cn.foi.query.privacy;

import cn.foi.platform.security.FoiUser;
import cn.foi.query.persistence.QueryDatabase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of reads of an applicant's full personal data by users outside the request's own agency (a supervisor
 * of a parent agency), kept for the administrators to check (个人信息保护法 第五十一条; ADR 0013). Rows are only added.
 */
@Component
public class PersonalDataReads {

    /** The day boundaries of the list's date filter: the offices' time zone. */
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PersonalDataReads(QueryDatabase database, Clock clock) {
        this.jdbc = database.jdbc();
        this.clock = clock;
    }

    /**
     * One read.
     *
     * @param remoteAddress the address the read came from, as the server saw it (behind a proxy: the forwarded one)
     */
    public record Read(long id, Instant readAt, String username, String userRole, String userAgencyCode,
                       String requestId, String requestAgencyCode, String caseNo, String remoteAddress) {
    }

    /** The filters of the list; null means "any". */
    public record Filter(String username, String requestId, String agencyCode, LocalDate from, LocalDate to) {
    }

    public record Page(List<Read> items, long total) {
    }

    public void record(FoiUser user, String requestId, String requestAgencyCode, String caseNo, String remoteAddress) {
        jdbc.update("insert into personal_data_read (read_at, username, user_role, user_agency_code, request_id, "
                        + "request_agency_code, case_no, remote_address) values (?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), user.username(), user.role().name(), user.agencyCode(), requestId,
                requestAgencyCode, caseNo, remoteAddress);
    }

    public Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        condition(where, arguments, "username = ?", filter.username());
        condition(where, arguments, "request_id = ?", filter.requestId());
        condition(where, arguments, "request_agency_code = ?", filter.agencyCode());
        condition(where, arguments, "read_at >= ?", filter.from() == null ? null
                : Timestamp.from(filter.from().atStartOfDay(OFFICE_ZONE).toInstant()));
        condition(where, arguments, "read_at < ?", filter.to() == null ? null
                : Timestamp.from(filter.to().plusDays(1).atStartOfDay(OFFICE_ZONE).toInstant()));
        Long total = jdbc.queryForObject("select count(*) from personal_data_read" + where, Long.class,
                arguments.toArray());
        arguments.add(size);
        arguments.add((long) page * size);
        List<Read> items = jdbc.query("select id, read_at, username, user_role, user_agency_code, request_id, "
                        + "request_agency_code, case_no, remote_address from personal_data_read" + where
                        + " order by read_at desc, id desc limit ? offset ?",
                (rs, n) -> new Read(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                arguments.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    private static void condition(StringBuilder where, List<Object> arguments, String sql, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" and ").append(sql);
            arguments.add(value instanceof String text ? text.strip() : value);
        }
    }
}
