package cn.foi.command.notice;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.events.agency.NoticeTemplateReverted;
import cn.foi.events.agency.NoticeTemplateUploaded;
import cn.foi.events.request.NoticeKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notice layouts administrators uploaded (ADR 22): their bytes, kept by the upload command in its transaction, and
 * which one each agency uses, kept in step with the events by the subscribing directory processor. An agency without
 * its own layout for a kind uses the nearest agency's above it, as with the notice settings, else the shipped one.
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class NoticeTemplateStore implements NoticeLayoutKeeper {

    /** The version id notices record when written in the shipped layout. */
    public static final String DEFAULT_VERSION = NoticeTemplates.DEFAULT.version();

    /** Deep enough for any real agency tree; it also ends a cycle, should one ever be recorded. */
    private static final int MAX_DEPTH = 30;

    private final JdbcTemplate jdbc;

    public NoticeTemplateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an agency's layout for a kind comes from: its own upload, an agency above it, or the shipped default. */
    public enum Source { OWN, INHERITED, DEFAULT }

    /** The layout that applies, and from which agency (null for the shipped default). */
    public record Effective(String versionId, Source source, String agencyCode, String agencyName) {
    }

    /** One uploaded version, as the history lists it. */
    public record Version(int version, String versionId, String sha256, long size, String fileName, String uploadedBy,
                          Instant uploadedAt, boolean current, int noticesIssued) {
    }

    @Override
    public void keep(String agencyCode, NoticeKind kind, int version, String versionId, String sha256,
                     String fileName, String uploadedBy, Instant uploadedAt, byte[] content) {
        jdbc.update("insert into notice_template (agency_code, kind, version, version_id, sha256, file_name, "
                        + "uploaded_by, uploaded_at, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                agencyCode, kind.name(), version, versionId, sha256, fileName, uploadedBy,
                Timestamp.from(uploadedAt), content);
    }

    @EventHandler
    void on(NoticeTemplateUploaded event) {
        jdbc.update("insert into notice_template_choice (agency_code, kind, version_id) values (?, ?, ?) "
                        + "on conflict (agency_code, kind) do update set version_id = excluded.version_id",
                event.code(), event.kind().name(), event.versionId());
    }

    @EventHandler
    void on(NoticeTemplateReverted event) {
        jdbc.update("delete from notice_template_choice where agency_code = ? and kind = ?", event.code(),
                event.kind().name());
    }

    /** The layout an agency's notices of a kind are written in. */
    public Effective effective(String agencyCode, NoticeKind kind) {
        List<Effective> chain = jdbc.query("with recursive chain (code, parent_code, name, depth) as ("
                        + " select code, parent_code, name, 0 from agency_directory where code = ?"
                        + " union all select a.code, a.parent_code, a.name, c.depth + 1 from agency_directory a"
                        + " join chain c on a.code = c.parent_code where c.depth < " + MAX_DEPTH + ")"
                        + " select t.version_id, c.depth, c.code, c.name from chain c"
                        + " join notice_template_choice t on t.agency_code = c.code and t.kind = ?"
                        + " order by c.depth limit 1",
                (rs, n) -> new Effective(rs.getString(1), rs.getInt(2) == 0 ? Source.OWN : Source.INHERITED,
                        rs.getString(3), rs.getString(4)), agencyCode, kind.name());
        return chain.isEmpty() ? new Effective(DEFAULT_VERSION, Source.DEFAULT, null, null) : chain.get(0);
    }

    /** The bytes of the layout a version id names; the shipped layout for the default. */
    public Optional<byte[]> content(String versionId) {
        if (DEFAULT_VERSION.equals(versionId)) {
            return Optional.of(NoticeLayout.defaultLayout());
        }
        return jdbc.query("select content from notice_template where version_id = ?", (rs, n) -> rs.getBytes(1),
                versionId).stream().findFirst();
    }

    /** The layout an agency's notices of a kind are written in, with its bytes. */
    byte[] layout(Effective effective) {
        return content(effective.versionId()).orElseThrow(() -> new IllegalStateException(
                "notice layout " + effective.versionId() + " is chosen but not kept"));
    }

    /** The agency's own uploads of a kind, newest first, with how many notices each was used for. */
    public List<Version> history(String agencyCode, NoticeKind kind) {
        return jdbc.query("select t.version, t.version_id, t.sha256, octet_length(t.content), t.file_name, "
                        + "t.uploaded_by, t.uploaded_at, c.version_id is not null, "
                        + "(select count(*) from notice_document d where d.template_version = t.version_id) "
                        + "from notice_template t left join notice_template_choice c on c.version_id = t.version_id "
                        + "and c.agency_code = t.agency_code and c.kind = t.kind "
                        + "where t.agency_code = ? and t.kind = ? order by t.version desc",
                (rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
                        rs.getInt(9)), agencyCode, kind.name());
    }

    /** How many notices of the agency were written in the shipped layout. */
    public int issuedInDefault(String agencyCode, NoticeKind kind) {
        Integer count = jdbc.queryForObject("select count(*) from notice_document where agency_code = ? and kind = ? "
                + "and template_version = ?", Integer.class, agencyCode, kind.name(), DEFAULT_VERSION);
        return count == null ? 0 : count;
    }
}
