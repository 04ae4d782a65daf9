package cn.foi.command.notice;

import cn.foi.command.shared.RuleViolation;
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
    private final NoticeTemplateStore layouts;
    private final NoticeWriter writer = new NoticeWriter(NoticeTemplates.DEFAULT);

    public NoticeIssuing(JdbcTemplate jdbc, EventStore events, NoticeSettings settings, NoticeTemplateStore layouts) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.layouts = layouts;
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
        NoticeFacts facts = facts(requestId);
        String agencyName = agencyName(agencyCode);
        NoticeSettings.Effective effective = settings.of(agencyCode, NoticeTemplates.DEFAULT);
        int year = issuedOn.getYear();
        Integer sequence = jdbc.queryForObject("insert into notice_series (agency_code, kind, year, last_number) "
                        + "values (?, ?, ?, 1) on conflict (agency_code, kind, year) "
                        + "do update set last_number = notice_series.last_number + 1 returning last_number",
                Integer.class, agencyCode, kind.name(), year);
        String number = NoticeNumbers.format(effective.numberPattern(), effective.shortName(), kind, year, sequence);
        byte[] content;
        String templateVersion;
        if (kind == NoticeKind.SERVICE) {
            // The 送达回证 is a form of its own (a table to sign), not a letter: no agency layout applies to it, so
            // none is looked up (there is no SERVICE layout to find, and an agency's upload could not be one).
            content = serviceForm(requestId, servesNumber, number, facts, agencyName, issuedOn).toDocx();
            templateVersion = writer.templateVersion();
        } else {
            // The layout of the agency or the nearest one above it (ADR 22); the notice records which version it was.
            NoticeTemplateStore.Effective layout = layouts.effective(agencyCode, kind);
            content = writer.write(kind, facts, number, agencyName, issuedOn,
                            new NoticeWriter.Remedy(effective.reconsiderationBody(), effective.court()))
                    .toDocx(layouts.layout(layout));
            templateVersion = layout.versionId();
        }
        String sha256 = sha256(content);
        jdbc.update("insert into notice_document (request_id, number, agency_code, kind, series_year, sequence, "
                        + "issued_on, template_version, sha256, content, serves_number) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                requestId, number, agencyCode, kind.name(), year, sequence, java.sql.Date.valueOf(issuedOn),
                templateVersion, sha256, content, servesNumber);
        return new NoticeIssued(requestId, kind, number, year, sequence, issuedOn, templateVersion, sha256,
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

    /**
     * A notice as it would be issued today, numbered （预览）: nothing is stored and no number is taken. Written in the
     * given layout (a candidate an administrator has not published yet), or in the one the agency would use.
     *
     * @throws RuleViolation when the request has not reached the step the kind records
     */
    public byte[] preview(String requestId, String agencyCode, NoticeKind kind, LocalDate on, byte[] candidate) {
        if (kind == NoticeKind.SERVICE) {
            throw RuleViolation.invalid("NOTICE_PREVIEW_SERVICE", "kind", "《送达回证》随所送达的文书出具，没有模板可预览");
        }
        NoticeFacts facts = facts(requestId);
        if (facts.received == null) {
            throw RuleViolation.notFound("REQUEST_UNKNOWN", "未找到该申请");
        }
        // Without these steps the letter has nothing to say; the other kinds leave lines to fill in by hand.
        if (kind == NoticeKind.CONSULTATION && facts.consultation() == null) {
            throw RuleViolation.conflict("NOTICE_NOT_CALLED_FOR", "该申请没有征求意见，无法预览《" + kind.title() + "》，请换一件征求过意见的申请");
        }
        if (kind == NoticeKind.ANSWER && facts.outcome() == null) {
            throw RuleViolation.conflict("NOTICE_NOT_CALLED_FOR", "该申请尚未作出答复，无法预览《" + kind.title() + "》，请换一件已答复的申请");
        }
        NoticeSettings.Effective effective = settings.of(agencyCode, NoticeTemplates.DEFAULT);
        byte[] layout = candidate != null ? candidate : layouts.layout(layouts.effective(agencyCode, kind));
        return writer.write(kind, facts, NoticeLayout.PREVIEW_NUMBER, agencyName(agencyCode), on,
                new NoticeWriter.Remedy(effective.reconsiderationBody(), effective.court())).toDocx(layout);
    }

    private NoticeFacts facts(String requestId) {
        NoticeFacts facts = new NoticeFacts();
        events.readEvents(requestId, 0).asStream().forEach(message -> facts.on(message.getPayload()));
        return facts;
    }

    private String agencyName(String agencyCode) {
        return jdbc.queryForObject("select name from agency_directory where code = ?", String.class, agencyCode);
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
