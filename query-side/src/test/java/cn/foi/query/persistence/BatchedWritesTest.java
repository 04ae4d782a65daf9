package cn.foi.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.embedded.EmbeddedPostgresServer;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The writes of a processor batch reach PostgreSQL together, in each key's order, and only if the batch commits. */
class BatchedWritesTest {

    private static QueryDatabase database;
    private static BatchedWrites writes;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        postgres.createDatabaseIfMissing("batched_writes_test");
        database = new QueryDatabase(postgres.jdbcUrl("batched_writes_test"), postgres.username(),
                postgres.password(), 2);
        writes = new BatchedWrites(database);
        jdbc = database.jdbc();
        jdbc.execute("create table if not exists batched (id text primary key, state text, version int)");
        jdbc.execute("create table if not exists batched_log (id text, version int, primary key (id, version))");
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("truncate batched, batched_log");
    }

    private static final String INSERT = "insert into batched (id, state, version) values (?, ?, ?) on conflict do nothing";
    private static final String ADVANCE = "update batched set state = ?, version = ? where id = ? and version < ?";
    private static final String LOG = "insert into batched_log (id, version) values (?, ?) on conflict do nothing";

    private static void inBatch(Runnable handlers) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(new SpringTransactionManager(database.transactionManager()));
        unitOfWork.execute(handlers);
    }

    @Test
    void writesOfOneKeyKeepTheirOrderWhileOtherKeysAndUnorderedWritesInterleave() {
        inBatch(() -> {
            for (String id : List.of("a", "b", "c")) {
                writes.write(id, INSERT, id, "received", 0);
                writes.writeUnordered(LOG, id, 0);
            }
            writes.write("b", ADVANCE, "extended", 1, "b", 1);
            writes.write("a", ADVANCE, "extended", 1, "a", 1);
            writes.writeUnordered(LOG, "a", 1);
            writes.write("a", ADVANCE, "decided", 2, "a", 2);
            writes.write("b", ADVANCE, "decided", 2, "b", 2);
            writes.write("b", ADVANCE, "withdrawn", 3, "b", 3);
            assertThat(jdbc.queryForObject("select count(*) from batched", Integer.class))
                    .as("nothing is written before the batch commits").isZero();
        });

        List<Map<String, Object>> rows = jdbc.queryForList("select id, state, version from batched order by id");
        assertThat(rows).extracting(row -> row.get("id") + ":" + row.get("state") + ":" + row.get("version"))
                .containsExactly("a:decided:2", "b:withdrawn:3", "c:received:0");
        assertThat(jdbc.queryForObject("select count(*) from batched_log", Integer.class)).isEqualTo(4);
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        assertThatThrownBy(() -> inBatch(() -> {
            writes.write("a", INSERT, "a", "received", 0);
            throw new IllegalStateException("the handler of the next event failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("select count(*) from batched", Integer.class)).isZero();
    }

    @Test
    void outsideABatchEachWriteRunsAtOnce() {
        writes.write("a", INSERT, "a", "received", 0);

        assertThat(jdbc.queryForObject("select state from batched where id = 'a'", String.class))
                .isEqualTo("received");
    }
}
