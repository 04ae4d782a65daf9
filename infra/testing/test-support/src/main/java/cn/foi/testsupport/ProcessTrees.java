package cn.foi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stopping what a test started, children included: a test that fails must not leave servers running behind it (a
 * node runner's Chromium, nginx's workers, the PostgreSQL of an all-in-one).
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * SIGTERM to the process, SIGKILL to it after {@code grace} if it is still there, then SIGKILL to every descendant
     * it had (those its end left behind: re-parented, they are no longer its descendants afterwards, so they are
     * listed first).
     */
    public static void destroy(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        awaitExit(process, grace);
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
        for (ProcessHandle descendant : descendants) {
            descendant.destroyForcibly();
        }
        for (ProcessHandle descendant : descendants) {
            awaitExit(descendant, Duration.ofSeconds(10));
        }
    }

    /** SIGKILL to the process and every descendant, at once. */
    public static void kill(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, Duration.ofSeconds(30));
        descendants.forEach(d -> awaitExit(d, Duration.ofSeconds(10)));
    }

    /**
     * The PostgreSQL server of a cluster directory, if one runs there. {@code pg_ctl} starts it as a daemon: it is not
     * a descendant of the JVM that started it, and outlives that JVM when it is killed.
     */
    public static Optional<ProcessHandle> postmasterOf(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the PostgreSQL server of a cluster directory, if one is left running there (fast shutdown). */
    public static void stopPostmaster(Path clusterDir) {
        // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for its clients, which died with their JVM).
        postmasterOf(clusterDir).ifPresent(p -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                p.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            awaitExit(p, Duration.ofSeconds(30));
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        });
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillRunning) {
            // the caller decides
        }
    }
}
