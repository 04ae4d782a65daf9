package cn.foi.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running inside this JVM.
 *
 * <p>The broker is {@code kafka_2.13} at the version Spring Boot manages for {@code kafka-clients}: broker and clients
 * share one classpath here. Listeners bind to {@code 127.0.0.1} only.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #start(Path, int)}: persistent; the storage in {@code logDir} is formatted once (when it has no
 *       {@code meta.properties}) and reused on every later start, so topics and records survive restarts. Retention
 *       is unlimited. Used by the all-in-one launcher.</li>
 *   <li>{@link #startTemporary()} and {@link #shared()}: a throw-away broker in a temp directory, deleted on close.
 *       Used by tests.</li>
 * </ul>
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Loggers of the broker's own code (not the clients'), turned down to WARN when logback is the slf4j backend and
     * they have no level configured. Set the system property {@code foi.embedded.kafka.quiet=false} to keep them.
     */
    private static final List<String> BROKER_LOGGERS = List.of(
            "kafka", "state.change.logger", "org.apache.zookeeper",
            "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
            "org.apache.kafka.image", "org.apache.kafka.server", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
            "org.apache.kafka.security", "org.apache.kafka.network");

    private static EmbeddedKafkaServer shared;
    /** Set once the broker has asked to end the process (a fatal fault): it is then beyond a controlled shutdown. */
    private static final AtomicBoolean fatalFault = new AtomicBoolean();

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private EmbeddedKafkaServer(KafkaRaftServer server, Path logDir, int port, int controllerPort, boolean temporary) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.temporary = temporary;
        this.shutdownHook = new Thread(this::close, "embedded-kafka-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a broker on a persistent log directory (formatted first if it holds no KRaft storage yet).
     *
     * @param logDir the broker's log directory, also its metadata log directory
     * @param port   the client (PLAINTEXT) port; 0 picks a free one. The controller gets a free port.
     */
    public static EmbeddedKafkaServer start(Path logDir, int port) {
        return start(logDir, port, 0);
    }

    /**
     * Starts a broker on a persistent log directory, with a chosen controller port too (0 = a free one). The
     * controller port may differ from one start to the next.
     */
    public static EmbeddedKafkaServer start(Path logDir, int port, int controllerPort) {
        return doStart(logDir, port, controllerPort, false);
    }

    /** Starts a throw-away broker (fresh temp directory, free ports) whose directory is deleted on {@link #close()}. */
    public static EmbeddedKafkaServer startTemporary() {
        try {
            return doStart(Files.createTempDirectory("foi-embedded-kafka-"), 0, 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temp directory for Kafka", e);
        }
    }

    /** The JVM-wide broker for tests: started lazily on the first call (temporary mode), stopped by a shutdown hook. */
    public static synchronized EmbeddedKafkaServer shared() {
        if (shared == null || shared.closed.get()) {
            shared = startTemporary();
        }
        return shared;
    }

    private static EmbeddedKafkaServer doStart(Path dir, int requestedPort, int requestedControllerPort,
                                               boolean temporary) {
        long t0 = System.nanoTime();
        Path logDir = dir.toAbsolutePath().normalize();
        int[] ports = choosePorts(requestedPort, requestedControllerPort);
        int port = ports[0];
        int controllerPort = ports[1];
        quietBrokerLoggers();
        KafkaRaftServer server = null;
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, port, controllerPort), false);
            boolean formatted = Files.exists(logDir.resolve("meta.properties"));
            if (!formatted) {
                format(logDir);
            }
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup(); // returns once the broker is registered and unfenced
            awaitListening(port);
            EmbeddedKafkaServer started = new EmbeddedKafkaServer(server, logDir, port, controllerPort, temporary);
            log.info("Embedded Kafka broker {} ({} storage in {}) started in {} ms", started.bootstrapServers(),
                    formatted ? "existing" : "new", logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return started;
        } catch (Exception e) {
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (temporary) {
                deleteRecursively(logDir);
            }
            throw new IllegalStateException("Could not start the embedded Kafka broker in " + logDir, e);
        }
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        // Projections are rebuilt from the topics: keep every record.
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A small machine: fewer internal partitions and threads, a small compaction buffer (default 128 MB of heap).
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Formats {@code logDir} as a single-node KRaft storage (static quorum), with a new cluster id. */
    private static void format(Path logDir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        }
        log.debug("Formatted Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    /** Chooses the ports: the requested ones, free ones for 0 (all probed sockets are held together so they differ). */
    private static int[] choosePorts(int port, int controllerPort) {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            int chosenPort = port != 0 ? port : a.getLocalPort();
            int chosenControllerPort = controllerPort != 0 ? controllerPort : b.getLocalPort();
            if (chosenPort == chosenControllerPort) {
                throw new IllegalArgumentException("The broker and the controller need different ports: " + port);
            }
            return new int[] {chosenPort, chosenControllerPort};
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free ports", e);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker not listening on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /**
     * The caller stops this broker itself, in its own order (the all-in-one: after the application, before
     * PostgreSQL): the JVM's shutdown no longer stops it on its own, in parallel with everything else.
     */
    public EmbeddedKafkaServer stoppedByCaller() {
        removeShutdownHook();
        return this;
    }

    /**
     * Kafka ends the process on a fault it cannot survive (a failed metadata log, every log directory offline, ...)
     * through its {@link Exit} procedures, by default {@code Runtime.halt}: in a JVM that holds more than the broker,
     * that skips every shutdown hook (the application's stop, PostgreSQL's), and an {@code Exit.exit} from a broker
     * thread would deadlock with a hook waiting for that very thread. Routed here instead to {@code handler}, which
     * must end the process (on another thread); the broker's thread that asked then waits for the end, as it would
     * have with Kafka's own procedures, which never return. {@link #close()} then leaves the broken broker alone.
     */
    public static void routeFatalFaultsTo(FatalFaultHandler handler) {
        Exit.Procedure procedure = (status, message) -> {
            boolean first = fatalFault.compareAndSet(false, true);
            if (first) {
                log.error("The embedded Kafka broker stopped the process on a fatal fault (status {}): {}", status,
                        message);
                handler.endProcess(status == 0 ? 1 : status, message);
            }
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // the JVM is ending: keep waiting, never return to the caller
                }
            }
        };
        Exit.setExitProcedure(procedure);
        Exit.setHaltProcedure(procedure);
    }

    /** What ends the process when the broker has a fatal fault. */
    @FunctionalInterface
    public interface FatalFaultHandler {
        /** Ends the process with a non-zero {@code status}; called on the broker's thread, so it must not block. */
        void endProcess(int status, String message);
    }

    /** Whether a broker of this JVM had a fatal fault. */
    public static boolean hadFatalFault() {
        return fatalFault.get();
    }

    /**
     * Shuts the broker down (controlled shutdown, then the controller) and waits until it has stopped; a temporary
     * broker's directory is then deleted. Idempotent. After a fatal fault, it does nothing: the broker's threads may
     * be the ones waiting for the process to end, and its log is recovered on the next start.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (fatalFault.get()) {
            log.warn("Not stopping the embedded Kafka broker {}: it had a fatal fault", bootstrapServers());
            removeShutdownHook();
            return;
        }
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
            log.info("Embedded Kafka broker {} stopped in {} ms", bootstrapServers(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } finally {
            if (temporary) {
                deleteRecursively(logDir);
            }
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
        return "EmbeddedKafkaServer[" + bootstrapServers() + ", logDir=" + logDir + (temporary ? ", temporary" : "")
                + "]";
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("Could not delete {}", path, e);
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete the Kafka directory {}", dir, e);
        }
    }

    /** Best effort, without a compile-time dependency on logback. */
    private static void quietBrokerLoggers() {
        if ("false".equalsIgnoreCase(System.getProperty("foi.embedded.kafka.quiet"))) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!"ch.qos.logback.classic.LoggerContext".equals(factory.getClass().getName())) {
            return;
        }
        try {
            ClassLoader cl = factory.getClass().getClassLoader();
            Class<?> loggerClass = Class.forName("ch.qos.logback.classic.Logger", false, cl);
            Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", false, cl);
            Object warn = levelClass.getField("WARN").get(null);
            Method getLevel = loggerClass.getMethod("getLevel");
            Method setLevel = loggerClass.getMethod("setLevel", levelClass);
            for (String name : BROKER_LOGGERS) {
                Object logger = factory.getLogger(name);
                if (getLevel.invoke(logger) == null) {
                    setLevel.invoke(logger, warn);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.debug("Could not turn the broker's loggers down", e);
        }
    }
}
