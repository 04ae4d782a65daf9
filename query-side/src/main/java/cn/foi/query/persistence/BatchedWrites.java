package cn.foi.query.persistence;

import cn.foi.query.failures.ProjectionFailure;
import cn.foi.query.failures.ProjectionFailures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The writes of a projection, sent to PostgreSQL as JDBC batches when the processor's batch of events commits, instead
 * of one round trip per statement.
 *
 * <p>Why: a replay applies every event of the year; with one or two statements per event the processor spent its time
 * waiting for PostgreSQL's answers, not working. The writes still commit in the transaction that stores the
 * processor's position, so a batch is applied whole or not at all.
 *
 * <p>Order: writes with the same key (a request's id) run in the order they were made; writes of different keys
 * commute (they touch different rows), and so do writes without a key, which the caller declares independent of
 * every other write (an insert that does nothing when its row exists). The writes are therefore executed in rounds:
 * round {@code k} holds each key's {@code k}-th write, and within a round the writes of the same statement form one
 * JDBC batch. Projections that read what they wrote in the same batch must not use this.
 *
 * <p>Outside a unit of work (a test calling a handler directly) each write runs at once, and so it does when the batch
 * is applied event by event after a failure ({@link ProjectionFailures}): then a failing write must fail in its handler,
 * where the event it belongs to is known and can be parked.
 */
@Component
public class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final String resourceKey = BatchedWrites.class.getName() + "@" + System.identityHashCode(this);

    public BatchedWrites(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** A write that must follow the earlier writes of the same key, and precede its later ones. */
    public void write(String key, String sql, Object... arguments) {
        if (!CurrentUnitOfWork.isStarted() || ProjectionFailures.eventByEvent()) {
            jdbc.update(sql, arguments);
            return;
        }
        pending().add(new Write(key, sql, arguments));
    }

    /** A write that commutes with every other: its order does not matter. */
    public void writeUnordered(String sql, Object... arguments) {
        write(null, sql, arguments);
    }

    private List<Write> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            List<Write> writes = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> flush(writes));
            return writes;
        });
    }

    private void flush(List<Write> writes) {
        try {
            send(writes);
        } catch (RuntimeException e) {
            // Which event's write failed is unknown here; the processor applies the batch again event by event. The
            // exception's own message quotes the statements with their values: it must not reach the log.
            throw ProjectionFailure.of("projection batch failed when its writes were sent, to be applied again "
                    + "event by event", e);
        }
    }

    private void send(List<Write> writes) {
        List<Map<String, List<Object[]>>> rounds = new ArrayList<>();
        Map<String, Integer> writesPerKey = new HashMap<>();
        for (Write write : writes) {
            int round = write.key() == null ? 0 : writesPerKey.merge(write.key(), 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.arguments());
        }
        for (Map<String, List<Object[]>> round : rounds) {
            round.forEach((sql, arguments) -> {
                if (arguments.size() == 1) {
                    jdbc.update(sql, arguments.get(0));
                } else {
                    jdbc.batchUpdate(sql, arguments);
                }
            });
        }
        writes.clear();
    }

    private record Write(String key, String sql, Object[] arguments) {
    }
}
