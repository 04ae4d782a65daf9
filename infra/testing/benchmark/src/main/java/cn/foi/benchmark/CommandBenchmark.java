package cn.foi.benchmark;

import cn.foi.testsupport.FoiApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers and decides N requests through the REST API with K concurrent clients against a running all-in-one, and
 * measures, in the same run and on the same database, how fast PostgreSQL alone appends single rows with K clients:
 * the physical limit of an event append. Prints figures; asserts nothing (the machines are shared and noisy).
 */
public final class CommandBenchmark {

    private CommandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        String admin = options.getOrDefault("admin", "admin");
        String password = options.getOrDefault("password", "admin-pass-1");
        int n = Integer.parseInt(options.getOrDefault("n", "2000"));
        int k = Integer.parseInt(options.getOrDefault("k", "16"));
        // Warm-up until the JIT compilers have settled: the figures are of the steady state, as a server runs.
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1500"));
        String jdbc = options.get("jdbc");
        long pid = Long.parseLong(options.getOrDefault("pid", "0"));

        FoiApi api = FoiApi.anonymous(url).as(admin, password);
        api.awaitUp(Duration.ofMinutes(3));
        // A new agency each run, so the benchmark can run again against the same system.
        String agency = "BENCH" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        api.post("/api/agencies", Map.of("code", agency, "name", "基准测试街道办事处")).expect(201);
        api.post("/api/users", Map.of("username", agency.toLowerCase(Locale.ROOT), "password", "bench-pass-1",
                "role", "CLERK", "agencyCode", agency)).expect(201);
        FoiApi clerk = api.as(agency.toLowerCase(Locale.ROOT), "bench-pass-1");

        double rawRate = jdbc == null ? Double.NaN : rawAppendRate(jdbc, k, Duration.ofSeconds(8));

        System.out.printf("warming up with %d requests...%n", warmup);
        run(clerk, agency, "W", warmup, k);
        System.out.printf("measuring %d requests (%d commands) with %d clients...%n", n, 2 * n, k);
        Result result = run(clerk, agency, "B", n, k);
        api.awaitCaughtUp(Duration.ofMinutes(5));
        long caughtUpMillis = (System.nanoTime() - result.startNanos()) / 1_000_000;

        long peakKib = pid > 0 ? statusKib(pid, "VmHWM") : -1;
        long rssKib = pid > 0 ? statusKib(pid, "VmRSS") : -1;
        long[] latencies = result.latencies();
        Arrays.sort(latencies);
        double seconds = result.elapsedNanos() / 1e9;
        double commandsPerSecond = latencies.length / seconds;
        double p50 = percentile(latencies, 0.50);
        double p99 = percentile(latencies, 0.99);

        System.out.println();
        System.out.println("== Command benchmark: all-in-one, REST API, " + Runtime.getRuntime().availableProcessors()
                + " cores ==");
        System.out.printf("requests registered and decided : %d (%d commands, %d failed)%n", n, latencies.length,
                result.failures());
        System.out.printf("concurrent clients              : %d%n", k);
        System.out.printf(Locale.ROOT, "commands per second             : %.1f%n", commandsPerSecond);
        System.out.printf(Locale.ROOT, "latency p50 / p99               : %.1f ms / %.1f ms%n", p50, p99);
        System.out.printf(Locale.ROOT, "all projected (caughtUp) after  : %.1f s from the first command%n",
                caughtUpMillis / 1000.0);
        if (peakKib > 0) {
            System.out.printf(Locale.ROOT, "all-in-one peak resident memory : %.0f MiB (VmHWM; now %.0f MiB; pid %d)%n",
                    peakKib / 1024.0, rssKib / 1024.0, pid);
        }
        if (!Double.isNaN(rawRate)) {
            System.out.printf(Locale.ROOT, "PostgreSQL raw insert+commit    : %.1f rows/s with %d clients (same server)%n",
                    rawRate, k);
            System.out.printf(Locale.ROOT, "API commands / raw appends      : %.2f%n", commandsPerSecond / rawRate);
        }
        System.out.println("goals on a 2-core machine at 16 clients:");
        System.out.printf(Locale.ROOT, "  >= 200 commands/s   : %s (%.1f)%n", commandsPerSecond >= 200 ? "met" : "NOT met",
                commandsPerSecond);
        System.out.printf(Locale.ROOT, "  p99 < 200 ms        : %s (%.1f ms)%n", p99 < 200 ? "met" : "NOT met", p99);
        if (peakKib > 0) {
            System.out.printf(Locale.ROOT, "  resident < 1 GiB    : %s (%.0f MiB)%n",
                    peakKib < 1024 * 1024 ? "met" : "NOT met", peakKib / 1024.0);
        }
    }

    private record Result(long[] latencies, long elapsedNanos, long startNanos, int failures) {
    }

    /** K clients share the N requests; each registers one and then decides it. Latency is per command. */
    private static Result run(FoiApi clerk, String agency, String prefix, int n, int k) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong recorded = new AtomicLong();
        long[] latencies = new long[2 * n];
        LocalDate received = LocalDate.of(2026, 3, 2);
        ExecutorService pool = Executors.newFixedThreadPool(k);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            clients.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long t0 = System.nanoTime();
                    FoiApi.Response registered = clerk.post("/api/agencies/" + agency + "/requests", Map.of(
                            "caseNo", prefix + "-" + i,
                            "applicant", Map.of("category", i % 5 == 0 ? "商业企业" : "自然人", "name", "申请人" + i),
                            "channel", "网络", "receivedOn", received.toString(),
                            "description", "申请公开某项目的批复文件及资金使用情况")); 
                    long t1 = System.nanoTime();
                    latencies[(int) recorded.getAndIncrement()] = t1 - t0;
                    if (registered.status() != 201) {
                        failures.incrementAndGet();
                        continue;
                    }
                    String id = registered.json().get("id").asText();
                    FoiApi.Response decided = clerk.post("/api/requests/" + id + "/decision",
                            Map.of("outcome", i % 3 == 0 ? "R3_2" : "R3_1", "decidedOn", "2026-03-20"));
                    latencies[(int) recorded.getAndIncrement()] = System.nanoTime() - t1;
                    if (decided.status() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(Arrays.copyOf(latencies, (int) recorded.get()), elapsed, start, failures.get());
    }

    /** Single-row INSERT, each committed on its own, from K connections for the given time. */
    private static double rawAppendRate(String jdbc, int k, Duration duration) throws Exception {
        String user = System.getProperty("jdbc.user", "postgres");
        String password = System.getProperty("jdbc.password", "postgres");
        try (Connection setup = DriverManager.getConnection(jdbc, user, password)) {
            setup.createStatement().execute("create table if not exists benchmark_append "
                    + "(id bigserial primary key, aggregate varchar(64), payload bytea)");
        }
        byte[] payload = new byte[400];
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(k);
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int client = c;
            writers.add(pool.submit(() -> {
                try (Connection db = DriverManager.getConnection(jdbc, user, password);
                     PreparedStatement insert = db.prepareStatement(
                             "insert into benchmark_append (aggregate, payload) values (?, ?)")) {
                    db.setAutoCommit(true);
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, "client-" + client);
                        insert.setBytes(2, payload);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (Connection cleanup = DriverManager.getConnection(jdbc, user, password)) {
            cleanup.createStatement().execute("drop table benchmark_append");
        }
        return rows.get() / seconds;
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
