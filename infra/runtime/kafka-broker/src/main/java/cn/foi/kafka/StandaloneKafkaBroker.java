package cn.foi.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft Kafka broker (combined broker + controller) in its own JVM: the broker of the distributed mode and of its
 * end-to-end tests, alone or as one member of a cluster (ADR 0033: three of them, each on its own server).
 *
 * <p>Configuration, each from an environment variable, else a system property, else the default:
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>variable</th><th>system property</th><th>default</th></tr>
 *   <tr><td>KAFKA_PORT</td><td>kafka.port</td><td>9092 (0 = a free port)</td></tr>
 *   <tr><td>KAFKA_CONTROLLER_PORT</td><td>kafka.controller.port</td><td>9093 (0 = a free port)</td></tr>
 *   <tr><td>KAFKA_CONTROLLER_HOST</td><td>kafka.controller.host</td><td>127.0.0.1: the address the controller
 *       listener binds to (the address the other members reach it at, in a cluster)</td></tr>
 *   <tr><td>KAFKA_CONTROLLER_QUORUM_VOTERS</td><td>kafka.controller.quorum.voters</td><td>this node alone
 *       ({@code id@host:port,...}: every member of the cluster, the same list on each)</td></tr>
 *   <tr><td>KAFKA_CLUSTER_ID</td><td>kafka.cluster.id</td><td>a new one (alone); required in a cluster, the same on
 *       every member: 22 characters of URL-safe Base64, e.g. from {@code kafka-storage random-uuid}</td></tr>
 *   <tr><td>KAFKA_LOG_DIR</td><td>kafka.log.dir</td><td>./data/kafka</td></tr>
 *   <tr><td>KAFKA_NODE_ID</td><td>kafka.node.id</td><td>1</td></tr>
 *   <tr><td>KAFKA_HOST</td><td>kafka.host</td><td>127.0.0.1: the address the client listener binds to</td></tr>
 *   <tr><td>KAFKA_ADVERTISED_HOST</td><td>kafka.advertised.host</td><td>KAFKA_HOST (this host's name if that is
 *       0.0.0.0)</td></tr>
 * </table>
 *
 * <p>In a cluster the replication of Kafka's own topics and the broker's defaults follow the number of voters: three
 * or more keep three replicas of each partition and refuse a write that fewer than two hold ({@code
 * min.insync.replicas}), so one member may be down; two keep two and one member alone, one keeps one.
 *
 * <p>The log directory is formatted on the first start and reused afterwards. Once the broker answers an Admin
 * {@code describeCluster}, one line {@code KAFKA READY <bootstrap servers>} is printed to stdout. SIGTERM or SIGINT
 * shut the broker down cleanly (controlled shutdown) and the process exits with 0; it exits with 1 if the broker could
 * not start or stopped on its own.
 */
public final class StandaloneKafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(StandaloneKafkaBroker.class);

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** A member of a cluster is ready only once a majority of the voters runs: the others may start minutes later. */
    private static final Duration CLUSTER_READY_TIMEOUT = Duration.ofMinutes(10);

    private StandaloneKafkaBroker() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(Settings.read());
        } catch (Throwable e) {
            log.error("The Kafka broker failed", e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(Settings settings) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        onSignals(() -> {
            signalled.set(true);
            stop.countDown();
        }, "TERM", "INT");

        Path logDir = settings.logDir();
        Files.createDirectories(logDir);
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(settings), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(settings);
        }

        long t0 = System.nanoTime();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        AtomicBoolean stopped = new AtomicBoolean();
        // Any other way out of the JVM (SIGHUP, System.exit elsewhere) still shuts the broker down.
        Thread hook = new Thread(() -> shutdown(server, stopped), "kafka-broker-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);

        server.startup();
        Thread watcher = new Thread(() -> {
            server.awaitShutdown();
            stop.countDown();
        }, "kafka-broker-watcher");
        watcher.setDaemon(true);
        watcher.start();

        String bootstrap = settings.advertisedHost() + ":" + settings.port();
        if (stop.getCount() > 0 && awaitReady(bootstrap, stop,
                settings.voters() > 1 ? CLUSTER_READY_TIMEOUT : READY_TIMEOUT)) {
            log.info("Kafka broker {} ready in {} ms", bootstrap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            System.out.println("KAFKA READY " + bootstrap);
            System.out.flush();
        }

        stop.await();
        if (!signalled.get()) {
            log.error("The Kafka broker stopped on its own or never became ready");
        }
        shutdown(server, stopped);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting
        }
        return signalled.get() ? 0 : 1;
    }

    /**
     * Handles the signals with {@code sun.misc.Signal} (through reflection, as Kafka's own launcher does, to keep javac
     * quiet about the internal API). Unlike a shutdown hook, this lets the process exit with 0 after SIGTERM instead of
     * the JVM's 143. A signal the parent set to "ignored" (e.g. SIGINT for a background job of a script) stays ignored.
     */
    private static void onSignals(Runnable action, String... names) throws ReflectiveOperationException {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
        Object handler = Proxy.newProxyInstance(StandaloneKafkaBroker.class.getClassLoader(),
                new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                    if ("handle".equals(method.getName())) {
                        action.run();
                        return null;
                    }
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "StandaloneKafkaBroker signal handler";
                        default -> null;
                    };
                });
        for (String name : names) {
            try {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            } catch (InvocationTargetException e) {
                log.warn("Cannot handle SIG{}: {}", name, e.getCause().toString());
            }
        }
    }

    private static void shutdown(KafkaRaftServer server, AtomicBoolean stopped) {
        if (stopped.compareAndSet(false, true)) {
            long t0 = System.nanoTime();
            server.shutdown();
            server.awaitShutdown();
            log.info("Kafka broker stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }

    static Properties brokerProperties(Settings s) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(s.nodeId()));
        p.put("controller.quorum.voters", s.quorumVoters());
        p.put("listeners", BROKER_LISTENER + "://" + s.host() + ":" + s.port() + "," + CONTROLLER_LISTENER + "://"
                + s.controllerHost() + ":" + s.controllerPort());
        p.put("advertised.listeners", BROKER_LISTENER + "://" + s.advertisedHost() + ":" + s.port());
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", s.logDir().toString());
        // Kafka's own topics and topics created without settings: as many replicas as the cluster can keep (at most
        // three), and with three a write needs two of them, so that losing one member loses no acknowledged record.
        String replicas = String.valueOf(s.replicationFactor());
        String minInsync = String.valueOf(s.minInsyncReplicas());
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInsync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInsync);
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minInsync);
        // A replica that was not in sync never becomes leader: an acknowledged record is never thrown away.
        p.put("unclean.leader.election.enable", "false");
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

    /** Formats the log directory as a KRaft storage of the static quorum, with the cluster's id (or a new one alone). */
    private static void format(Settings s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dir = s.logDir().toString();
        try (PrintStream printStream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(s.nodeId())
                    .setClusterId(s.clusterId())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir)
                    .addDirectory(dir)
                    .run();
        }
        log.info("Formatted the Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    /** Waits until an Admin client sees this broker in {@code describeCluster}; false if a stop came first. */
    private static boolean awaitReady(String bootstrap, CountDownLatch stop, Duration timeout)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (stop.getCount() > 0) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return true;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        throw (InterruptedException) e;
                    }
                    log.debug("Broker not ready yet", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka broker did not become ready in " + timeout);
                }
                stop.await(200, TimeUnit.MILLISECONDS);
            }
            return false;
        }
    }

    /** The launcher's settings, already resolved (free ports chosen for 0, absolute log directory). */
    record Settings(int port, int controllerPort, Path logDir, int nodeId, String host, String advertisedHost,
                    String controllerHost, String quorumVoters, String clusterId) {

        /** The members of the controller quorum: one per entry of the voters list. */
        int voters() {
            return quorumVoters.split(",").length;
        }

        int replicationFactor() {
            return Math.min(3, voters());
        }

        int minInsyncReplicas() {
            return replicationFactor() >= 3 ? 2 : 1;
        }

        static Settings read() {
            int port = intSetting("KAFKA_PORT", "kafka.port", 9092);
            int controllerPort = intSetting("KAFKA_CONTROLLER_PORT", "kafka.controller.port", 9093);
            Path logDir = Path.of(setting("KAFKA_LOG_DIR", "kafka.log.dir", "./data/kafka")).toAbsolutePath()
                    .normalize();
            int nodeId = intSetting("KAFKA_NODE_ID", "kafka.node.id", 1);
            String host = setting("KAFKA_HOST", "kafka.host", "127.0.0.1");
            String advertised = setting("KAFKA_ADVERTISED_HOST", "kafka.advertised.host",
                    "0.0.0.0".equals(host) ? localHostName() : host);
            String controllerHost = setting("KAFKA_CONTROLLER_HOST", "kafka.controller.host", "127.0.0.1");
            if (port == 0 || controllerPort == 0) {
                try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                    port = port == 0 ? a.getLocalPort() : port;
                    controllerPort = controllerPort == 0 ? b.getLocalPort() : controllerPort;
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not find free ports", e);
                }
            }
            if (port == controllerPort) {
                throw new IllegalArgumentException("KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ: " + port);
            }
            String voters = setting("KAFKA_CONTROLLER_QUORUM_VOTERS", "kafka.controller.quorum.voters",
                    nodeId + "@" + controllerHost + ":" + controllerPort).replace(" ", "");
            if (!voters.matches("\\d+@[^,@:]+:\\d+(,\\d+@[^,@:]+:\\d+)*")) {
                throw new IllegalArgumentException("KAFKA_CONTROLLER_QUORUM_VOTERS is not a list of id@host:port: "
                        + voters);
            }
            if (!voters.matches("(.*,)?" + nodeId + "@.*")) {
                throw new IllegalArgumentException("KAFKA_CONTROLLER_QUORUM_VOTERS does not list this node ("
                        + "KAFKA_NODE_ID " + nodeId + "): " + voters);
            }
            String clusterId = setting("KAFKA_CLUSTER_ID", "kafka.cluster.id", "");
            if (clusterId.isEmpty()) {
                if (voters.contains(",")) {
                    throw new IllegalArgumentException("KAFKA_CLUSTER_ID is required in a cluster (more than one "
                            + "voter): every member is formatted with the same id");
                }
                clusterId = Uuid.randomUuid().toString();
            } else {
                try {
                    Uuid.fromString(clusterId);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("KAFKA_CLUSTER_ID is not 22 characters of URL-safe Base64: "
                            + clusterId, e);
                }
            }
            return new Settings(port, controllerPort, logDir, nodeId, host, advertised, controllerHost, voters,
                    clusterId);
        }

        private static String setting(String env, String property, String defaultValue) {
            String value = System.getenv(env);
            if (value == null || value.isBlank()) {
                value = System.getProperty(property);
            }
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }

        private static int intSetting(String env, String property, int defaultValue) {
            String value = setting(env, property, String.valueOf(defaultValue));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(env + " is not a number: " + value, e);
            }
        }

        private static String localHostName() {
            try {
                return InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
