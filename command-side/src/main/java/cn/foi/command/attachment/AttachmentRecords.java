package cn.foi.command.attachment;

import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentKind;
import cn.foi.events.request.AttachmentRemoved;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code request_attachment} table: written by the commands (ADR 20), read by the list and the download. */
@Component
public class AttachmentRecords implements Attachments {

    private final JdbcTemplate jdbc;
    private final AttachmentStore store;

    public AttachmentRecords(JdbcTemplate jdbc, AttachmentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** An attachment as listed; removed ones stay listed with the day and the reason. */
    public record Attachment(String id, String requestId, AttachmentKind kind, String name, String mediaType, long size,
                             String sha256, LocalDate addedOn, LocalDate removedOn, String removalReason) {

        public boolean removed() {
            return removedOn != null;
        }
    }

    @Override
    public void keep(AttachmentAdded added) {
        UUID id = UUID.fromString(added.attachmentId());
        int claimed = jdbc.update("insert into request_attachment (attachment_id, request_id, kind, name, media_type, "
                        + "size, sha256, added_on) select c.id, ?, ?, ?, ?, c.size, c.sha256, ? "
                        + "from attachment_content c where c.id = ? and c.size = ? and c.sha256 = ? "
                        + "and not exists (select 1 from request_attachment a where a.attachment_id = c.id)",
                added.requestId(), added.kind().name(), added.name(), added.mediaType(),
                Date.valueOf(added.addedOn()), id, added.size(), added.sha256());
        if (claimed == 0) {
            throw RuleViolation.invalid("ATTACHMENT_CONTENT_MISSING", "file", "附件内容未保存成功，请重新上传");
        }
    }

    @Override
    public void discard(AttachmentRemoved removed) {
        jdbc.update("update request_attachment set removed_on = ?, removal_reason = ? where attachment_id = ?",
                Date.valueOf(removed.removedOn()), removed.reason(), UUID.fromString(removed.attachmentId()));
        store.delete(removed.attachmentId());
    }

    public List<Attachment> list(String requestId) {
        return jdbc.query("select * from request_attachment where request_id = ? order by added_at, name",
                (rs, n) -> read(rs), requestId);
    }

    public Optional<Attachment> find(String requestId, String attachmentId) {
        UUID id;
        try {
            id = UUID.fromString(attachmentId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("select * from request_attachment where request_id = ? and attachment_id = ?",
                (rs, n) -> read(rs), requestId, id).stream().findFirst();
    }

    private static Attachment read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date removedOn = rs.getDate("removed_on");
        return new Attachment(rs.getString("attachment_id"), rs.getString("request_id"),
                AttachmentKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("media_type"),
                rs.getLong("size"), rs.getString("sha256"), rs.getDate("added_on").toLocalDate(),
                removedOn == null ? null : removedOn.toLocalDate(), rs.getString("removal_reason"));
    }
}
