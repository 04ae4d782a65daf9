package cn.foi.e2e;

import cn.foi.testsupport.DistributedSystem;
import cn.foi.testsupport.FoiApi;
import cn.foi.testsupport.ProcessTrees;
import cn.foi.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The distributed mode behind one origin: Debian's nginx with the project's configuration
 * ({@code infra/runtime/nginx/foi.conf}) in front of a separate command side and query side. The browser tests run
 * through it, so the routing of every call the pages make, the shared session, the ledger upload and the downloads are
 * tested as deployed.
 */
class BrowserThroughNginxIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static DistributedSystem system;
    private static Process nginx;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("/usr/sbin/nginx is missing: apt-get install nginx (./test.sh installs it)");
        }
        system = DistributedSystem.start();
        int port = ServiceProcess.freePort();
        Path prefix = Files.createTempDirectory("foi-nginx");
        Files.createDirectories(prefix.resolve("logs"));
        String site = Files.readString(ServiceProcess.ROOT.resolve("infra/runtime/nginx/foi.conf"))
                .replace("server 127.0.0.1:8081;", "server 127.0.0.1:" + system.commandPort + ";")
                .replace("server 127.0.0.1:8082;", "server 127.0.0.1:" + system.queryPort + ";")
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("root /srv/foi/web-ui;", "root " + BrowserSuite.WEB_UI.resolve("dist") + ";");
        // The file's commented examples (a second server of each side) are not lines it adapts.
        assertThat(site.lines().filter(line -> !line.strip().startsWith("#")))
                .as("the test found the lines it adapts")
                .noneMatch(line -> line.contains(":8081;") || line.contains(":8082;") || line.contains("/srv/foi"));
        Files.writeString(prefix.resolve("foi.conf"), site);
        // What Debian's /etc/nginx/nginx.conf provides around conf.d, reduced to what a user without root needs.
        Files.writeString(prefix.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                worker_processes 1;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/foi.conf;
                }
                """.formatted(prefix));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf")
                .toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        Process started = nginx;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessTrees.kill(started.toHandle())));
        baseUrl = "http://127.0.0.1:" + port;
        FoiApi.anonymous(baseUrl).awaitUp(Duration.ofMinutes(1));
    }

    /** Runs after a failed start too: whatever was started is stopped, nginx's workers included. */
    @AfterAll
    static void stop() throws Exception {
        try {
            if (nginx != null) {
                ProcessTrees.destroy(nginx.toHandle(), Duration.ofSeconds(10));
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    void nginxSendsChangesToTheCommandSideAndReadsToTheQuerySide() {
        FoiApi admin = FoiApi.anonymous(baseUrl).as("admin", DistributedSystem.ADMIN_PASSWORD);
        admin.post("/api/agencies", java.util.Map.of("code", "NGX", "name", "经代理登记的机关")).expect(201);
        admin.awaitCaughtUp(Duration.ofSeconds(60));
        assertThat(admin.get("/api/agencies/NGX").expect(200).json().get("name").asText()).isEqualTo("经代理登记的机关");
        assertThat(admin.get("/api/agencies/NGX/ledger.csv").status()).isEqualTo(200);
        FoiApi.Response page = FoiApi.anonymous(baseUrl).get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"app\"></div>");
    }

    @TestFactory
    Stream<DynamicTest> everyPageThroughNginx() throws Exception {
        // All but the 10,000-request timing, which measures the page, not the routing, and runs on the all-in-one.
        return BrowserSuite.run("nginx", baseUrl, DistributedSystem.ADMIN_PASSWORD,
                List.of("session", "clerk", "ledger", "report"));
    }
}
