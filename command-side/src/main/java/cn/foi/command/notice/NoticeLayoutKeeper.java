package cn.foi.command.notice;

import cn.foi.events.request.NoticeKind;
import java.time.Instant;

/**
 * Keeps an uploaded notice layout's bytes (ADR 22), called by the agency's upload command inside its transaction so that
 * the bytes and the event are committed together or not at all.
 */
public interface NoticeLayoutKeeper {

    void keep(String agencyCode, NoticeKind kind, int version, String versionId, String sha256, String fileName,
              String uploadedBy, Instant uploadedAt, byte[] content);
}
