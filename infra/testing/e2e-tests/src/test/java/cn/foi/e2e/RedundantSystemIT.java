package cn.foi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.DistributedSystem;
import cn.foi.testsupport.FoiApi;
import cn.foi.testsupport.ServiceProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The redundant topology (ADR 0033) under fault injection: three Kafka brokers, two command sides on one event store,
 * two query sides. While several clients register and decide requests, one command side (the one publishing to Kafka),
 * then the broker leading the event topic's first partition, then a query side are SIGKILLed in turn and restarted.
 * Nothing a client was told was done may be lost or doubled, and both query sides must end with every request once.
 */
class RedundantSystemIT {

    private static final String AGENCY = "R1";
    private static final int CLIENTS = 4;
    /** Each client's pause between one request's registration-and-decision and the next. */
    private static final long PACE_MILLIS = 50;

    private static DistributedSystem.Redundant system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = DistributedSystem.startRedundant();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void killingACommandSideABrokerAndAQuerySideInTurnLosesNothingAndDoublesNothing() throws Exception {
        system.command(0).post("/api/agencies", Map.of("code", AGENCY, "name", "某市人民政府办公室")).expect(201);
        Clients clients = new Clients();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(pool.submit(() -> clients.run(client)));
        }
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        try {
            awaitProgress(clients, 100);

            // 1. The command side publishing to Kafka dies; the other one takes the publication over.
            String owner = system.publisherOwner();
            ServiceProcess publishing = system.commandSides().get(0);
            assertThat(owner).as("the first command side started publishes").startsWith(publishing.pid() + "@");
            long killed = System.nanoTime();
            publishing.kill();
            Awaitility.await("the publication moves to the other command side").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        String now = system.publisherOwner();
                        return now != null && now.startsWith(system.commandSides().get(1).pid() + "@");
                    });
            figures.put("publisher failover ms", millisSince(killed));
            awaitBothCaughtUp();
            figures.put("caughtUp after command-side kill ms", millisSince(killed));
            publishing.start();
            system.awaitHealthy(publishing, system.command(0));
            awaitProgress(clients, 50);

            // 2. The broker leading the event topic's first partition dies: the producer moves to the new leader.
            int leader = leaderOfFirstPartition();
            ServiceProcess broker = system.brokers().get(leader - 1);
            killed = System.nanoTime();
            broker.kill();
            awaitProgress(clients, 20);
            awaitBothCaughtUp();
            figures.put("caughtUp after partition-leader kill ms", millisSince(killed));
            broker.start();
            broker.awaitOutput("KAFKA READY", Duration.ofMinutes(5));
            awaitProgress(clients, 50);

            // 3. A query side dies and comes back: it resumes from its own stored positions.
            ServiceProcess querySide = system.querySides().get(0);
            querySide.kill();
            awaitProgress(clients, 50);
            long restarted = System.nanoTime();
            querySide.start();
            system.awaitHealthy(querySide, system.query(0));
            system.query(0).awaitCaughtUp(Duration.ofMinutes(4));
            figures.put("query side restart to caughtUp ms", millisSince(restarted));
            awaitProgress(clients, 50);
        } finally {
            clients.stop.set(true);
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
            pool.shutdownNow();
        }
        awaitBothCaughtUp();

        System.out.printf("RedundantSystemIT: %d requests registered, %d decided, %d retriable errors "
                        + "(connection or 503), %d other errors; %s%n", clients.registered.size(),
                clients.decided.size(), clients.retriable.get(), clients.otherErrors.size(), figures);
        assertThat(clients.otherErrors).as("clients saw only retriable errors").isEmpty();
        assertThat(clients.registered).hasSizeGreaterThan(20);

        Set<String> stored = new HashSet<>();
        try (Connection db = system.connect("foi_command")) {
            try (ResultSet rows = db.createStatement().executeQuery(
                    "select request_id from case_registry where agency_code = '" + AGENCY + "'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertThat(stored).as("every registration answered 201 is stored")
                    .containsAll(clients.registered.keySet());
            Map<String, Integer> received = eventCounts(db, "cn.foi.events.request.RequestReceived");
            Map<String, Integer> decided = eventCounts(db, "cn.foi.events.request.RequestDecided");
            for (String id : stored) {
                assertThat(received.get(id)).as("registrations of " + id).isEqualTo(1);
            }
            for (String id : clients.decided) {
                assertThat(decided.get(id)).as("decisions of " + id).isEqualTo(1);
            }
            assertThat(decided.values()).as("no request decided twice").allMatch(n -> n == 1);
            // The requests left undecided were received in March: their due dates have passed, and the deadline checks
            // of both command sides (db-scheduler) see them. A passed due date is still recorded once per request.
            Map<String, Integer> overdue = eventCounts(db, "cn.foi.events.request.RequestBecameOverdue");
            assertThat(overdue).as("requests the deadline checks found overdue (the harness shortens their grace)")
                    .isNotEmpty();
            assertThat(overdue.values()).as("no due date recorded as passed twice").allMatch(n -> n == 1);
            System.out.printf("RedundantSystemIT: %d requests recorded overdue by the deadline checks of two command"
                    + " sides, none twice%n", overdue.size());
        }

        for (int q = 0; q < 2; q++) {
            // The list's total (its pages hold at most 500: the count is the header, not the page).
            FoiApi.Response list = system.query(q).get("/api/agencies/" + AGENCY + "/requests?size=500").expect(200);
            assertThat(list.header("X-Total-Count")).as("requests on query side " + (q + 1))
                    .isEqualTo(Integer.toString(stored.size()));
            try (Connection db = system.connect(system.queryDatabases().get(q))) {
                Map<String, Integer> timeline = new HashMap<>();
                try (ResultSet rows = db.createStatement().executeQuery("select s.id, count(t.request_id) "
                        + "from request_summary s left join request_timeline t on t.request_id = s.id "
                        + "where s.agency_code = '" + AGENCY + "' group by s.id")) {
                    while (rows.next()) {
                        timeline.put(rows.getString(1), rows.getInt(2));
                    }
                }
                assertThat(timeline.keySet()).as("query side " + (q + 1) + " has every stored request once")
                        .containsExactlyInAnyOrderElementsOf(stored);
                for (String id : clients.decided) {
                    assertThat(timeline.get(id)).as("timeline of " + id + " on query side " + (q + 1)).isEqualTo(3);
                }
            }
        }
    }

    /**
     * Two command sides receiving changes to the same request at the same moment: the event store's unique (request,
     * sequence) key lets one append win; the other is answered 409 in Chinese and did nothing. Never a 500, never a
     * change answered 2xx and lost, never a gap or a double in the request's sequence.
     */
    @Test
    void changesToOneRequestSentToBothCommandSidesAtOnceAreEachStoredOnceOrRefusedWith409() throws Exception {
        system.command(0).post("/api/agencies", Map.of("code", "R2", "name", "某县人民政府办公室")).expect(201);
        Map<String, Object> registration = Map.of("caseNo", "R2-1", "applicant", Map.of("category", "自然人",
                "name", "申请人"), "channel", "当面", "receivedOn", "2026-03-02");
        String id = system.command(0).post("/api/agencies/R2/requests", registration).expect(201).json()
                .get("id").asText();
        int threads = 8;
        int rounds = 4;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            sent.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    // Each correction names the applicant differently, so each stored one is found by its name.
                    String name = "申请人" + thread + "-" + round;
                    Map<String, Object> corrected = new HashMap<>(registration);
                    corrected.put("applicant", Map.of("category", "自然人", "name", name));
                    together.await(1, TimeUnit.MINUTES);
                    FoiApi.Response answer = system.command((thread + round) % 2).post("/api/requests/" + id
                            + "/registration-correction", Map.of("registration", corrected, "reason", "更正申请人姓名"));
                    answers.put(name, answer.status());
                    boolean conflictInChinese = answer.status() == 409
                            && String.valueOf(answer.contentType()).startsWith("application/problem+json")
                            && "记录已被修改".equals(answer.json().get("title").asText())
                            && answer.json().get("detail").asText().contains("请刷新后重试");
                    if (answer.status() != 200 && !conflictInChinese) {
                        unexpected.add(answer.status() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : sent) {
            thread.get(3, TimeUnit.MINUTES);
        }
        pool.shutdownNow();

        assertThat(unexpected).as("every answer is 200 or 409 problem+json 记录已被修改").isEmpty();
        Set<String> accepted = new HashSet<>();
        answers.forEach((name, status) -> {
            if (status == 200) {
                accepted.add(name);
            }
        });
        assertThat(accepted).as("some corrections are stored").isNotEmpty();
        System.out.printf("RedundantSystemIT: %d corrections sent at once to two command sides, %d stored, %d refused"
                + " with 409%n", answers.size(), accepted.size(), answers.size() - accepted.size());

        try (Connection db = system.connect("foi_command");
             PreparedStatement statement = db.prepareStatement("select sequence_number, payload_type, "
                     + "convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ? "
                     + "order by sequence_number")) {
            statement.setString(1, id);
            List<Long> sequence = new ArrayList<>();
            List<String> correctedNames = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sequence.add(rows.getLong(1));
                    if (rows.getString(2).endsWith(".RegistrationCorrected")) {
                        String payload = rows.getString(3);
                        answers.keySet().stream().filter(name -> payload.contains("\"" + name + "\""))
                                .forEach(correctedNames::add);
                    }
                }
            }
            assertThat(sequence).as("the request's sequence numbers have no gap and no double")
                    .isEqualTo(java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
            assertThat(correctedNames).as("each correction answered 200 is stored exactly once, no other one is")
                    .containsExactlyInAnyOrderElementsOf(accepted);
        }
    }

    /**
     * One case number registered through both command sides at the same moment: the case-number claim's primary key in
     * the shared database lets exactly one registration through; the other nodes' attempts are refused with 409 and
     * leave nothing behind.
     */
    @Test
    void oneCaseNumberRegisteredThroughBothCommandSidesAtOnceIsTakenOnce() throws Exception {
        system.command(0).post("/api/agencies", Map.of("code", "R3", "name", "某镇人民政府")).expect(201);
        int threads = 8;
        int caseNumbers = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int c = 0; c < caseNumbers; c++) {
                String caseNo = "R3-" + c;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
                List<Callable<Integer>> attempts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int node = t % 2;
                    attempts.add(() -> {
                        together.await(1, TimeUnit.MINUTES);
                        return system.command(node).post("/api/agencies/R3/requests", Map.of("caseNo", caseNo,
                                "applicant", Map.of("category", "自然人", "name", "申请人" + caseNo), "channel", "当面",
                                "receivedOn", "2026-03-02")).status();
                    });
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : pool.invokeAll(attempts, 3, TimeUnit.MINUTES)) {
                    statuses.add(status.get());
                }
                assertThat(statuses).as("registrations of %s through two command sides", caseNo)
                        .filteredOn(s -> s == 201).hasSize(1);
                assertThat(statuses).as("registrations of %s through two command sides", caseNo)
                        .filteredOn(s -> s == 409).hasSize(threads - 1);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = system.connect("foi_command");
             PreparedStatement statement = db.prepareStatement("select count(*) from domain_event_entry where "
                     + "payload_type like '%.RequestReceived' and convert_from(payload, 'UTF8') like ?")) {
            statement.setString(1, "%\"R3-%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("one stored registration per case number").isEqualTo(caseNumbers);
            }
        }
    }

    /** Waits until the clients have registered this many more requests: the system keeps serving after each step. */
    private static void awaitProgress(Clients clients, int more) {
        int from = clients.registered.size();
        Awaitility.await("the clients register " + more + " more requests").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> clients.registered.size() >= from + more);
    }

    /** The clients: each registers a request and decides it, on the two command sides in turn. */
    private static final class Clients {
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, String> registered = new ConcurrentHashMap<>();
        final Set<String> decided = ConcurrentHashMap.newKeySet();
        final AtomicInteger retriable = new AtomicInteger();
        final List<String> otherErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong sequence = new AtomicLong();

        void run(int client) {
            // As a load balancer would: a node that refused a connection is left alone for two seconds.
            long[] downUntil = new long[2];
            int next = client % 2;
            while (!stop.get()) {
                String caseNo = AGENCY + "-" + client + "-" + sequence.incrementAndGet();
                int node = pick(downUntil, next++);
                FoiApi.Response created = call(node, downUntil, api -> api.post("/api/agencies/" + AGENCY
                        + "/requests", Map.of("caseNo", caseNo, "applicant", Map.of("category", "自然人", "name",
                        "申请人" + caseNo), "channel", "当面", "receivedOn", "2026-03-02")));
                if (created == null || created.status() != 201) {
                    continue;
                }
                String id = created.json().get("id").asText();
                registered.put(id, caseNo);
                node = pick(downUntil, next++);
                FoiApi.Response decision = call(node, downUntil, api -> api.post("/api/requests/" + id
                        + "/decision", Map.of("outcome", "R3_1", "decidedOn", "2026-03-10")));
                if (decision != null && decision.status() == 200) {
                    decided.add(id);
                }
                // A steady stream, not a flood: what is checked is failover, not throughput, and on two shared cores a
                // flood makes every catching-up after a kill take minutes.
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PACE_MILLIS));
            }
        }

        private int pick(long[] downUntil, int next) {
            int node = next % 2;
            return System.nanoTime() < downUntil[node] ? 1 - node : node;
        }

        private FoiApi.Response call(int node, long[] downUntil, java.util.function.Function<FoiApi, FoiApi.Response>
                action) {
            try {
                FoiApi.Response response = action.apply(system.command(node));
                if (response.status() == 503) {
                    retriable.incrementAndGet();
                } else if (response.status() >= 300) {
                    otherErrors.add(response.status() + " " + response.body());
                }
                return response;
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).startsWith("HTTP call failed")) {
                    throw e;
                }
                retriable.incrementAndGet();
                downUntil[node] = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                return null;
            }
        }
    }

    private static Map<String, Integer> eventCounts(Connection db, String payloadType) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement("select aggregate_identifier, count(*) "
                + "from domain_event_entry where payload_type = ? group by aggregate_identifier")) {
            statement.setString(1, payloadType);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static int leaderOfFirstPartition() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            TopicDescription topic = admin.describeTopics(List.of("foi.events")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("foi.events");
            assertThat(topic.partitions().get(0).replicas()).as("replicas of the event topic").hasSize(3);
            org.apache.kafka.common.config.ConfigResource resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "foi.events");
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value()).as("min.insync.replicas of the event topic").isEqualTo("2");
            return topic.partitions().get(0).leader().id();
        }
    }

    private static void awaitBothCaughtUp() {
        system.query(0).awaitCaughtUp(Duration.ofMinutes(4));
        system.query(1).awaitCaughtUp(Duration.ofMinutes(4));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

}
