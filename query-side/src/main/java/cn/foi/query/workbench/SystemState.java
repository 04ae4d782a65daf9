package cn.foi.query.workbench;

import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.status.ProjectionStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The administrator's 工作台: whether the projections have caught up and how many events are parked (the same answer
 * as {@code GET /api/projections/status}), the disk, the databases, and the accounts and agencies.
 */
@Component
public class SystemState {

    private static final Logger log = LoggerFactory.getLogger(SystemState.class);

    /** Below this share of free space, or below {@link #LOW_BYTES}, the disk is reported as running short. */
    static final double LOW_SHARE = 0.10;
    static final long LOW_BYTES = 2L * 1024 * 1024 * 1024;

    private final ProjectionStatus projections;
    private final DirectoryProjection directory;
    private final JdbcTemplate jdbc;
    private final String dataDirectory;

    public SystemState(ProjectionStatus projections, DirectoryProjection directory, QueryDatabase database,
                       @Value("${foi.data-dir:}") String dataDirectory) {
        this.projections = projections;
        this.directory = directory;
        this.jdbc = database.jdbc();
        this.dataDirectory = dataDirectory;
    }

    /** @param behind events stored but not yet taken by this processor */
    public record Processor(String name, boolean caughtUp, long behind, long parked) {
    }

    /**
     * @param caughtUp   every stored event was taken by every projection (applied or parked)
     * @param parked     events the projections could not apply, waiting on the 投影异常 page
     * @param problem    why the positions could not be read, when they could not
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Projections(boolean caughtUp, long parked, List<Processor> processors, String problem) {
    }

    /** The file system holding the data directory (PostgreSQL's and Kafka's files in the all-in-one). */
    public record Disk(String path, long freeBytes, long totalBytes, boolean low) {
    }

    public record Database(String name, long bytes) {
    }

    public record Accounts(long users, long activeUsers, long agencies) {
    }

    /** @param disk absent when the process was given no data directory ({@code foi.data-dir}) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(Projections projections, Disk disk, List<Database> databases, Accounts accounts) {
    }

    /**
     * @param authorization the caller's credentials and {@code cookie} their session, passed on to the command side
     *                      when it is another process (the web UI signs in with a cookie)
     */
    public State current(String authorization, String cookie) {
        ProjectionStatus.Status status = projections.current(authorization, cookie);
        List<Processor> processors = status.processors().stream()
                .map(p -> new Processor(p.name(), p.caughtUp(), p.behind(), p.parked())).toList();
        List<DirectoryProjection.UserRow> users = directory.users();
        return new State(new Projections(status.caughtUp(), status.parked(), processors, status.problem()), disk(),
                databases(), new Accounts(users.size(), users.stream().filter(DirectoryProjection.UserRow::active).count(),
                directory.agencies().size()));
    }

    private Disk disk() {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(dataDirectory).toAbsolutePath().normalize();
            FileStore store = Files.getFileStore(path);
            long free = store.getUsableSpace();
            long total = store.getTotalSpace();
            return new Disk(path.toString(), free, total, free < LOW_BYTES || free < total * LOW_SHARE);
        } catch (IOException | RuntimeException e) {
            log.warn("The free space of the data directory {} could not be read: {}", dataDirectory, e.toString());
            return null;
        }
    }

    /** The databases on the query side's server that its account may open (in the all-in-one: both sides'). */
    private List<Database> databases() {
        return jdbc.query("select datname, pg_database_size(datname) from pg_database where not datistemplate "
                        + "and datallowconn and datname <> 'postgres' and has_database_privilege(datname, 'CONNECT') "
                        + "order by datname",
                (rs, n) -> new Database(rs.getString(1), rs.getLong(2)));
    }
}
