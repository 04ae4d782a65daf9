package cn.foi.command.attachment;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where the bytes of attachments live (ADR 20). Implementations stream both ways: a file is never held whole in
 * memory. The PostgreSQL store is the default; an object store could implement the same contract.
 */
public interface AttachmentStore {

    /** What was written: the key to read it back, its length and its hex SHA-256, computed while it was written. */
    record StoredContent(String id, long size, String sha256) {
    }

    /** Writes the stream to its end under a new key. Nothing is kept when it fails. */
    StoredContent write(InputStream content);

    /** The bytes under the key, read as they are consumed; empty when there are none (never written, or deleted). */
    Optional<InputStream> open(String id);

    /** Deletes the bytes under the key; deleting what is not there does nothing. */
    void delete(String id);
}
