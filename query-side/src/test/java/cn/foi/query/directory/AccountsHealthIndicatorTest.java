package cn.foi.query.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.access.Role;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.query.TestFixtures;
import cn.foi.query.persistence.QueryDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The query side is not ready to sign anyone in until the first administrator's account has been projected. */
class AccountsHealthIndicatorTest {

    private static QueryDatabase database;
    private static DirectoryProjection directory;
    private static AccountsHealthIndicator health;

    @BeforeAll
    static void database() {
        database = TestFixtures.database("accounts_health_test");
        directory = new DirectoryProjection(database, change -> { });
        health = new AccountsHealthIndicator(directory);
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    @BeforeEach
    void empty() {
        directory.reset();
    }

    @Test
    void givenNoAccountYetThenTheSideIsOutOfService() {
        assertThat(health.health().getStatus().getCode()).isEqualTo(Status.OUT_OF_SERVICE.getCode());
        assertThat(health.health().getStatus().getDescription()).contains("管理员账号");
    }

    @Test
    void givenOnlyAClerksAccountThenTheSideIsStillOutOfService() {
        directory.on(new AgencyRegistered("JD01", "某街道办事处", null));
        directory.on(new UserAccountCreated("clerk-1", "{bcrypt}x", Role.CLERK, "JD01"));

        assertThat(health.health().getStatus().getCode()).isEqualTo(Status.OUT_OF_SERVICE.getCode());
    }

    @Test
    void whenTheAdministratorsAccountIsProjectedThenTheSideIsUp() {
        directory.on(new UserAccountCreated("admin", "{bcrypt}x", Role.ADMIN, null));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
