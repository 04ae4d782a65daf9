package cn.foi.allinone;

import cn.foi.command.CommandSideConfiguration;
import cn.foi.embedded.EmbeddedKafkaServer;
import cn.foi.embedded.EmbeddedPostgresServer;
import cn.foi.query.QuerySideConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The whole system in one process: embedded PostgreSQL (data in {@code FOI_DATA_DIR}), an embedded Kafka broker, the
 * command side and the query side, on {@code PORT}. Stopping it (Ctrl-C, SIGTERM) closes the application first, then the
 * broker, then the database, so that nothing is cut off half-written; starting it again continues where it stopped.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class AllInOneApplication {

    private static final Logger log = LoggerFactory.getLogger(AllInOneApplication.class);

    /** How long the stop after a fatal error may take before the process is halted all the same. */
    private static final Duration FATAL_STOP_LIMIT = Duration.ofSeconds(90);

    public static void main(String[] args) throws Exception {
        // A broker fault Kafka cannot survive ends the whole process, through the shutdown hook below.
        EmbeddedKafkaServer.routeFatalFaultsTo((status, message) -> exitFatally("Kafka: " + message, status));
        // SIGTERM (a service manager's stop) and Ctrl-C are the normal way to stop: the JVM's own handlers would exit
        // with 143 or 130, which systemd counts as a failure. The shutdown hook stops everything in order either way.
        Signals.onTermination(() -> System.exit(0));
        Running running;
        try {
            Path dataDir = Path.of(env("FOI_DATA_DIR", "./data")).toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            running = start(dataDir, Integer.parseInt(env("FOI_DB_PORT", "0")), Map.of(), args);
        } catch (Throwable e) {
            // Some threads of a half-started system may not be daemons: without an explicit exit the JVM would stay.
            log.error("政府信息公开申请办理系统未能启动 (could not start)", e);
            System.exit(1);
            return;
        }
        running.postgres.onUnexpectedStop(() -> exitFatally("embedded PostgreSQL stopped", 1));
    }

    /**
     * Ends the process with a non-zero status so that a service manager restarts it, stopping what can still be
     * stopped (the shutdown hook), on a thread of its own: the caller may be a thread the stop waits for. If the stop
     * hangs on what failed, the process is halted after {@link #FATAL_STOP_LIMIT}.
     */
    static void exitFatally(String reason, int status) {
        log.error("致命错误，进程退出（状态 {}），由服务管理器重新启动 / fatal error, exiting: {}", status, reason);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(FATAL_STOP_LIMIT.toMillis());
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(status);
        }, "foi-fatal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        new Thread(() -> System.exit(status), "foi-fatal-exit").start();
    }

    /** Starts everything; the caller closes the returned handle. Tests use this with their own data directory. */
    public static Running start(Path dataDir, int databasePort, Map<String, Object> overrides, String... args)
            throws Exception {
        return start(dataDir, databasePort, overrides, new Class<?>[0], args);
    }

    /**
     * Starts everything with more configuration classes beside the application's own: a test's clock, for one.
     */
    public static Running start(Path dataDir, int databasePort, Map<String, Object> overrides,
                                Class<?>[] moreConfiguration, String... args) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), databasePort);
        EmbeddedKafkaServer kafka = null;
        try {
            postgres.createDatabaseIfMissing("foi_command");
            postgres.createDatabaseIfMissing("foi_query");
            kafka = EmbeddedKafkaServer.start(dataDir.resolve("kafka"), 0);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", postgres.jdbcUrl("foi_command"));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("foi.query.datasource.url", postgres.jdbcUrl("foi_query"));
            properties.put("foi.query.datasource.username", postgres.username());
            properties.put("foi.query.datasource.password", postgres.password());
            properties.put("axon.kafka.bootstrap-servers", kafka.bootstrapServers());
            // The administrator's 工作台 reports the free space of the disk holding the databases' files.
            properties.put("foi.data-dir", dataDir.toString());
            if (System.getenv("FOI_SESSION_SECRET") == null) {
                properties.put("foi.session.secret", sessionSecret(dataDir));
            }
            properties.putAll(overrides);
            // As arguments, not as default properties: defaults rank below the sides' @PropertySource files.
            List<String> arguments = new ArrayList<>();
            properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            arguments.addAll(List.of(args));
            List<Class<?>> sources = new ArrayList<>(List.of(AllInOneApplication.class));
            sources.addAll(List.of(moreConfiguration));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                    .properties("spring.config.name=all-in-one")
                    .registerShutdownHook(false)
                    .run(arguments.toArray(String[]::new));
            log.info("政府信息公开申请办理系统已启动，数据目录 {}", dataDir);
            return new Running(context, kafka, postgres);
        } catch (Exception | Error e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw e;
        }
    }

    /**
     * What {@link #start} started, closed in the reverse order: the application (the web server first stops taking
     * requests and finishes those in flight, then the event processors and the Kafka publisher stop), then Kafka, then
     * PostgreSQL. One shutdown hook does it in that order; the servers' own hooks, which would each stop their server at
     * once and in parallel (PostgreSQL gone 0.1 s after SIGTERM, under requests still running), are taken away.
     */
    public static final class Running implements AutoCloseable {
        private final ConfigurableApplicationContext context;
        private final EmbeddedKafkaServer kafka;
        private final EmbeddedPostgresServer postgres;
        private final Thread shutdownHook;
        private boolean closed;

        Running(ConfigurableApplicationContext context, EmbeddedKafkaServer kafka, EmbeddedPostgresServer postgres) {
            this.context = context;
            this.kafka = kafka.stoppedByCaller();
            this.postgres = postgres.stoppedByCaller();
            this.shutdownHook = new Thread(this::close, "foi-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public int port() {
            return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                log.info("正在停止：先停止接收请求并完成进行中的请求，再停止 Kafka 和 PostgreSQL (stopping)");
                context.close();
            } finally {
                try {
                    kafka.close();
                } finally {
                    postgres.close();
                    if (Thread.currentThread() != shutdownHook) {
                        try {
                            Runtime.getRuntime().removeShutdownHook(shutdownHook);
                        } catch (IllegalStateException shuttingDown) {
                            // the JVM is exiting: the hook is running or about to
                        }
                    }
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }

    /**
     * The key of the web UI's session cookies, kept in the data directory: a restart does not sign everybody out.
     * Readable by the system's own user only.
     */
    static String sessionSecret(Path dataDir) throws IOException {
        Path file = dataDir.resolve("session-secret");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions protect it.
            }
        }
        return Files.readString(file).strip();
    }
}
