package cn.foi.e2e;

import cn.foi.testsupport.FoiApi;
import cn.foi.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every browser test of the web UI, in headless Chromium, against the all-in-one jar as ./run.sh starts it. */
class BrowserIT {

    private static final String ADMIN_PASSWORD = "admin-secret-1";
    private static ServiceProcess system;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        int port = ServiceProcess.freePort();
        system = new ServiceProcess("all-in-one-browser",
                ServiceProcess.jar("infra/runtime/all-in-one", "foi-all-in-one-exec.jar"),
                Map.of("PORT", Integer.toString(port),
                        "FOI_DATA_DIR", Files.createTempDirectory("foi-browser").toString(),
                        "FOI_DB_PORT", Integer.toString(ServiceProcess.freePort()),
                        "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        // The sign-in page shows it (chrome.test.mjs reads it back from GET /api/about).
                        "FOI_ORGANISATION_NAME", "某某市人民政府办公室"),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC").start();
        baseUrl = "http://localhost:" + port;
        FoiApi.anonymous(baseUrl).awaitUp(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theWebUiInChromium() throws Exception {
        return BrowserSuite.run("all-in-one", baseUrl, ADMIN_PASSWORD, List.of());
    }
}
