package cn.foi.benchmark;

import cn.foi.command.agency.AgencyCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: the agencies they register, the histories they append, elapsed time and the process's
 * memory as the kernel counts it.
 */
final class Bench {

    private Bench() {
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A field of /proc/self/status in KiB (VmHWM: the peak resident set), or -1 where there is none. */
    static long statusKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /** A city (CITY) and {@code count} street offices under it (JD0000…), through the command side; their codes. */
    static List<String> cityWithStreetOffices(CommandGateway commands, int count) {
        commands.sendAndWait(new AgencyCommands.RegisterAgency("CITY", "某市人民政府", null));
        List<String> codes = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            String code = String.format(Locale.ROOT, "JD%04d", a);
            commands.sendAndWait(new AgencyCommands.RegisterAgency(code, "第" + a + "街道办事处", "CITY"));
            codes.add(code);
        }
        return codes;
    }

    /**
     * Appends valid histories to the event store directly, 2,000 events per transaction, so that a setup of hundreds of
     * thousands of events does not take longer than what it prepares. Close it to append the rest.
     */
    static final class Appender implements AutoCloseable {
        private static final int EVENTS_PER_TRANSACTION = 2000;
        private final EventStore store;
        private final TransactionManager transactions;
        private final List<DomainEventMessage<?>> pending = new ArrayList<>();
        private long appended;

        Appender(ConfigurableApplicationContext context) {
            this.store = context.getBean(EventStore.class);
            this.transactions = context.getBean(TransactionManager.class);
        }

        void append(DomainEventMessage<?> event) {
            pending.add(event);
            if (pending.size() >= EVENTS_PER_TRANSACTION) {
                flush();
            }
        }

        long appended() {
            return appended + pending.size();
        }

        private void flush() {
            if (!pending.isEmpty()) {
                List<DomainEventMessage<?>> batch = List.copyOf(pending);
                transactions.executeInTransaction(() -> store.publish(batch));
                appended += batch.size();
                pending.clear();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
