package cn.foi.e2e;

import cn.foi.embedded.EmbeddedPostgresServer;
import cn.foi.testsupport.FoiApi;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distributed mode as it runs in production: the command side and the query side as separate processes, a
 * standalone Kafka broker, PostgreSQL with one database per side.
 */
final class DistributedSystem implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-secret-1";
    /** Both sides check the web UI's session cookie with it. */
    static final String SESSION_SECRET = "a-secret-shared-by-both-sides-of-the-test";
    private static final Duration START = Duration.ofMinutes(3);

    final EmbeddedPostgresServer postgres;
    final ServiceProcess kafka;
    final ServiceProcess commandSide;
    final ServiceProcess querySide;
    final int commandPort;
    final int queryPort;
    final FoiApi commands;
    final FoiApi queries;

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
    static DistributedSystem start() throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(started);
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
                ServiceProcess.jar("infra/kafka-broker", "foi-kafka-broker-exec.jar"),
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
    void awaitHealthy(ServiceProcess process, FoiApi api) {
        try {
            api.awaitUp(START);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + process.tail(), e);
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
