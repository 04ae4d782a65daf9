package cn.foi.command.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The header mapping remembered for each agency: the one its last import with a mapping used. Saved in the import's
 * own transaction, so that a refused or dry-run import remembers nothing.
 */
@Component
public class LedgerMappings {

    /** A remembered mapping, who chose it and when. */
    public record Remembered(LedgerMapping mapping, String savedBy, Instant savedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LedgerMappings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Remembered> forAgency(String agencyCode) {
        List<Remembered> found = jdbc.query("select mapping, saved_by, saved_at from ledger_mapping where agency_code = ?",
                (rs, n) -> new Remembered(stored(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant()),
                agencyCode);
        return found.stream().findFirst();
    }

    void remember(String agencyCode, LedgerMapping mapping, String actor) {
        jdbc.update("insert into ledger_mapping (agency_code, mapping, saved_by, saved_at) values (?, ?, ?, ?)"
                        + " on conflict (agency_code) do update set mapping = excluded.mapping,"
                        + " saved_by = excluded.saved_by, saved_at = excluded.saved_at",
                agencyCode, mapping.toJson(), actor, Timestamp.from(clock.instant()));
    }

    /** A stored mapping was checked when saved; one that no longer reads (a column since removed) counts as none. */
    private static LedgerMapping stored(String json) {
        try {
            return LedgerMapping.parse(json);
        } catch (LedgerMappingException e) {
            return LedgerMapping.NONE;
        }
    }
}
