package cn.foi.e2e;

import cn.foi.embedded.EmbeddedPostgresServer;
import cn.foi.testsupport.FoiApi;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
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

    static DistributedSystem start() throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
        postgres.createDatabaseIfMissing("foi_command");
        postgres.createDatabaseIfMissing("foi_query");

        int kafkaPort = ServiceProcess.freePort();
        ServiceProcess kafka = new ServiceProcess("kafka",
                ServiceProcess.jar("infra/kafka-broker", "foi-kafka-broker-exec.jar"),
                Map.of("KAFKA_PORT", Integer.toString(kafkaPort),
                        "KAFKA_CONTROLLER_PORT", Integer.toString(ServiceProcess.freePort()),
                        "KAFKA_LOG_DIR", Files.createTempDirectory("foi-kafka").toString()),
                "-Xmx384m").start();
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
                ServiceProcess.jar("command-side", "foi-command-side-exec.jar"), command, "-Xmx384m").start();

        int queryPort = ServiceProcess.freePort();
        Map<String, String> query = new HashMap<>(Map.of("PORT", Integer.toString(queryPort),
                "FOI_QUERY_DB_URL", postgres.jdbcUrl("foi_query"),
                "FOI_QUERY_DB_USER", postgres.username(),
                "FOI_QUERY_DB_PASSWORD", postgres.password(),
                "FOI_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "FOI_COMMAND_URL", "http://localhost:" + commandPort,
                "FOI_SESSION_SECRET", SESSION_SECRET));
        ServiceProcess querySide = new ServiceProcess("query-side",
                ServiceProcess.jar("query-side", "foi-query-side-exec.jar"), query, "-Xmx384m").start();

        DistributedSystem system = new DistributedSystem(postgres, kafka, commandSide, querySide, commandPort,
                queryPort);
        system.awaitHealthy(commandSide, system.commands);
        system.awaitHealthy(querySide, system.queries);
        return system;
    }

    void awaitHealthy(ServiceProcess process, FoiApi api) {
        try {
            api.awaitOk("/actuator/health", START);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + process.tail(), e);
        }
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {querySide, commandSide, kafka}) {
            process.close();
        }
        postgres.close();
    }
}
