package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clerk reads what they have just saved: every write answers with X-Event-Position, and a read given it
 * ({@code ?after=}) waits for the projections instead of answering 404.
 */
class ReadYourWritesTest {

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static long position(FoiApi.Response response) {
        String header = response.header("X-Event-Position");
        assertThat(header).as("X-Event-Position of a write").isNotNull();
        return Long.parseLong(header);
    }

    @Test
    void aRequestIsReadRightAfterItsRegistrationEvenUnderLoad() throws Exception {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String busyAgency = AllInOne.uniqueCode();
        FoiApi busyClerk = system.agencyWithClerk(busyAgency);

        // Other clerks keep registering meanwhile, so the projections are always a little behind.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger load = new AtomicInteger();
        ExecutorService others = Executors.newFixedThreadPool(3);
        List<Future<?>> background = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            background.add(others.submit(() -> {
                int n = 0;
                while (running.get()) {
                    busyClerk.post("/api/agencies/" + busyAgency + "/requests",
                            RequestLifecycleTest.registration("L" + thread + "-" + n++, "2025-09-26")).expect(201);
                    load.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            long previous = 0;
            for (int i = 1; i <= 30; i++) {
                String caseNo = "2025-" + i;
                FoiApi.Response created = clerk.post("/api/agencies/" + agency + "/requests",
                        RequestLifecycleTest.registration(caseNo, "2025-09-26")).expect(201);
                long position = position(created);
                assertThat(position).isGreaterThan(previous);
                previous = position;
                String id = created.json().get("id").asText();

                JsonNode request = clerk.get("/api/requests/" + id + "?after=" + position).expect(200).json();
                assertThat(request.get("caseNo").asText()).isEqualTo(caseNo);
                assertThat(request.get("timeline")).isNotEmpty();
                JsonNode list = clerk.get("/api/agencies/" + agency + "/requests?after=" + position).expect(200)
                        .json();
                assertThat(list).hasSize(i);
            }
        } finally {
            running.set(false);
            others.shutdown();
            assertThat(others.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> future : background) {
            future.get();
        }
        assertThat(load.get()).as("registrations of the other clerks meanwhile").isPositive();
    }

    @Test
    void aStepAnswersWithThePositionOfItsLastEvent() {
        String agency = AllInOne.uniqueCode();
        FoiApi admin = system.admin();
        long agencyPosition = position(admin.post("/api/agencies",
                Map.of("code", agency, "name", agency + " 街道办事处")).expect(201));
        long userPosition = position(admin.post("/api/users", Map.of("username", "clerk-" + agency.toLowerCase(),
                "password", "clerk-pass-1", "role", "CLERK", "agencyCode", agency)).expect(201));
        assertThat(userPosition).isGreaterThan(agencyPosition);
        FoiApi clerk = system.anonymous().as("clerk-" + agency.toLowerCase(), "clerk-pass-1");
        FoiApi.Response created = clerk.post("/api/agencies/" + agency + "/requests",
                RequestLifecycleTest.registration("2025-100", "2025-09-26")).expect(201);
        String id = created.json().get("id").asText();
        long decided = position(clerk.post("/api/requests/" + id + "/decision",
                Map.of("outcome", "R3_1", "decidedOn", "2025-10-09", "servedOn", "2025-10-10")).expect(200));
        assertThat(decided).isGreaterThan(position(created));

        JsonNode request = clerk.get("/api/requests/" + id + "?after=" + decided).expect(200).json();
        assertThat(request.get("status").asText()).isEqualTo("CLOSED");
        // A read of something nothing wrote: no header, and no wait.
        assertThat(clerk.get("/api/requests/" + id).expect(200).header("X-Event-Position")).isNull();
    }

    /**
     * With two command sides only one holds the Kafka publisher's claim, and a query side may ask either for the
     * head. Stopping this node's publisher makes it such a node: the head must still say what is published.
     */
    @Test
    void theHeadSaysWhatIsPublishedOnANodeThatDoesNotHoldThePublisher() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        long position = position(clerk.post("/api/agencies/" + agency + "/requests",
                RequestLifecycleTest.registration("2025-200", "2025-09-26")).expect(201));
        system.awaitCaughtUp();
        StreamingEventProcessor publisher = system.bean(EventProcessingConfiguration.class)
                .eventProcessor(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        publisher.shutDown();
        try {
            assertThat(publisher.processingStatus()).as("this node's own publisher status").isEmpty();
            JsonNode head = system.admin().get("/api/events/head").expect(200).json();
            assertThat(head.get("publishedThrough").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(head.get("lastPublished").asLong()).isGreaterThanOrEqualTo(position);
            assertThat(clerk.get("/api/agencies/" + agency + "/requests?after=" + position).expect(200).json())
                    .hasSize(1);
        } finally {
            publisher.start();
        }
    }

    @Test
    void aPositionNotYetReachedAnswers503WithinTheBoundNever404() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        long started = System.nanoTime();
        FoiApi.Response response = clerk.get("/api/requests/" + UUID.randomUUID() + "?after=" + Long.MAX_VALUE / 2);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("detail").asText()).isEqualTo("正在同步，请稍候");
        assertThat(waitedMillis).isBetween(4_000L, 9_000L);

        assertThat(clerk.get("/api/agencies/" + agency + "/requests?after=abc").status()).isEqualTo(400);
    }
}
