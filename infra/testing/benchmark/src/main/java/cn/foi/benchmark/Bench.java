package cn.foi.benchmark;

import cn.foi.command.agency.AgencyCommands;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks share: the agencies they register, the histories they append, elapsed time, the process's
 * memory as the kernel counts it and a server's heap as jstat reads it.
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

    /** The heap generations jstat -gc reports as used (KiB): survivors, eden and old. */
    private static final List<String> HEAP_USED = List.of("S0U", "S1U", "EU", "OU");

    /** Whole heap and old generation in use, in KiB, from a jstat -gc header and line. */
    private static long[] heapUsed(String[] header, String[] values) {
        double heap = 0;
        double old = 0;
        for (int i = 0; i < header.length; i++) {
            if (HEAP_USED.contains(header[i])) {
                heap += Double.parseDouble(values[i]);
            }
            if (header[i].equals("OU")) {
                old = Double.parseDouble(values[i]);
            }
        }
        return new long[] {(long) heap, (long) old};
    }

    /** A server's heap in use after a full collection (jcmd GC.run, then jstat), in KiB; 0 without a pid. */
    static long heapAfterGc(long pid) throws Exception {
        if (pid <= 0) {
            return 0;
        }
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            return heapUsed(out.readLine().trim().split("\\s+"), out.readLine().trim().split("\\s+"))[0];
        }
    }

    /**
     * Samples a server's heap with jstat -gc every {@code intervalMillis} while it runs, keeping the peaks of the whole
     * heap and of the old generation (KiB). Does nothing without a pid; interrupt it to stop, and jstat stops with it.
     */
    static final class HeapSampler extends Thread {
        final AtomicLong peakKib = new AtomicLong();
        final AtomicLong oldPeakKib = new AtomicLong();
        private final long pid;
        private final long intervalMillis;

        HeapSampler(long pid, long intervalMillis) {
            super("heap-sampler");
            this.pid = pid;
            this.intervalMillis = intervalMillis;
            setDaemon(true);
        }

        @Override
        public void run() {
            if (pid <= 0) {
                return;
            }
            try {
                Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), Long.toString(intervalMillis))
                        .start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String[] header = out.readLine().trim().split("\\s+");
                    String line;
                    while (!isInterrupted() && (line = out.readLine()) != null) {
                        String[] values = line.trim().split("\\s+");
                        // jstat repeats its header now and then; a short line is one cut off at the end.
                        if (values.length != header.length || values[0].equals(header[0])) {
                            continue;
                        }
                        long[] used = heapUsed(header, values);
                        peakKib.accumulateAndGet(used[0], Math::max);
                        oldPeakKib.accumulateAndGet(used[1], Math::max);
                    }
                } finally {
                    jstat.destroy();
                }
            } catch (Exception e) {
                System.err.println("heap sampling stopped: " + e);
            }
        }
    }

    /** A city (CITY) and {@code count} street offices under it (JD0000…), through the command side; their codes. */
    static List<String> cityWithStreetOffices(CommandGateway commands, int count) {
        return cityWithStreetOffices(commands, "CITY", "某市人民政府", "JD", count);
    }

    /** A city and {@code count} street offices under it ({@code prefix}0000…), through the command side; their codes. */
    static List<String> cityWithStreetOffices(CommandGateway commands, String city, String cityName, String prefix,
                                              int count) {
        commands.sendAndWait(new AgencyCommands.RegisterAgency(city, cityName, null));
        List<String> codes = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            String code = String.format(Locale.ROOT, "%s%04d", prefix, a);
            commands.sendAndWait(new AgencyCommands.RegisterAgency(code, "第" + a + "街道办事处", city));
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
