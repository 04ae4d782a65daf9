package cn.foi.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void a_row_written_survives_a_stop_and_a_restart_on_the_same_data_dir(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(pg.isTemporary()).isFalse();
            pg.createDatabaseIfMissing("foi_persist");
            try (Connection c = connect(pg, "foi_persist"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE applications (id int PRIMARY KEY, title text NOT NULL)");
                s.execute("INSERT INTO applications VALUES (1, '政府信息公开申请')");
                // the persistent mode must not run with zonky's durability shortcuts
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "max_connections")).isEqualTo("200");
                assertThat(show(s, "server_encoding")).isEqualTo("UTF8");
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist(); // stopped cleanly

        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0)) {
            pg.createDatabaseIfMissing("foi_persist"); // already there: a no-op
            try (Connection c = connect(pg, "foi_persist"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, title FROM applications")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("政府信息公开申请");
                assertThat(rs.next()).isFalse();
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists(); // never cleaned
    }

    @Test
    void the_same_data_dir_cannot_be_served_twice(@TempDir Path dataDir) {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(pg.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://localhost:" + pg.port() + "/postgres");
        }
    }

    @Test
    void a_temporary_server_creates_a_database_once_and_is_deleted_on_close() throws Exception {
        Path dir;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.startTemporary()) {
            dir = pg.dataDirectory();
            assertThat(pg.isTemporary()).isTrue();
            assertThat(pg.port()).isPositive();
            assertThat(pg.username()).isEqualTo("postgres");

            pg.createDatabaseIfMissing("Query-Side DB");
            pg.createDatabaseIfMissing("Query-Side DB");

            try (Connection c = connect(pg, "postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'Query-Side DB'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (Connection c = connect(pg, "Query-Side DB"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Query-Side DB");
            }
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void the_shared_server_is_started_once_per_jvm() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.shared();
        EmbeddedPostgresServer second = EmbeddedPostgresServer.shared();
        assertThat(second).isSameAs(first);

        first.createDatabaseIfMissing("shared_test_db");
        try (Connection c = connect(second, "shared_test_db"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    private static Connection connect(EmbeddedPostgresServer pg, String database) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.username(), pg.password());
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
