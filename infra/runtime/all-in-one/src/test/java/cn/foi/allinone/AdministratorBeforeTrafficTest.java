package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.access.UserDirectory;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The first administrator exists before the web server accepts a connection: a readiness probe or a client signing in
 * as {@code admin} the moment the port opens must not be refused (and counted as a failed sign-in) for want of it.
 */
class AdministratorBeforeTrafficTest {

    /** Whether {@code admin} existed when the web server had just started listening; null until it started. */
    private static final AtomicReference<Boolean> ADMIN_EXISTED_WHEN_LISTENING = new AtomicReference<>();

    private static AllInOne system;

    @TestConfiguration(proxyBeanMethods = false)
    static class WatchTheWebServerStart {
        @Bean
        ApplicationListener<ServletWebServerInitializedEvent> adminAtWebServerStart(UserDirectory users) {
            return event -> ADMIN_EXISTED_WHEN_LISTENING.set(users.userExists("admin"));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh(WatchTheWebServerStart.class);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void givenAFreshSystemWhenTheWebServerStartsListeningThenTheAdministratorAlreadyExists() {
        assertThat(ADMIN_EXISTED_WHEN_LISTENING.get()).as("the web server started, and admin existed by then")
                .isTrue();
        system.admin().get("/api/agencies").expect(200);
    }
}
