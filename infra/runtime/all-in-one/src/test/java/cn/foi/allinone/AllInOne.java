package cn.foi.allinone;

import cn.foi.testsupport.FoiApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The all-in-one as the tests drive it: started on a fresh data directory, reached over HTTP.
 *
 * <p>A test class gets its own as a JUnit extension, started before the class's first test (and before its
 * {@code @BeforeAll} methods) and stopped after its last:
 * {@code @RegisterExtension static final AllInOne system = AllInOne.perClass();}. Each class has a system of its own
 * because many of them change what the others would see (a year's holidays, the organisation's name, limits).
 */
final class AllInOne implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final String ADMIN_PASSWORD = "admin-secret-1";

    private final Path dataDir;
    private final Class<?>[] moreConfiguration;
    private final Map<String, Object> moreProperties = new java.util.HashMap<>();
    private AllInOneApplication.Running running;

    private AllInOne(Path dataDir, Class<?>... moreConfiguration) {
        this.dataDir = dataDir;
        this.moreConfiguration = moreConfiguration;
    }

    /** Started with more properties, kept for every restart: a smaller upload limit, for one. */
    static AllInOne startFresh(Map<String, Object> properties) throws Exception {
        AllInOne allInOne = new AllInOne(Files.createTempDirectory("foi-all-in-one"));
        allInOne.moreProperties.putAll(properties);
        allInOne.start();
        return allInOne;
    }

    /** Started with more properties and more configuration, both kept for every restart. */
    static AllInOne startFresh(Map<String, Object> properties, Class<?>... moreConfiguration) throws Exception {
        AllInOne allInOne = new AllInOne(Files.createTempDirectory("foi-all-in-one"), moreConfiguration);
        allInOne.moreProperties.putAll(properties);
        allInOne.start();
        return allInOne;
    }

    /** One for the test class that registers it, with the tests' defaults. */
    static AllInOne perClass() {
        return perClass(Map.of());
    }

    /** One for the test class that registers it, with more properties and configuration (kept for every restart). */
    static AllInOne perClass(Map<String, Object> properties, Class<?>... moreConfiguration) {
        AllInOne allInOne;
        try {
            allInOne = new AllInOne(Files.createTempDirectory("foi-all-in-one"), moreConfiguration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        allInOne.moreProperties.putAll(properties);
        return allInOne;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    static AllInOne startFresh() throws Exception {
        return startFresh(new Class<?>[0]);
    }

    /** Started with more configuration, kept for every restart: a test's clock, for one. */
    static AllInOne startFresh(Class<?>... moreConfiguration) throws Exception {
        AllInOne allInOne = new AllInOne(Files.createTempDirectory("foi-all-in-one"), moreConfiguration);
        allInOne.start();
        return allInOne;
    }

    void start() throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("server.port", "0",
                "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD, "foi.deadlines.polling-interval", "PT1S",
                // Every test's calls come from 127.0.0.1, wrong passwords on purpose included: the address's limit
                // would refuse the rest of a class. SignInProtectionTest starts with the default limit.
                "foi.sign-in.max-failures-per-address", "10000"));
        properties.putAll(moreProperties);
        running = AllInOneApplication.start(dataDir, 0, properties, moreConfiguration);
    }

    void stop() {
        running.close();
    }

    FoiApi admin() {
        return FoiApi.anonymous("http://localhost:" + running.port()).as("admin", ADMIN_PASSWORD);
    }

    FoiApi anonymous() {
        return FoiApi.anonymous("http://localhost:" + running.port());
    }

    JdbcTemplate commandDatabase() {
        return new JdbcTemplate(running.context().getBean(DataSource.class));
    }

    <T> T bean(Class<T> type) {
        return running.context().getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return running.context().getBean(name, type);
    }

    /** A new agency with a clerk; returns the clerk's client. */
    FoiApi agencyWithClerk(String agencyCode) {
        admin().post("/api/agencies", Map.of("code", agencyCode, "name", agencyCode + " 街道办事处")).expect(201);
        return clerkOf(agencyCode);
    }

    /** A new clerk of an existing agency; returns the clerk's client. */
    FoiApi clerkOf(String agencyCode) {
        return clerkOf(agencyCode, "clerk-" + agencyCode.toLowerCase());
    }

    /** A new clerk of an existing agency, by the name given; returns the clerk's client. */
    FoiApi clerkOf(String agencyCode, String username) {
        admin().post("/api/users", Map.of("username", username, "password", "clerk-pass-1", "role", "CLERK",
                "agencyCode", agencyCode)).expect(201);
        return anonymous().as(username, "clerk-pass-1");
    }

    static String uniqueCode() {
        return "A" + UUID.randomUUID().toString().substring(0, 8);
    }

    void awaitCaughtUp() {
        admin().awaitCaughtUp(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }
}
