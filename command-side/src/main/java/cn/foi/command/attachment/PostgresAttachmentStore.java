package cn.foi.command.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attachments in the command database as rows of 256 KiB {@code bytea} chunks (ADR 20): one chunk is in memory at a
 * time, written as it is read from the upload and read back as the download consumes it. Large objects would stream
 * too, but they live outside the tables (a deleted row leaves its object behind unless vacuumlo runs) and need a
 * transaction open for the whole read; chunk rows are plain rows that a dump, a replica and a cascade treat as such.
 */
@Component
public class PostgresAttachmentStore implements AttachmentStore {

    static final int CHUNK_SIZE = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PostgresAttachmentStore.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public PostgresAttachmentStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public StoredContent write(InputStream content) {
        // One transaction of its own: a failed upload leaves no chunk, and the request's command never waits for it.
        return transaction.execute(status -> {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into attachment_content (id, size, sha256) values (?, 0, ?)", id, "0".repeat(64));
            MessageDigest digest = sha256();
            long size = 0;
            int seq = 0;
            byte[] buffer = new byte[CHUNK_SIZE];
            try (InputStream in = new DigestInputStream(content, digest)) {
                int filled;
                while ((filled = in.readNBytes(buffer, 0, CHUNK_SIZE)) > 0) {
                    byte[] chunk = filled == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, filled);
                    jdbc.update("insert into attachment_chunk (content_id, seq, data) values (?, ?, ?)", id, seq++,
                            chunk);
                    size += filled;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            jdbc.update("update attachment_content set size = ?, sha256 = ? where id = ?", size, hash, id);
            return new StoredContent(id.toString(), size, hash);
        });
    }

    @Override
    public Optional<InputStream> open(String id) {
        UUID key = uuid(id);
        if (key == null) {
            return Optional.empty();
        }
        Integer chunks = jdbc.query("select (select count(*) from attachment_chunk where content_id = c.id) "
                + "from attachment_content c where c.id = ?", rs -> rs.next() ? rs.getInt(1) : null, key);
        return chunks == null ? Optional.empty() : Optional.of(new ChunkStream(key, chunks));
    }

    @Override
    public void delete(String id) {
        UUID key = uuid(id);
        if (key != null) {
            jdbc.update("delete from attachment_content where id = ?", key);
        }
    }

    /** Uploads an hour old that no request claimed are left over from a stop between the upload and its command. */
    @EventListener(ApplicationReadyEvent.class)
    public void sweepAtStart() {
        int deleted = deleteUnclaimedOlderThan(Duration.ofHours(1));
        if (deleted > 0) {
            log.info("Deleted {} attachment upload(s) no request had claimed", deleted);
        }
    }

    /**
     * Deletes the contents no request claimed: uploads whose command was refused and whose controller could not delete
     * them (the process stopped in between). Returns how many were deleted.
     */
    public int deleteUnclaimedOlderThan(Duration age) {
        List<UUID> orphans = jdbc.queryForList("select c.id from attachment_content c where c.created_at < now() - "
                + "make_interval(secs => ?) and not exists (select 1 from request_attachment a "
                + "where a.attachment_id = c.id)", UUID.class, (double) age.toSeconds());
        orphans.forEach(id -> jdbc.update("delete from attachment_content where id = ?", id));
        return orphans.size();
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Reads the chunks one after the other, each with its own short query, so no transaction stays open. */
    private final class ChunkStream extends InputStream {
        private final UUID id;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkStream(UUID id, int chunks) {
            this.id = id;
            this.chunks = chunks;
        }

        private boolean fill() throws IOException {
            while (position >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                List<byte[]> data = jdbc.query("select data from attachment_chunk where content_id = ? and seq = ?",
                        (rs, n) -> rs.getBytes(1), id, next++);
                if (data.isEmpty()) {
                    throw new IOException("attachment " + id + " lost its chunk " + (next - 1) + " while being read");
                }
                current = data.get(0);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
