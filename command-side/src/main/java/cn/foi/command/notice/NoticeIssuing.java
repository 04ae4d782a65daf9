package cn.foi.command.notice;

import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Numbers, writes and keeps notices (ADR 19), in the transaction of the command that issues them.
 *
 * <p>The number comes from a counter row per series (agency, kind, year), raised by one upsert: the row stays locked
 * until the command's transaction ends, so a concurrent notice of the same series waits and then takes the next
 * number, and a command that fails after taking one rolls it back. The series has neither gaps nor duplicates.
 */
@Component
public class NoticeIssuing implements Notices {

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final NoticeSettings settings;
    private final NoticeWriter writer = new NoticeWriter(NoticeTemplates.DEFAULT);

    public NoticeIssuing(JdbcTemplate jdbc, EventStore events, NoticeSettings settings) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
    }

    /** A notice as listed; the document's bytes are read separately. */
    public record IssuedNotice(String number, NoticeKind kind, int seriesYear, int sequence, LocalDate issuedOn,
                               String templateVersion, String sha256) {
    }

    /** A stored document with what its download needs. */
    public record StoredDocument(String number, NoticeKind kind, byte[] content) {
    }

    @Override
    public NoticeIssued issue(String requestId, String agencyCode, NoticeKind kind, LocalDate issuedOn) {
        NoticeFacts facts = new NoticeFacts();
        events.readEvents(requestId, 0).asStream().forEach(message -> facts.on(message.getPayload()));
        String agencyName = jdbc.queryForObject("select name from agency_directory where code = ?", String.class,
                agencyCode);
        NoticeSettings.Effective effective = settings.of(agencyCode, NoticeTemplates.DEFAULT);
        int year = issuedOn.getYear();
        Integer sequence = jdbc.queryForObject("insert into notice_series (agency_code, kind, year, last_number) "
                        + "values (?, ?, ?, 1) on conflict (agency_code, kind, year) "
                        + "do update set last_number = notice_series.last_number + 1 returning last_number",
                Integer.class, agencyCode, kind.name(), year);
        String number = NoticeNumbers.format(effective.numberPattern(), effective.shortName(), kind, year, sequence);
        byte[] content = writer.write(kind, facts, number, agencyName, issuedOn,
                new NoticeWriter.Remedy(effective.reconsiderationBody(), effective.court())).toDocx();
        String sha256 = sha256(content);
        jdbc.update("insert into notice_document (request_id, number, agency_code, kind, series_year, sequence, "
                        + "issued_on, template_version, sha256, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                requestId, number, agencyCode, kind.name(), year, sequence, java.sql.Date.valueOf(issuedOn),
                writer.templateVersion(), sha256, content);
        return new NoticeIssued(requestId, kind, number, year, sequence, issuedOn, writer.templateVersion(), sha256);
    }

    public List<IssuedNotice> list(String requestId) {
        return jdbc.query("select number, kind, series_year, sequence, issued_on, template_version, sha256 "
                        + "from notice_document where request_id = ? order by issued_at, kind, sequence",
                (rs, n) -> new IssuedNotice(rs.getString(1), NoticeKind.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getInt(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7)), requestId);
    }

    public Optional<StoredDocument> document(String requestId, String number) {
        return jdbc.query("select number, kind, content from notice_document where request_id = ? and number = ?",
                (rs, n) -> new StoredDocument(rs.getString(1), NoticeKind.valueOf(rs.getString(2)), rs.getBytes(3)),
                requestId, number).stream().findFirst();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
