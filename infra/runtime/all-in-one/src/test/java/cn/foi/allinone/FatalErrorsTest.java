package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.foi.testsupport.ProcessTrees;
import cn.foi.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fatal error ends the all-in-one with a non-zero status, so that a service manager starts it again, instead of
 * leaving a JVM that is alive but does no work. Each test starts the all-in-one as ./run.sh does (its JVM options) in a
 * process of its own, brings a fault about and waits for the end.
 */
class FatalErrorsTest {

    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void anOutOfMemoryErrorEndsTheProcess(@TempDir Path dataDir) throws Exception {
        try (Child child = Child.start(dataDir, "heap")) {
            int status = child.awaitExit(Duration.ofSeconds(90));
            assertThat(status).as("exit status after an OutOfMemoryError:\n%s", child.tail()).isNotZero();
        }
    }

    @Test
    void aFatalKafkaFaultEndsTheProcessAfterStoppingPostgresql(@TempDir Path dataDir) throws Exception {
        try (Child child = Child.start(dataDir, "kafka")) {
            long postmaster = child.postmaster().orElseThrow().pid();
            int status = child.awaitExit(Duration.ofMinutes(2));
            assertThat(status).as("exit status after Kafka's fatal fault:\n%s", child.tail()).isEqualTo(1);
            // Kafka's own procedure halts the JVM: no shutdown hook, PostgreSQL left running behind the dead process.
            // (pg_ctl's stop returns when the pid file is gone; the process itself ends a moment later)
            assertThat(awaitEnd(postmaster, Duration.ofSeconds(10)))
                    .as("PostgreSQL stopped by the shutdown hook:\n%s", child.tail()).isTrue();
        }
    }

    @Test
    void postgresqlGoneEndsTheProcess(@TempDir Path dataDir) throws Exception {
        try (Child child = Child.start(dataDir, "none")) {
            child.postmaster().orElseThrow().destroyForcibly();
            int status = child.awaitExit(Duration.ofMinutes(2));
            assertThat(status).as("exit status after PostgreSQL was killed:\n%s", child.tail()).isEqualTo(1);
        }
    }

    private static boolean awaitEnd(long pid, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            return true;
        } catch (ConditionTimeoutException stillAlive) {
            return false;
        }
    }

    /** The all-in-one's JVM options in ./run.sh: what a deployment runs with. */
    static List<String> runShJvmOptions() throws IOException {
        Matcher options = Pattern.compile("(?m)^JAVA_OPTS_DEFAULT=\"([^\"]*)\"")
                .matcher(Files.readString(ServiceProcess.ROOT.resolve("run.sh")));
        assertThat(options.find()).as("run.sh sets JAVA_OPTS_DEFAULT").isTrue();
        return Arrays.asList(options.group(1).trim().split("\\s+"));
    }

    /** The all-in-one in a process of its own, on the test's classpath. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final Path dataDir;
        private final Path log;

        private Child(Process process, Path dataDir, Path log) {
            this.process = process;
            this.dataDir = dataDir;
            this.log = log;
        }

        static Child start(Path dataDir, String fault) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(runShJvmOptions());
            command.add("-Dfoi.test.fault=" + fault);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(FaultyAllInOne.class.getName());
            Path log = Files.createDirectories(Path.of("target", "fatal-errors").toAbsolutePath())
                    .resolve(fault + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("FOI_DATA_DIR", dataDir.toString());
            // Any free port, taken by the child itself: a port chosen here could be taken by the child's own
            // PostgreSQL or Kafka (which bind ephemeral ports) before its web server binds it.
            builder.environment().put("PORT", "0");
            builder.environment().put("FOI_ADMIN_PASSWORD", "admin-secret-1");
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            Child child = new Child(builder.start(), dataDir, log);
            try {
                child.awaitStarted();
                return child;
            } catch (Exception | Error e) {
                child.close();
                throw e;
            }
        }

        void awaitStarted() throws Exception {
            try {
                await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the all-in-one exited with " + process.exitValue() + ":\n" + tail());
                    }
                    return Files.readString(log).contains(FaultyAllInOne.STARTED);
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the all-in-one did not start within " + START + ":\n" + tail(), e);
            }
        }

        Optional<ProcessHandle> postmaster() {
            return ProcessTrees.postmasterOf(dataDir.resolve("postgres"));
        }

        int awaitExit(Duration timeout) throws Exception {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the all-in-one was still running " + timeout + " after the fault:\n"
                        + tail());
            }
            return process.exitValue();
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log)";
            }
        }

        @Override
        public void close() {
            ProcessTrees.kill(process.toHandle());
            ProcessTrees.stopPostmaster(dataDir.resolve("postgres"));
        }
    }
}
