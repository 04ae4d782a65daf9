package cn.foi.events.agency;

import cn.foi.events.request.NoticeKind;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator gave an agency its own Word layout for one kind of notice (ADR 22). From then on the agency and
 * every agency below it that has none of its own issue that kind in this layout; notices already issued keep their
 * bytes. The layout's bytes are kept in the command database, keyed by the version id; the event proves them by hash.
 *
 * @param code       the agency
 * @param kind       the kind of notice
 * @param version    1, 2, … per agency and kind
 * @param versionId  what notices record as their template version, e.g. {@code 310101-FEE-v3}
 * @param sha256     the layout's SHA-256, hex
 * @param size       the layout's size in bytes
 * @param fileName   the uploaded file's name, as given
 * @param uploadedBy the administrator's user name
 * @param uploadedAt when
 */
@Revision("1")
public record NoticeTemplateUploaded(String code, NoticeKind kind, int version, String versionId, String sha256,
                                     long size, String fileName, String uploadedBy, Instant uploadedAt) {
}
