package cn.foi.testsupport;

import cn.foi.embedded.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distributed mode as it runs in production: the command side and the query side as separate processes, a
 * standalone Kafka broker, PostgreSQL with one database per side.
 */
public final class DistributedSystem implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-secret-1";
    /** Both sides check the web UI's session cookie with it. */
    public static final String SESSION_SECRET = "a-secret-shared-by-both-sides-of-the-test";
    private static final Duration START = Duration.ofMinutes(3);
    /** Seven JVMs starting at once on a small machine: a member of the cluster waits for the others, too. */
    private static final Duration START_REDUNDANT = Duration.ofMinutes(12);
    /** The tracking processor of the command side that publishes the stored events to Kafka. */
    public static final String KAFKA_PUBLISHER = "__axon-kafka-event-publishing-group";

    public final EmbeddedPostgresServer postgres;
    public final ServiceProcess kafka;
    public final ServiceProcess commandSide;
    public final ServiceProcess querySide;
    public final int commandPort;
    public final int queryPort;
    public final FoiApi commands;
    public final FoiApi queries;

    private DistributedSystem(EmbeddedPostgresServer postgres, ServiceProcess kafka, ServiceProcess commandSide,
                              ServiceProcess querySide, int commandPort, int queryPort) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
        this.commands = FoiApi.anonymous("http://localhost:" + commandPort).as("admin", ADMIN_PASSWORD);
        this.queries = commands.at("http://localhost:" + queryPort);
    }

    /** Starts everything, or, if any part fails to start, stops the parts already started before failing. */
    public static DistributedSystem start() throws Exception {
        return startedOrStopped(DistributedSystem::start);
    }

    /** Starts parts one by one, each added to the list as it starts. */
    @FunctionalInterface
    private interface Starter<T> {
        T start(List<AutoCloseable> started) throws Exception;
    }

    /** Runs the starter; if it fails, stops the parts it had started, the last first, before failing. */
    private static <T> T startedOrStopped(Starter<T> starter) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return starter.start(started);
        } catch (Exception | Error e) {
            List<AutoCloseable> reverse = new ArrayList<>(started);
            java.util.Collections.reverse(reverse);
            closeAll(reverse, e);
            throw e;
        }
    }

    private static DistributedSystem start(List<AutoCloseable> started) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
        started.add(postgres);
        postgres.createDatabaseIfMissing("foi_command");
        postgres.createDatabaseIfMissing("foi_query");

        int kafkaPort = ServiceProcess.freePort();
        ServiceProcess kafka = new ServiceProcess("kafka",
                ServiceProcess.jar("infra/runtime/kafka-broker", "foi-kafka-broker-exec.jar"),
                Map.of("KAFKA_PORT", Integer.toString(kafkaPort),
                        "KAFKA_CONTROLLER_PORT", Integer.toString(ServiceProcess.freePort()),
                        "KAFKA_LOG_DIR", Files.createTempDirectory("foi-kafka").toString()),
                "-Xmx384m");
        started.add(kafka);
        kafka.start();
        kafka.awaitOutput("KAFKA READY", START);
        String bootstrap = "localhost:" + kafkaPort;

        int commandPort = ServiceProcess.freePort();
        Map<String, String> command = new HashMap<>(Map.of("PORT", Integer.toString(commandPort),
                "FOI_COMMAND_DB_URL", postgres.jdbcUrl("foi_command"),
                "FOI_COMMAND_DB_USER", postgres.username(),
                "FOI_COMMAND_DB_PASSWORD", postgres.password(),
                "FOI_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "FOI_SESSION_SECRET", SESSION_SECRET));
        ServiceProcess commandSide = new ServiceProcess("command-side",
                ServiceProcess.jar("command-side", "foi-command-side-exec.jar"), command, "-Xmx384m");
        started.add(commandSide);
        commandSide.start();

        int queryPort = ServiceProcess.freePort();
        Map<String, String> query = new HashMap<>(Map.of("PORT", Integer.toString(queryPort),
                "FOI_QUERY_DB_URL", postgres.jdbcUrl("foi_query"),
                "FOI_QUERY_DB_USER", postgres.username(),
                "FOI_QUERY_DB_PASSWORD", postgres.password(),
                "FOI_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "FOI_COMMAND_URL", "http://localhost:" + commandPort,
                "FOI_SESSION_SECRET", SESSION_SECRET));
        ServiceProcess querySide = new ServiceProcess("query-side",
                ServiceProcess.jar("query-side", "foi-query-side-exec.jar"), query, "-Xmx384m");
        started.add(querySide);
        querySide.start();

        DistributedSystem system = new DistributedSystem(postgres, kafka, commandSide, querySide, commandPort,
                queryPort);
        system.awaitHealthy(commandSide, system.commands);
        system.awaitHealthy(querySide, system.queries);
        return system;
    }

    /**
     * Waits until the side answers healthy, which is also when the tests may sign in as the administrator: the command
     * side creates it before its web server listens, and the query side is not ready before it has projected it.
     */
    public void awaitHealthy(ServiceProcess process, FoiApi api) {
        try {
            api.awaitUp(START);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + process.tail(), e);
        }
    }

    /**
     * The redundant topology (ADR 0033): three brokers in one KRaft cluster, the event topic with three replicas and
     * two in sync for a write, two command sides on one event store, two query sides each with its own database. The
     * query sides ask the second command side for the event store's head (in production: nginx in front of both).
     */
    public static Redundant startRedundant() throws Exception {
        return startedOrStopped(DistributedSystem::startRedundant);
    }

    private static Redundant startRedundant(List<AutoCloseable> started) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
        started.add(postgres);
        postgres.createDatabaseIfMissing("foi_command");
        postgres.createDatabaseIfMissing("foi_query");
        postgres.createDatabaseIfMissing("foi_query_2");

        int members = 3;
        int[] brokerPorts = new int[members];
        int[] controllerPorts = new int[members];
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            brokerPorts[i] = ServiceProcess.freePort();
            controllerPorts[i] = ServiceProcess.freePort();
            voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        List<ServiceProcess> brokers = new ArrayList<>();
        List<String> bootstrap = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            ServiceProcess broker = new ServiceProcess("kafka-" + (i + 1),
                    ServiceProcess.jar("infra/runtime/kafka-broker", "foi-kafka-broker-exec.jar"),
                    Map.of("KAFKA_NODE_ID", Integer.toString(i + 1),
                            "KAFKA_PORT", Integer.toString(brokerPorts[i]),
                            "KAFKA_CONTROLLER_PORT", Integer.toString(controllerPorts[i]),
                            "KAFKA_CONTROLLER_QUORUM_VOTERS", String.join(",", voters),
                            "KAFKA_CLUSTER_ID", clusterId,
                            "KAFKA_LOG_DIR", Files.createTempDirectory("foi-kafka-" + (i + 1)).toString()),
                    "-Xmx256m");
            started.add(broker);
            // All at once: a member is ready only when a majority of the quorum is up.
            broker.start();
            brokers.add(broker);
            bootstrap.add("localhost:" + brokerPorts[i]);
        }
        for (ServiceProcess broker : brokers) {
            broker.awaitOutput("KAFKA READY", START_REDUNDANT);
        }
        String bootstrapServers = String.join(",", bootstrap);

        List<ServiceProcess> commandSides = new ArrayList<>();
        List<Integer> commandPorts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = ServiceProcess.freePort();
            Map<String, String> command = new HashMap<>(Map.of("PORT", Integer.toString(port),
                    "FOI_COMMAND_DB_URL", postgres.jdbcUrl("foi_command"),
                    "FOI_COMMAND_DB_USER", postgres.username(),
                    "FOI_COMMAND_DB_PASSWORD", postgres.password(),
                    "FOI_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                    "FOI_KAFKA_REPLICATION_FACTOR", "3",
                    "FOI_KAFKA_MIN_INSYNC_REPLICAS", "2",
                    "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "FOI_SESSION_SECRET", SESSION_SECRET));
            command.put("FOI_AGGREGATE_CACHE", "false");
            // A deadline already passed when it was entered is checked after this grace (an hour by default): short
            // here, so that both command sides' deadline checks see the requests left undecided while the test runs.
            command.put("FOI_DEADLINES_LATE_ENTRY_GRACE", "PT60S");
            command.put("FOI_DEADLINES_POLLING_INTERVAL", "PT2S");
            ServiceProcess commandSide = new ServiceProcess("command-side-" + (i + 1),
                    ServiceProcess.jar("command-side", "foi-command-side-exec.jar"), command, "-Xmx384m");
            started.add(commandSide);
            commandSide.start();
            commandSides.add(commandSide);
            commandPorts.add(port);
            if (i == 0) {
                // The first one creates the schema and the administrator; the second then starts on a ready store.
                FoiApi.anonymous("http://localhost:" + port).awaitUp(START_REDUNDANT);
            }
        }

        List<ServiceProcess> querySides = new ArrayList<>();
        List<Integer> queryPorts = new ArrayList<>();
        List<String> queryDatabases = List.of("foi_query", "foi_query_2");
        for (int i = 0; i < 2; i++) {
            int port = ServiceProcess.freePort();
            Map<String, String> query = new HashMap<>(Map.of("PORT", Integer.toString(port),
                    "FOI_QUERY_DB_URL", postgres.jdbcUrl(queryDatabases.get(i)),
                    "FOI_QUERY_DB_USER", postgres.username(),
                    "FOI_QUERY_DB_PASSWORD", postgres.password(),
                    "FOI_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                    "FOI_KAFKA_REPLICATION_FACTOR", "3",
                    "FOI_KAFKA_MIN_INSYNC_REPLICAS", "2",
                    "FOI_COMMAND_URL", "http://localhost:" + commandPorts.get(1),
                    "FOI_SESSION_SECRET", SESSION_SECRET));
            ServiceProcess querySide = new ServiceProcess("query-side-" + (i + 1),
                    ServiceProcess.jar("query-side", "foi-query-side-exec.jar"), query, "-Xmx384m");
            started.add(querySide);
            querySide.start();
            querySides.add(querySide);
            queryPorts.add(port);
        }

        Redundant system = new Redundant(postgres, brokers, commandSides, querySides, commandPorts, queryPorts,
                queryDatabases, bootstrapServers);
        for (int i = 0; i < 2; i++) {
            system.awaitHealthy(commandSides.get(i), system.command(i));
            system.awaitHealthy(querySides.get(i), system.query(i));
        }
        return system;
    }

    /** Three brokers, two command sides, two query sides (see {@link #startRedundant()}). */
    public record Redundant(EmbeddedPostgresServer postgres, List<ServiceProcess> brokers, List<ServiceProcess> commandSides,
                     List<ServiceProcess> querySides, List<Integer> commandPorts, List<Integer> queryPorts,
                     List<String> queryDatabases, String bootstrapServers) implements AutoCloseable {

        public FoiApi command(int i) {
            return FoiApi.anonymous("http://localhost:" + commandPorts.get(i)).as("admin", ADMIN_PASSWORD);
        }

        public FoiApi query(int i) {
            return FoiApi.anonymous("http://localhost:" + queryPorts.get(i)).as("admin", ADMIN_PASSWORD);
        }

        /** A connection to one of the system's databases ({@code foi_command}, or a query side's). */
        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        }

        /** The command side holding the Kafka publisher's claim in the shared token store, or null when none does. */
        public String publisherOwner() throws SQLException {
            try (Connection db = connect("foi_command");
                 PreparedStatement statement = db.prepareStatement(
                         "select owner from token_entry where processor_name = ? and segment = 0")) {
                statement.setString(1, KAFKA_PUBLISHER);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        }

        public void awaitHealthy(ServiceProcess process, FoiApi api) {
            try {
                api.awaitUp(START_REDUNDANT);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + process.tail(), e);
            }
        }

        @Override
        public void close() throws Exception {
            List<AutoCloseable> parts = new ArrayList<>();
            parts.addAll(querySides);
            parts.addAll(commandSides);
            parts.addAll(brokers);
            parts.add(postgres);
            Exception failure = closeAll(parts, null);
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Stops every part, each even if stopping another failed. */
    @Override
    public void close() throws Exception {
        Exception failure = closeAll(List.of(querySide, commandSide, kafka, postgres), null);
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception closeAll(List<AutoCloseable> parts, Throwable cause) {
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }
}
