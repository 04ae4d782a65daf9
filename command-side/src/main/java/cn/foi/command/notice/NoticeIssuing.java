package cn.foi.command.notice;

import cn.foi.command.shared.RuleViolation;
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
    private final NoticeTemplateStore layouts;
    private final NoticeWriter writer = new NoticeWriter(NoticeTemplates.DEFAULT);

    public NoticeIssuing(JdbcTemplate jdbc, EventStore events, NoticeSettings settings, NoticeTemplateStore layouts) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.layouts = layouts;
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
        NoticeFacts facts = facts(requestId);
        String agencyName = agencyName(agencyCode);
        NoticeSettings.Effective effective = settings.of(agencyCode, NoticeTemplates.DEFAULT);
        // The layout of the agency or the nearest one above it (ADR 22); the notice records which version it was.
        NoticeTemplateStore.Effective layout = layouts.effective(agencyCode, kind);
        int year = issuedOn.getYear();
        Integer sequence = jdbc.queryForObject("insert into notice_series (agency_code, kind, year, last_number) "
                        + "values (?, ?, ?, 1) on conflict (agency_code, kind, year) "
                        + "do update set last_number = notice_series.last_number + 1 returning last_number",
                Integer.class, agencyCode, kind.name(), year);
        String number = NoticeNumbers.format(effective.numberPattern(), effective.shortName(), kind, year, sequence);
        byte[] content = writer.write(kind, facts, number, agencyName, issuedOn,
                new NoticeWriter.Remedy(effective.reconsiderationBody(), effective.court())).toDocx(layouts.layout(layout));
        String sha256 = sha256(content);
        jdbc.update("insert into notice_document (request_id, number, agency_code, kind, series_year, sequence, "
                        + "issued_on, template_version, sha256, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                requestId, number, agencyCode, kind.name(), year, sequence, java.sql.Date.valueOf(issuedOn),
                layout.versionId(), sha256, content);
        return new NoticeIssued(requestId, kind, number, year, sequence, issuedOn, layout.versionId(), sha256);
    }

    /**
     * A notice as it would be issued today, numbered （预览）: nothing is stored and no number is taken. Written in the
     * given layout (a candidate an administrator has not published yet), or in the one the agency would use.
     *
     * @throws RuleViolation when the request has not reached the step the kind records
     */
    public byte[] preview(String requestId, String agencyCode, NoticeKind kind, LocalDate on, byte[] candidate) {
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
