package cn.foi.e2e;

import cn.foi.testsupport.ProcessTrees;
import cn.foi.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The web UI's browser tests ({@code infra/web-ui/browser-tests/*.test.mjs}): each file runs in Node's test runner with
 * playwright-core driving Debian's Chromium, against a system the JUnit test started. One JUnit test per file, so the
 * test report names what failed; the runner's output (with the timings it prints) goes to the build log and to
 * {@code target/browser-tests/}, the screenshots to {@code target/screenshots/<suite>/}.
 */
final class BrowserSuite {

    static final Path WEB_UI = ServiceProcess.ROOT.resolve("infra/web-ui");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private BrowserSuite() {
    }

    /** The spec files, in name order; {@code only} narrows them by file name (without {@code .test.mjs}). */
    static List<Path> specs(List<String> only) throws IOException {
        try (Stream<Path> files = Files.list(WEB_UI.resolve("browser-tests"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".test.mjs"))
                    .filter(file -> only.isEmpty() || only.contains(name(file)))
                    .sorted()
                    .toList();
        }
    }

    static Stream<DynamicTest> run(String suite, String baseUrl, String adminPassword, List<String> only)
            throws IOException {
        checkTools();
        return specs(only).stream().map(spec -> DynamicTest.dynamicTest(name(spec), () ->
                runSpec(suite, spec, baseUrl, adminPassword)));
    }

    private static void runSpec(String suite, Path spec, String baseUrl, String adminPassword) throws Exception {
        Path output = Path.of("target", "browser-tests", suite + "-" + name(spec) + ".log").toAbsolutePath();
        Files.createDirectories(output.getParent());
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                WEB_UI.relativize(spec).toString())
                .directory(WEB_UI.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment().putAll(Map.of(
                "FOI_BASE_URL", baseUrl,
                "FOI_ADMIN_PASSWORD", adminPassword,
                "FOI_SCREENSHOTS", Path.of("target", "screenshots", suite).toAbsolutePath().toString(),
                "CHROMIUM", CHROMIUM.toString(),
                "NO_COLOR", "1"));
        Process process = node.start();
        boolean finished;
        try {
            finished = process.waitFor(20, TimeUnit.MINUTES);
        } finally {
            // A spec that hangs, or a test run interrupted, must not leave node and its Chromium running.
            if (process.isAlive()) {
                ProcessTrees.kill(process.toHandle());
            }
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("── browser test " + suite + "/" + name(spec) + " ──\n" + log);
        assertThat(finished).as("%s finished within 20 minutes", spec.getFileName()).isTrue();
        assertThat(process.exitValue()).as("%s failed:\n%s", spec.getFileName(), log).isZero();
    }

    private static void checkTools() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: the browser tests need Debian's chromium "
                    + "(apt-get install chromium; ./test.sh installs it)");
        }
        if (!Files.isDirectory(WEB_UI.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("infra/web-ui/node_modules is missing: build the web-ui module first "
                    + "(mvn verify builds it before these tests)");
        }
    }

    private static String name(Path spec) {
        return spec.getFileName().toString().replace(".test.mjs", "");
    }
}
