package cn.foi.command.notice;

import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.ServiceMethod;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

    /**
     * A notice as listed; the document's bytes are read separately. The service and the voiding are null until
     * recorded; servesNumber only for a 送达回证.
     */
    public record IssuedNotice(String number, NoticeKind kind, int seriesYear, int sequence, LocalDate issuedOn,
                               String templateVersion, String sha256, String servesNumber, LocalDate servedOn,
                               ServiceMethod serviceMethod, String serviceRecipient, LocalDate voidedOn,
                               String voidReason) {
    }

    /** A stored document with what its download needs. */
    public record StoredDocument(String number, NoticeKind kind, byte[] content, LocalDate voidedOn) {
    }

    @Override
    public NoticeIssued issue(String requestId, String agencyCode, NoticeKind kind, LocalDate issuedOn,
                              String servesNumber) {
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
        byte[] content = kind == NoticeKind.SERVICE
                ? serviceForm(requestId, servesNumber, number, facts, agencyName, issuedOn).toDocx()
                : writer.write(kind, facts, number, agencyName, issuedOn,
                        new NoticeWriter.Remedy(effective.reconsiderationBody(), effective.court())).toDocx();
        String sha256 = sha256(content);
        jdbc.update("insert into notice_document (request_id, number, agency_code, kind, series_year, sequence, "
                        + "issued_on, template_version, sha256, content, serves_number) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                requestId, number, agencyCode, kind.name(), year, sequence, java.sql.Date.valueOf(issuedOn),
                writer.templateVersion(), sha256, content, servesNumber);
        return new NoticeIssued(requestId, kind, number, year, sequence, issuedOn, writer.templateVersion(), sha256,
                servesNumber);
    }

    /**
     * The 送达回证 of a notice of the request (the request checked it is on file and not voided): addressed to the
     * notice's own addressee (the consulted party for a 征求意见函, else the applicant), with the way of service
     * ticked if it is already recorded.
     */
    private ServiceForm serviceForm(String requestId, String servesNumber, String number, NoticeFacts facts,
                                    String agencyName, LocalDate issuedOn) {
        Map<String, Object> served = jdbc.queryForMap("select kind, service_method from notice_document "
                + "where request_id = ? and number = ?", requestId, servesNumber);
        NoticeKind servedKind = NoticeKind.valueOf((String) served.get("kind"));
        String method = (String) served.get("service_method");
        String recipient = facts.applicantName();
        if (servedKind == NoticeKind.CONSULTATION && facts.consultation() != null) {
            String addressee = facts.consultation().addressee();
            recipient = addressee == null || addressee.isBlank() ? facts.consultation().party().label() : addressee;
        }
        return new ServiceForm(number, servedKind.title(), servesNumber, recipient,
                method == null ? null : ServiceMethod.valueOf(method), agencyName, issuedOn);
    }

    public List<IssuedNotice> list(String requestId) {
        return jdbc.query("select number, kind, series_year, sequence, issued_on, template_version, sha256, "
                        + "serves_number, served_on, service_method, service_recipient, voided_on, void_reason "
                        + "from notice_document where request_id = ? order by issued_at, kind, sequence",
                (rs, n) -> new IssuedNotice(rs.getString(1), NoticeKind.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getInt(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8),
                        date(rs.getDate(9)), rs.getString(10) == null ? null : ServiceMethod.valueOf(rs.getString(10)),
                        rs.getString(11), date(rs.getDate(12)), rs.getString(13)), requestId);
    }

    public Optional<StoredDocument> document(String requestId, String number) {
        return jdbc.query("select number, kind, content, voided_on from notice_document "
                        + "where request_id = ? and number = ?",
                (rs, n) -> new StoredDocument(rs.getString(1), NoticeKind.valueOf(rs.getString(2)), rs.getBytes(3),
                        date(rs.getDate(4))),
                requestId, number).stream().findFirst();
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
