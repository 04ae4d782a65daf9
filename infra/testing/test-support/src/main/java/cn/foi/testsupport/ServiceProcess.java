package cn.foi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One of the system's jars running as its own process, its output kept in target/e2e-logs. {@link #close()} leaves
 * nothing of it running: the process, its children, and the PostgreSQL server an all-in-one started in its data
 * directory (a daemon, which a killed all-in-one leaves behind).
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The repository's root, where the jars are built: the nearest directory up from the working one holding
     * bench.sh (the e2e tests run in infra/testing/e2e-tests, the failover benchmark in the root).
     */
    public static final Path ROOT = repositoryRoot(Path.of("").toAbsolutePath());
    /** The processes' output: target/e2e-logs of the working directory unless {@code foi.process.logs} names one. */
    private static final Path LOGS = Path.of(System.getProperty("foi.process.logs", "target/e2e-logs")).toAbsolutePath();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;
    private int starts;
    private Thread shutdownHook;

    public ServiceProcess(String name, Path jar, Map<String, String> environment, String... jvmOptions) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with ./test.sh (mvn verify), which packages the jars first");
        }
        this.name = name;
        this.environment = environment;
        this.command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions));
        command.add("-jar");
        command.add(jar.toString());
    }

    private static Path repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("bench.sh")) && Files.isDirectory(dir.resolve("command-side"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with bench.sh) above " + from);
    }

    public static Path jar(String module, String name) {
        return ROOT.resolve(module).resolve("target").resolve(name);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServiceProcess start() {
        try {
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve(name + "-" + (++starts) + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            process = builder.start();
            if (shutdownHook == null) {
                // A test JVM that ends without closing this (a failure, Ctrl-C) must not leave it running behind it.
                shutdownHook = new Thread(this::destroyEverything, name + "-cleanup");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log() {
        return LOGS.resolve(name + "-" + starts + ".log");
    }

    /** Waits until the process has printed {@code line}, or fails with the end of its log. */
    public void awaitOutput(String line, Duration timeout) throws Exception {
        try {
            Awaitility.await(name + " prints '" + line + "'").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
                                    + tail());
                        }
                        return Files.exists(log()) && Files.readString(log()).contains(line);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " did not print '" + line + "' within " + timeout + ":\n" + tail(),
                    e);
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * SIGKILL: the process gets no chance to finish anything. Its children die with it; an all-in-one's PostgreSQL
     * (a daemon) stays, as it would after a crash, and its next start stops it.
     */
    public void kill() throws InterruptedException {
        ProcessTrees.kill(process.toHandle());
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not stop within 60 s of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    /** The process id of the current run (Axon names a token's owner {@code pid@host}). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 60 s), its children and its data directory's PostgreSQL. */
    @Override
    public void close() {
        destroyEverything();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting
            }
            shutdownHook = null;
        }
    }

    private void destroyEverything() {
        if (process != null) {
            ProcessTrees.destroy(process.toHandle(), Duration.ofSeconds(60));
        }
        String dataDir = environment.get("FOI_DATA_DIR");
        if (dataDir != null) {
            ProcessTrees.stopPostmaster(Path.of(dataDir).resolve("postgres"));
        }
    }
}
