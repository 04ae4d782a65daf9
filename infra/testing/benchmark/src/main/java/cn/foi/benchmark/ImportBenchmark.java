package cn.foi.benchmark;

import cn.foi.testsupport.FoiApi;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ledger imports against a running all-in-one (a separate process on the default heap of ./run.sh), as offices meet
 * them. Prints figures; asserts nothing (the machines are shared and noisy).
 *
 * <ul>
 *   <li>{@code --scenario=gaps}: a 15,000-row ledger whose last row is bad (422), the same ledger checked twice, the
 *   good ledger, then a second agency's 15,000 rows: peak heap and RSS of the server, whether it stayed up, and how many
 *   global indexes of the event store were drawn without an event (the gaps its tracking processors must carry).</li>
 *   <li>{@code --scenario=isolation}: a clerk of another office registers requests one after the other and waits until
 *   each is readable, first with no import running, then while a 15,000-row ledger is imported: latency of the
 *   registration and time until the request is readable, side by side.</li>
 * </ul>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandBenchmark.options(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        FoiApi admin = FoiApi.anonymous(url).as(options.getOrDefault("admin", "admin"),
                options.getOrDefault("password", "admin-pass-1"));
        int n = Integer.parseInt(options.getOrDefault("n", "15000"));
        long pid = Long.parseLong(options.getOrDefault("pid", "0"));
        String jdbc = options.get("jdbc");
        admin.awaitUp(Duration.ofMinutes(3));
        Bench.HeapSampler heap = new Bench.HeapSampler(pid, 500);
        heap.start();
        switch (options.getOrDefault("scenario", "gaps")) {
            case "gaps" -> gaps(admin, n, pid, jdbc, heap);
            case "isolation" -> isolation(admin, n, pid, heap);
            default -> throw new IllegalArgumentException("scenario gaps or isolation");
        }
        heap.interrupt();
    }

    private static void gaps(FoiApi admin, int n, long pid, String jdbc, Bench.HeapSampler heap) throws Exception {
        FoiApi first = clerk(admin, "GAPSA");
        FoiApi second = clerk(admin, "GAPSB");
        byte[] good = LedgerBenchmark.ledger(n);
        // One more row, answered before it was received: the whole ledger is refused, after every row was checked.
        byte[] bad = concat(good, "BENCH-X,自然人,某人,网络,2025-03-03,,,,,,,予以公开,2025-03-01,,,,,,,\r\n");
        long drawnBefore = drawnWithoutEvent(jdbc);
        List<String> steps = new ArrayList<>();
        steps.add(step("import with a bad last row", () -> first.upload("/api/agencies/GAPSA/ledger", "台账.csv", bad)));
        steps.add(step("dry run of the same ledger", () -> first.upload("/api/agencies/GAPSA/ledger?dryRun=true",
                "台账.csv", bad)));
        steps.add(step("the same dry run again", () -> first.upload("/api/agencies/GAPSA/ledger?dryRun=true",
                "台账.csv", bad)));
        long drawnAfterFailures = drawnWithoutEvent(jdbc);
        steps.add(step("the good ledger", () -> first.upload("/api/agencies/GAPSA/ledger", "台账.csv", good)));
        steps.add(step("a second agency's ledger", () -> second.upload("/api/agencies/GAPSB/ledger", "台账.csv",
                good)));
        boolean caughtUp = true;
        try {
            admin.awaitCaughtUp(Duration.ofMinutes(10));
        } catch (RuntimeException | AssertionError e) {
            caughtUp = false;
        }
        boolean up = pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        boolean healthy = up && admin.get("/actuator/health").status() == 200;

        System.out.println();
        System.out.printf("== Import gaps benchmark: %d-row ledgers against the all-in-one (pid %d) ==%n", n, pid);
        steps.forEach(System.out::println);
        System.out.printf("global indexes drawn without an event : %d by the refused import and dry runs, %d in all%n",
                drawnAfterFailures - drawnBefore, drawnWithoutEvent(jdbc) - drawnBefore);
        System.out.printf("all projected (caughtUp)              : %s%n", caughtUp);
        System.out.printf("server process up / health answering  : %s / %s%n", up, healthy);
        System.out.printf("peak heap used (jstat, every 0.5 s)   : %d MiB%n", heap.peakKib.get() / 1024);
        System.out.printf("peak RSS (VmHWM)                      : %d MiB%n",
                CommandBenchmark.statusKib(pid, "VmHWM") / 1024);
    }

    private static void isolation(FoiApi admin, int n, long pid, Bench.HeapSampler heap) throws Exception {
        FoiApi importer = clerk(admin, "ISOA");
        FoiApi other = clerk(admin, "ISOB");
        byte[] ledger = LedgerBenchmark.ledger(n);
        register(other, "ISOB", "W", () -> false, 100);
        long importStart = System.nanoTime();
        CompletableFuture<FoiApi.Response> upload = CompletableFuture.supplyAsync(
                () -> importer.upload("/api/agencies/ISOA/ledger", "台账.csv", ledger));
        Samples during = register(other, "ISOB", "D", () -> !upload.isDone(), 0);
        FoiApi.Response response = upload.get();
        double importSeconds = Bench.seconds(importStart);
        admin.awaitCaughtUp(Duration.ofMinutes(10));
        double projectedSeconds = Bench.seconds(importStart);
        // The same number of registrations with no import running, after the warm-up above.
        Samples quiet = register(other, "ISOB", "Q", () -> false, Math.max(during.count(), 20));

        System.out.println();
        System.out.printf("== Import isolation benchmark: another office's clerk during a %d-row import ==%n", n);
        System.out.printf(Locale.ROOT, "import answered %d after %.1f s, all projected after %.1f s%n",
                response.status(), importSeconds, projectedSeconds);
        System.out.printf("%-40s %12s %12s%n", "", "no import", "during import");
        System.out.printf("%-40s %12d %12d%n", "requests registered", quiet.count(), during.count());
        System.out.printf(Locale.ROOT, "%-40s %12.0f %12.0f%n", "registration latency p50 (ms)",
                quiet.registered(0.5), during.registered(0.5));
        System.out.printf(Locale.ROOT, "%-40s %12.0f %12.0f%n", "registration latency max (ms)",
                quiet.registered(1.0), during.registered(1.0));
        System.out.printf(Locale.ROOT, "%-40s %12.0f %12.0f%n", "readable after the 201, p50 (ms)",
                quiet.readable(0.5), during.readable(0.5));
        System.out.printf(Locale.ROOT, "%-40s %12.0f %12.0f%n", "readable after the 201, max (ms)",
                quiet.readable(1.0), during.readable(1.0));
        System.out.printf("peak heap used (jstat, every 0.5 s)      : %d MiB%n", heap.peakKib.get() / 1024);
    }

    /** Registration and read latencies of one clerk's requests, in nanoseconds. */
    private record Samples(long[] registeredNanos, long[] readableNanos) {

        int count() {
            return registeredNanos.length;
        }

        double registered(double q) {
            return CommandBenchmark.percentile(registeredNanos, q);
        }

        double readable(double q) {
            return CommandBenchmark.percentile(readableNanos, q);
        }
    }

    /** Registers {@code count} requests one after the other, or as long as {@code more} holds when count is 0. */
    private static Samples register(FoiApi clerk, String agency, String prefix, java.util.function.BooleanSupplier more,
                                    int count) {
        List<Long> registered = new ArrayList<>();
        List<Long> readable = new ArrayList<>();
        while (count > 0 ? registered.size() < count : more.getAsBoolean()) {
            long start = System.nanoTime();
            FoiApi.Response created;
            try {
                created = clerk.post("/api/agencies/" + agency + "/requests", Map.of(
                        "caseNo", prefix + "-" + registered.size() + "-" + start, "channel", "网络",
                        "receivedOn", "2025-09-26", "applicant", Map.of("category", "自然人", "name", "张三"),
                        "description", "公开某项资金使用情况"));
            } catch (RuntimeException timedOut) {
                // The client gave up waiting (FoiApi's timeout): counted with the time it waited, never readable.
                registered.add(System.nanoTime() - start);
                readable.add(System.nanoTime() - start);
                continue;
            }
            long answered = System.nanoTime();
            if (created.status() != 201) {
                throw new IllegalStateException("registration answered " + created.status() + ": " + created.body());
            }
            String id = created.json().get("id").asText();
            while (clerk.get("/api/requests/" + id).status() != 200) {
                Bench.sleep(20);
            }
            registered.add(answered - start);
            readable.add(System.nanoTime() - answered);
        }
        return new Samples(sorted(registered), sorted(readable));
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static FoiApi clerk(FoiApi admin, String agency) {
        admin.post("/api/agencies", Map.of("code", agency, "name", "基准测试机关 " + agency)).expect(201);
        String user = agency.toLowerCase(Locale.ROOT);
        admin.post("/api/users", Map.of("username", user, "password", "bench-pass-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        return admin.as(user, "bench-pass-1");
    }

    private interface Upload {
        FoiApi.Response send();
    }

    private static String step(String what, Upload upload) {
        long start = System.nanoTime();
        FoiApi.Response response = upload.send();
        return String.format(Locale.ROOT, "%-40s: %d after %.1f s", what, response.status(), Bench.seconds(start));
    }

    private static byte[] concat(byte[] csv, String line) {
        byte[] more = line.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(csv, csv.length + more.length);
        System.arraycopy(more, 0, all, csv.length, more.length);
        return all;
    }

    /** Global indexes drawn from the event store's sequence that no stored event has. */
    private static long drawnWithoutEvent(String jdbc) throws Exception {
        if (jdbc == null) {
            return -1;
        }
        try (Connection connection = DriverManager.getConnection(jdbc, System.getProperty("jdbc.user", "postgres"),
                System.getProperty("jdbc.password", "postgres"));
             ResultSet rows = connection.createStatement().executeQuery(
                     "select (select case when is_called then last_value else 0 end from domain_event_entry_seq)"
                             + " - (select count(*) from domain_event_entry)")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
