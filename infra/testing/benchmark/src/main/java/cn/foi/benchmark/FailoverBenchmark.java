package cn.foi.benchmark;

import cn.foi.testsupport.DistributedSystem;
import cn.foi.testsupport.FoiApi;
import cn.foi.testsupport.ServiceProcess;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

/**
 * {@code ./bench.sh failover}: the redundant topology of ADR 0033 (three KRaft brokers, two command sides on one event
 * store, two query sides, as {@link DistributedSystem#startRedundant()} starts them for RedundantSystemIT) under a
 * longer fault injection than the test's, in four phases:
 * <ol>
 *   <li>throughput: 16 clients register and decide requests as fast as answered, first against one command side,
 *   then against both in turn, in the same run;</li>
 *   <li>failover: K clients send a steady stream (register, correct the registration, decide) to both command sides
 *   while one reader reads from both query sides; the command side holding the Kafka publisher's claim, the broker
 *   leading the event topic's first partition and a query side are SIGKILLed in turn and restarted;</li>
 *   <li>the count: every command answered 2xx once in the event store, every stored request once in each query
 *   side's projections with its whole timeline ({@code lost N}, {@code doubled N});</li>
 *   <li>a ledger import across nodes: another office registers through command side B while a ledger is imported
 *   through A; A is SIGKILLed in the middle of a second import, which must leave nothing stored, and the same file is
 *   then imported through B.</li>
 * </ol>
 * Prints figures and exits with 1 if anything was lost or doubled or a client saw an error that is not retriable.
 */
public final class FailoverBenchmark {

    private static final String AGENCY = "FO1";

    private final DistributedSystem.Redundant system;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private FailoverBenchmark(DistributedSystem.Redundant system) {
        this.system = system;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandBenchmark.options(args);
        int k = Integer.parseInt(options.getOrDefault("k", "8"));
        int throughputClients = Integer.parseInt(options.getOrDefault("tk", "16"));
        int throughputSeconds = Integer.parseInt(options.getOrDefault("tput-seconds", "30"));
        int phaseSeconds = Integer.parseInt(options.getOrDefault("phase-seconds", "45"));
        long paceMillis = Long.parseLong(options.getOrDefault("pace-ms", "50"));
        int ledgerRows = Integer.parseInt(options.getOrDefault("ledger", "5000"));

        long started = System.nanoTime();
        System.out.println("starting three brokers, two command sides, two query sides...");
        int exit;
        try (DistributedSystem.Redundant system = DistributedSystem.startRedundant()) {
            System.out.printf(Locale.ROOT, "started in %.0f s%n", Bench.seconds(started));
            FailoverBenchmark bench = new FailoverBenchmark(system);
            bench.throughput(throughputClients, throughputSeconds);
            bench.failover(k, phaseSeconds, paceMillis);
            bench.ledgerAcrossNodes(ledgerRows);
            bench.print(k, throughputClients, Bench.seconds(started));
            exit = bench.failures.isEmpty() ? 0 : 1;
        }
        System.exit(exit);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Throughput with one and with two command sides

    private void throughput(int clients, int seconds) throws Exception {
        FoiApi admin = system.command(0);
        admin.post("/api/agencies", Map.of("code", "FOT", "name", "吞吐量测试街道办事处")).expect(201);
        System.out.printf("warming both command sides up for %d s...%n", seconds / 2);
        flood(clients, seconds / 2, List.of(0, 1), "W");
        System.out.printf("%d clients against one command side for %d s...%n", clients, seconds);
        Flood one = flood(clients, seconds, List.of(0), "A");
        System.out.printf("%d clients against two command sides for %d s...%n", clients, seconds);
        Flood two = flood(clients, seconds, List.of(0, 1), "B");
        figures.put("throughput", String.format(Locale.ROOT,
                "%-34s %14s %14s%n%-34s %14.1f %14.1f%n%-34s %14.0f %14.0f%n%-34s %14d %14d",
                "", "one node", "two nodes",
                "commands per second", one.perSecond(), two.perSecond(),
                "latency p50 (ms)", one.p50(), two.p50(),
                "errors", one.errors.get(), two.errors.get()));
        System.out.println("waiting until both query sides have projected the flood...");
        awaitBothCaughtUp();
    }

    private record Flood(AtomicInteger commands, AtomicInteger errors, ConcurrentLinkedQueue<Long> latencies,
                         double seconds) {

        double perSecond() {
            return commands.get() / seconds;
        }

        double p50() {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return CommandBenchmark.percentile(sorted, 0.5);
        }
    }

    /** K clients register and decide requests without pause for the given time, on the given nodes in turn. */
    private Flood flood(int clients, int seconds, List<Integer> nodes, String prefix) throws Exception {
        Flood flood = new Flood(new AtomicInteger(), new AtomicInteger(), new ConcurrentLinkedQueue<>(), seconds);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                int turn = client;
                for (int i = 0; System.nanoTime() < end; i++) {
                    FoiApi node = system.command(nodes.get(turn++ % nodes.size()));
                    long start = System.nanoTime();
                    FoiApi.Response created = node.post("/api/agencies/FOT/requests", registration(
                            "FOT-" + prefix + "-" + client + "-" + i));
                    if (created.status() != 201) {
                        flood.errors.incrementAndGet();
                        continue;
                    }
                    flood.latencies.add(System.nanoTime() - start);
                    flood.commands.incrementAndGet();
                    node = system.command(nodes.get(turn++ % nodes.size()));
                    start = System.nanoTime();
                    FoiApi.Response decided = node.post("/api/requests/" + created.json().get("id").asText()
                            + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2026-03-10"));
                    if (decided.status() != 200) {
                        flood.errors.incrementAndGet();
                        continue;
                    }
                    flood.latencies.add(System.nanoTime() - start);
                    flood.commands.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        return flood;
    }

    private static Map<String, Object> registration(String caseNo) {
        return Map.of("caseNo", caseNo, "applicant", Map.of("category", "自然人", "name", "申请人" + caseNo),
                "channel", "当面", "receivedOn", "2026-03-02");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. Failover under a steady stream

    private void failover(int k, int phaseSeconds, long paceMillis) throws Exception {
        system.command(0).post("/api/agencies", Map.of("code", AGENCY, "name", "故障切换测试街道办事处")).expect(201);
        Clients clients = new Clients(paceMillis);
        Reader reader = new Reader();
        ExecutorService pool = Executors.newFixedThreadPool(k + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int client = c;
            running.add(pool.submit(() -> clients.run(client)));
        }
        running.add(pool.submit(reader::run));
        try {
            pause("steady stream", phaseSeconds);

            // a. The command side holding the publisher's claim.
            String owner = system.publisherOwner();
            int publishing = owner != null && owner.startsWith(system.commandSides().get(1).pid() + "@") ? 1 : 0;
            ServiceProcess dying = system.commandSides().get(publishing);
            ServiceProcess other = system.commandSides().get(1 - publishing);
            byte[] tokenAtKill = publisherToken();
            System.out.printf("SIGKILL command side %d (holds the publisher's claim)%n", publishing + 1);
            long killed = System.nanoTime();
            dying.kill();
            Awaitility.await("the other command side publishes").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        String now = system.publisherOwner();
                        return now != null && now.startsWith(other.pid() + "@")
                                && !Arrays.equals(publisherToken(), tokenAtKill);
                    });
            figures.put("Kafka publisher failover (kill -> first event published by the other command side)",
                    ms(killed));
            awaitBothCaughtUp();
            figures.put("caughtUp on both query sides after the command-side kill", ms(killed));
            if (publishing == 1) {
                // The query sides ask command side 2 for the store's head (nginx would ask either): until it is
                // back they cannot say they are caught up. Measured above only if it was command side 1.
                figures.put("caughtUp on both query sides after the command-side kill",
                        "(the query sides ask the killed node for the head: measured after its restart)");
            }
            dying.start();
            system.awaitHealthy(dying, system.command(publishing));
            if (publishing == 1) {
                awaitBothCaughtUp();
                figures.put("caughtUp on both query sides after the command-side kill", ms(killed));
            }
            System.out.printf("command side %d back after %s%n", publishing + 1, ms(killed));
            pause("steady stream", phaseSeconds);

            // b. The broker leading the event topic's first partition.
            int leader = leaderOfFirstPartition();
            ServiceProcess broker = system.brokers().get(leader - 1);
            byte[] tokenAtBrokerKill = publisherToken();
            System.out.printf("SIGKILL broker %d (leads the event topic's first partition)%n", leader);
            killed = System.nanoTime();
            broker.kill();
            Awaitility.await("publication goes on").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !Arrays.equals(publisherToken(), tokenAtBrokerKill));
            figures.put("publication resumed after the partition leader's kill", ms(killed));
            awaitBothCaughtUp();
            figures.put("caughtUp on both query sides after the partition leader's kill", ms(killed));
            broker.start();
            broker.awaitOutput("KAFKA READY", Duration.ofMinutes(5));
            System.out.printf("broker %d back after %s%n", leader, ms(killed));
            pause("steady stream", phaseSeconds);

            // c. A query side: the reader moves to the other; restarted, it resumes from its own positions.
            ServiceProcess querySide = system.querySides().get(0);
            System.out.println("SIGKILL query side 1");
            killed = System.nanoTime();
            reader.killedAt.set(killed);
            querySide.kill();
            Awaitility.await("the reader is served by query side 2").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(50)).until(() -> reader.servedAfterKill.get() > 0);
            figures.put("query-side failover (kill -> the reader served by the other query side)",
                    TimeUnit.NANOSECONDS.toMillis(reader.servedAfterKill.get() - killed) + " ms");
            pause("one query side down", Math.max(5, phaseSeconds / 3));
            long restarted = System.nanoTime();
            querySide.start();
            system.awaitHealthy(querySide, system.query(0));
            awaitBothCaughtUp();
            figures.put("caughtUp on both query sides after the query-side kill", ms(killed) + " (" + ms(restarted)
                    + " after its restart)");
            pause("steady stream", phaseSeconds / 2);
        } finally {
            clients.stop.set(true);
            reader.stop.set(true);
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        awaitBothCaughtUp();
        count(clients, reader);
    }

    private static void pause(String what, int seconds) {
        System.out.printf("%s for %d s%n", what, seconds);
        Bench.sleep(TimeUnit.SECONDS.toMillis(seconds));
    }

    /** The error a client got, sorted into the kinds the issue names. */
    private static final class Errors {
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger connection = new AtomicInteger();
        final List<String> other = Collections.synchronizedList(new ArrayList<>());

        /** Sends the call to the node; null when it got no answer or a 503 (the caller goes on with the next). */
        FoiApi.Response call(FoiApi api, int node, long[] downUntil, Function<FoiApi, FoiApi.Response> action) {
            try {
                FoiApi.Response response = action.apply(api);
                if (response.status() == 503) {
                    unavailable.incrementAndGet();
                    return null;
                }
                if (response.status() >= 300) {
                    other.add(response.status() + " " + response.body());
                }
                return response;
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).startsWith("HTTP call failed")) {
                    other.add(String.valueOf(e));
                    return null;
                }
                connection.incrementAndGet();
                // As nginx does with a server that refused a connection: left alone for a while.
                downUntil[node] = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                return null;
            }
        }
    }

    private static int pick(long[] downUntil, int next) {
        int node = next % 2;
        return System.nanoTime() < downUntil[node] ? 1 - node : node;
    }

    /** The writing clients: each registers a request, corrects its registration and decides it, node after node. */
    private final class Clients {
        final long paceMillis;
        final AtomicBoolean stop = new AtomicBoolean();
        /** Request id to the number of its commands answered 2xx (registration, correction, decision). */
        final Map<String, Integer> answered = new ConcurrentHashMap<>();
        final Set<String> corrected = ConcurrentHashMap.newKeySet();
        final Set<String> decided = ConcurrentHashMap.newKeySet();
        final AtomicLong commands = new AtomicLong();
        final Errors errors = new Errors();

        Clients(long paceMillis) {
            this.paceMillis = paceMillis;
        }

        void run(int client) {
            long[] downUntil = new long[2];
            int next = client % 2;
            for (int i = 0; !stop.get(); i++) {
                String caseNo = AGENCY + "-" + client + "-" + i;
                int node = pick(downUntil, next++);
                FoiApi.Response created = errors.call(system.command(node), node, downUntil,
                        api -> api.post("/api/agencies/" + AGENCY + "/requests", registration(caseNo)));
                if (created == null || created.status() != 201) {
                    continue;
                }
                commands.incrementAndGet();
                String id = created.json().get("id").asText();
                answered.put(id, 1);
                Map<String, Object> correction = new HashMap<>(registration(caseNo));
                correction.put("description", "更正后的申请内容 " + caseNo);
                node = pick(downUntil, next++);
                FoiApi.Response corrected = errors.call(system.command(node), node, downUntil,
                        api -> api.post("/api/requests/" + id + "/registration-correction",
                                Map.of("registration", correction, "reason", "补录申请内容")));
                if (corrected != null && corrected.status() == 200) {
                    this.corrected.add(id);
                    commands.incrementAndGet();
                }
                node = pick(downUntil, next++);
                FoiApi.Response decision = errors.call(system.command(node), node, downUntil,
                        api -> api.post("/api/requests/" + id + "/decision",
                                Map.of("outcome", "R3_1", "decidedOn", "2026-03-10")));
                if (decision != null && decision.status() == 200) {
                    decided.add(id);
                    commands.incrementAndGet();
                }
                // A steady stream, not a flood: the phase measures failover, the first phase throughput.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(paceMillis));
            }
        }
    }

    /** Reads the agency's list from the query sides in turn, as the offices' browsers do through nginx. */
    private final class Reader {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong servedAfterKill = new AtomicLong();
        final AtomicLong reads = new AtomicLong();
        final Errors errors = new Errors();

        void run() {
            long[] downUntil = new long[2];
            for (int next = 0; !stop.get(); next++) {
                int node = pick(downUntil, next);
                long sent = System.nanoTime();
                FoiApi.Response list = errors.call(system.query(node), node, downUntil,
                        api -> api.get("/api/agencies/" + AGENCY + "/requests?size=1"));
                if (list != null && list.status() == 200) {
                    reads.incrementAndGet();
                    if (node == 1 && sent > killedAt.get()) {
                        servedAfterKill.compareAndSet(0, System.nanoTime());
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. Lost and doubled

    private void count(Clients clients, Reader reader) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = system.connect("foi_command");
             ResultSet rows = db.createStatement().executeQuery(
                     "select request_id from case_registry where agency_code = '" + AGENCY + "'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        Map<String, Map<String, Integer>> stored = new HashMap<>();
        Map<String, Integer> events = new HashMap<>();
        try (Connection db = system.connect("foi_command");
             PreparedStatement statement = db.prepareStatement("select aggregate_identifier, payload_type, count(*) "
                     + "from domain_event_entry where aggregate_identifier = any (?) "
                     + "group by aggregate_identifier, payload_type")) {
            Array array = db.createArrayOf("varchar", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    stored.computeIfAbsent(type.substring(type.lastIndexOf('.') + 1), t -> new HashMap<>())
                            .put(rows.getString(1), rows.getInt(3));
                    events.merge(rows.getString(1), rows.getInt(3), Integer::sum);
                }
            }
        }
        long lost = 0;
        long doubled = 0;
        for (String id : clients.answered.keySet()) {
            int received = stored.getOrDefault("RequestReceived", Map.of()).getOrDefault(id, 0);
            lost += received == 0 ? 1 : 0;
            doubled += received > 1 ? 1 : 0;
        }
        for (String id : clients.corrected) {
            int n = stored.getOrDefault("RegistrationCorrected", Map.of()).getOrDefault(id, 0);
            lost += n == 0 ? 1 : 0;
            doubled += n > 1 ? 1 : 0;
        }
        for (String id : clients.decided) {
            int n = stored.getOrDefault("RequestDecided", Map.of()).getOrDefault(id, 0);
            lost += n == 0 ? 1 : 0;
            doubled += n > 1 ? 1 : 0;
        }
        // A command sent again by no one is never doubled: any request with two registrations or decisions is.
        for (String kind : List.of("RequestReceived", "RegistrationCorrected", "RequestDecided")) {
            doubled += stored.getOrDefault(kind, Map.of()).entrySet().stream()
                    .filter(e -> e.getValue() > 1 && !clients.answered.containsKey(e.getKey())).count();
        }
        figures.put("stream", String.format("%d requests, %d commands answered 2xx (%d registered, %d corrected, "
                        + "%d decided); %d requests stored, %d reads from the query sides",
                clients.answered.size(), clients.commands.get(), clients.answered.size(), clients.corrected.size(),
                clients.decided.size(), ids.size(), reader.reads.get()));
        figures.put("event store", String.format("lost %d doubled %d", lost, doubled));
        check(lost == 0 && doubled == 0, "event store: lost " + lost + " doubled " + doubled);

        for (int q = 0; q < 2; q++) {
            Map<String, Integer> timelines = new HashMap<>();
            Map<String, Integer> summaries = new HashMap<>();
            try (Connection db = system.connect(system.queryDatabases().get(q))) {
                try (ResultSet rows = db.createStatement().executeQuery("select id, count(*) from request_summary "
                        + "where agency_code = '" + AGENCY + "' group by id")) {
                    while (rows.next()) {
                        summaries.put(rows.getString(1), rows.getInt(2));
                    }
                }
                try (ResultSet rows = db.createStatement().executeQuery("select t.request_id, count(*) "
                        + "from request_timeline t join request_summary s on s.id = t.request_id "
                        + "where s.agency_code = '" + AGENCY + "' group by t.request_id")) {
                    while (rows.next()) {
                        timelines.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            long missing = ids.stream().filter(id -> !summaries.containsKey(id)).count();
            long twice = summaries.values().stream().filter(n -> n > 1).count()
                    + summaries.keySet().stream().filter(id -> !ids.contains(id)).count();
            long shortTimelines = ids.stream().filter(id -> timelines.getOrDefault(id, 0) < events.getOrDefault(id, 0)).count();
            long longTimelines = ids.stream().filter(id -> timelines.getOrDefault(id, 0) > events.getOrDefault(id, 0)).count();
            figures.put("query side " + (q + 1), String.format("lost %d doubled %d (requests); timelines short %d, "
                    + "long %d", missing, twice, shortTimelines, longTimelines));
            check(missing + twice + shortTimelines + longTimelines == 0, "query side " + (q + 1));
        }
        figures.put("client errors (writers)", String.format("503: %d, connection error: %d, anything else: %d%s",
                clients.errors.unavailable.get(), clients.errors.connection.get(), clients.errors.other.size(),
                examples(clients.errors.other)));
        figures.put("client errors (reader)", String.format("503: %d, connection error: %d, anything else: %d%s",
                reader.errors.unavailable.get(), reader.errors.connection.get(), reader.errors.other.size(),
                examples(reader.errors.other)));
        check(clients.errors.other.isEmpty() && reader.errors.other.isEmpty(), "errors that are not retriable");
    }

    private static String examples(List<String> errors) {
        synchronized (errors) {
            return errors.isEmpty() ? "" : " (" + String.join(" | ", errors.subList(0, Math.min(3, errors.size())))
                    .replace('\n', ' ') + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. A ledger import across nodes

    private void ledgerAcrossNodes(int rows) throws Exception {
        FoiApi importer = clerk("FOLA");
        FoiApi otherOffice = clerk("FOLB");
        byte[] ledger = LedgerBenchmark.ledger(rows);
        // The other office's clerk on command side 2 with no import running, then while one runs on command side 1.
        List<Long> quiet = registrations(otherOffice, "Q", 20, () -> true);
        long importStart = System.nanoTime();
        CompletableFuture<FoiApi.Response> upload = CompletableFuture.supplyAsync(
                () -> importer.upload("/api/agencies/FOLA/ledger", "台账.csv", ledger));
        List<Long> during = registrations(otherOffice, "D", Integer.MAX_VALUE, () -> !upload.isDone());
        FoiApi.Response imported = upload.get();
        double importSeconds = Bench.seconds(importStart);
        check(imported.status() / 100 == 2, "ledger import through command side 1: " + imported.status());
        figures.put("ledger", String.format(Locale.ROOT, "%d rows imported through command side 1: %d after %.1f s",
                rows, imported.status(), importSeconds));
        figures.put("other office on command side 2", String.format(Locale.ROOT,
                "%d registrations during the import (p50 %.0f ms, max %.0f ms); with no import p50 %.0f ms, max %.0f ms",
                during.size(), percentile(during, 0.5), percentile(during, 1.0), percentile(quiet, 0.5),
                percentile(quiet, 1.0)));
        check(during.size() > 0, "the other office registered nothing during the import");

        // The same ledger for a third office through command side 1, killed halfway through its import.
        FoiApi third = clerk("FOLC");
        FoiApi thirdOnB = third.at(system.command(1).baseUrl());
        ServiceProcess nodeA = system.commandSides().get(0);
        CompletableFuture<String> cut = CompletableFuture.supplyAsync(() -> {
            try {
                return Integer.toString(third.upload("/api/agencies/FOLC/ledger", "台账.csv", ledger).status());
            } catch (RuntimeException e) {
                return "no answer";
            }
        });
        Bench.sleep((long) (importSeconds * 1000 / 2));
        boolean finishedBefore = cut.isDone();
        nodeA.kill();
        String answer = cut.get(2, TimeUnit.MINUTES);
        long storedAfterKill = storedRequests("FOLC");
        figures.put("SIGKILL of command side 1 halfway through a second import", String.format(
                "import answered: %s%s; requests of it stored: %d", answer,
                finishedBefore ? " (it had finished before the kill: not a cut import)" : "", storedAfterKill));
        check(finishedBefore || storedAfterKill == 0, "a killed import left " + storedAfterKill + " requests");
        long againStart = System.nanoTime();
        FoiApi.Response again = thirdOnB.upload("/api/agencies/FOLC/ledger", "台账.csv", ledger);
        long storedAfterAgain = storedRequests("FOLC");
        figures.put("the same file again through command side 2", String.format(Locale.ROOT,
                "%d after %.1f s, %d requests stored", again.status(), Bench.seconds(againStart), storedAfterAgain));
        check(finishedBefore || (again.status() / 100 == 2 && storedAfterAgain == rows),
                "the import again through command side 2");
        nodeA.start();
        system.awaitHealthy(nodeA, system.command(0));
        awaitBothCaughtUp();
    }

    private FoiApi clerk(String agency) {
        FoiApi admin = system.command(0);
        admin.post("/api/agencies", Map.of("code", agency, "name", "台账测试机关 " + agency)).expect(201);
        String user = agency.toLowerCase(Locale.ROOT);
        admin.post("/api/users", Map.of("username", user, "password", "bench-pass-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        return admin.as(user, "bench-pass-1");
    }

    /** The other office's clerk registers through command side 2, one after the other: each one's latency. */
    private List<Long> registrations(FoiApi clerk, String prefix, int most,
                                     java.util.function.BooleanSupplier more) {
        FoiApi onB = clerk.at(system.command(1).baseUrl());
        List<Long> latencies = new ArrayList<>();
        while (latencies.size() < most && more.getAsBoolean()) {
            long start = System.nanoTime();
            onB.post("/api/agencies/FOLB/requests", registration("FOLB-" + prefix + "-" + latencies.size()))
                    .expect(201);
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static double percentile(List<Long> nanos, double q) {
        return CommandBenchmark.percentile(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), q);
    }

    private long storedRequests(String agency) throws Exception {
        try (Connection db = system.connect("foi_command");
             ResultSet rows = db.createStatement().executeQuery(
                     "select count(*) from case_registry where agency_code = '" + agency + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void print(int k, int throughputClients, double seconds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "== Failover benchmark: 3 Kafka brokers, 2 command sides, 2 query sides, one "
                        + "PostgreSQL, all on this machine (%d cores), %.0f s ==%n",
                Runtime.getRuntime().availableProcessors(), seconds);
        System.out.printf("-- throughput: %d clients, register + decide --%n", throughputClients);
        System.out.println(figures.remove("throughput"));
        System.out.println("(one machine: the second command side shares the same cores, PostgreSQL and brokers with "
                + "the first and adds no CPU, so no speed-up can show here; a difference is noise, or the larger share "
                + "of a busy machine's CPU that one more JVM takes. A second command side is there to survive a node.)");
        System.out.printf("-- failover: %d clients (register, correct, decide) and one reader --%n", k);
        figures.forEach((name, value) -> System.out.printf("%-84s: %s%n", name, value));
        System.out.println(failures.isEmpty() ? "RESULT: nothing lost, nothing doubled, only retriable errors"
                : "RESULT: FAILED: " + failures);
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private String ms(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos) + " ms";
    }

    private void awaitBothCaughtUp() {
        system.query(0).awaitCaughtUp(Duration.ofMinutes(10));
        system.query(1).awaitCaughtUp(Duration.ofMinutes(10));
    }

    private byte[] publisherToken() throws Exception {
        try (Connection db = system.connect("foi_command");
             PreparedStatement statement = db.prepareStatement(
                     "select token from token_entry where processor_name = ? and segment = 0")) {
            statement.setString(1, DistributedSystem.KAFKA_PUBLISHER);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    private int leaderOfFirstPartition() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            return admin.describeTopics(List.of("foi.events")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("foi.events").partitions().get(0).leader().id();
        }
    }
}
