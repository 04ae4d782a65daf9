package cn.foi.testsupport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After the tests of a JVM, reports every PostgreSQL server started while they ran that nobody owns any more: a test
 * that did not stop what it started (see {@link ProcessTrees}). zonky's lock file in the cluster directory is held by
 * the JVM that runs the server as long as it lives; a server whose lock is free has outlived its owner. Servers this JVM
 * still owns (a shared test server, stopped by a shutdown hook) and other people's servers are left out. Reports only.
 */
public final class LeftRunningServersReport implements TestExecutionListener {

    private Instant started = Instant.now();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        started = Instant.now();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            List<String> orphans = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .filter(p -> p.info().startInstant().map(s -> !s.isBefore(started)).orElse(false))
                    .flatMap(p -> clusterDirectory(p).filter(LeftRunningServersReport::unowned)
                            .map(dir -> "pid " + p.pid() + ", " + dir).stream())
                    .toList();
            if (!orphans.isEmpty()) {
                System.err.println("[WARNING] 测试结束后仍有无人管理的 PostgreSQL 在运行 / PostgreSQL servers left running "
                        + "by the tests, with no owner: " + orphans);
            }
        } catch (RuntimeException e) {
            // A report, never a reason for the tests to fail.
        }
    }

    private static Optional<Path> clusterDirectory(ProcessHandle p) {
        String[] arguments = p.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if ("-D".equals(arguments[i])) {
                return Optional.of(Path.of(arguments[i + 1]));
            }
        }
        return Optional.empty();
    }

    /** Whether no live process holds zonky's lock on the cluster (tried without waiting, released at once). */
    private static boolean unowned(Path clusterDir) {
        Path lockFile = clusterDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException ownedHere) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
