package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.RequestedForm;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One event the projection cannot write does not stop the projections for everyone: it is parked with the later
 * events of its request, every other request goes on, the status and the health say so, and an administrator retries
 * it once it can be written, or skips it with a reason. Nothing about the applicant reaches the log.
 *
 * <p>The faulty events are put straight into the event store (the command side may refuse them one day), serialized
 * by the serializer Axon stores events with; the command side publishes them like any other.
 */
class ParkedProjectionEventTest {

    /** Longer than request_summary.applicant_name (varchar(200)); recognisable in any log line. */
    private static final String LONG_NAME = "滞留测试申请人甲".repeat(40);
    private static final String ID_NUMBER = "110101199003078888";

    private static AllInOne system;
    private static CapturedLogs logs;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
        logs = CapturedLogs.attach();
    }

    @AfterAll
    static void stop() {
        logs.close();
        system.close();
    }

    @Test
    void anEventTheProjectionCannotWriteIsParkedAndTheOthersGoOn() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String before = RequestLifecycleTest.register(clerk, agency, "P-1", "2026-03-02");
        system.awaitCaughtUp();

        // A request whose applicant's name the query database cannot hold, and a later event of the same request.
        String faulty = UUID.randomUUID().toString();
        append(faulty, 0, received(faulty, agency, "P-bad", LONG_NAME, "无"));
        append(faulty, 1, new RequestBecameOverdue(faulty, LocalDate.of(2026, 3, 30)));

        // Another agency's request, registered after them, still appears: the processor did not stop.
        String other = AllInOne.uniqueCode();
        FoiApi otherClerk = system.agencyWithClerk(other);
        String after = RequestLifecycleTest.register(otherClerk, other, "Q-1", "2026-03-03");
        String sameAgencyAfter = RequestLifecycleTest.register(clerk, agency, "P-2", "2026-03-03");
        system.admin().awaitCaughtUp(Duration.ofSeconds(90));
        assertThat(otherClerk.get("/api/requests/" + after).status()).isEqualTo(200);
        assertThat(clerk.get("/api/requests/" + sameAgencyAfter).status()).isEqualTo(200);
        assertThat(clerk.get("/api/requests/" + before).status()).isEqualTo(200);
        assertThat(system.admin().get("/api/requests/" + faulty).status()).isEqualTo(404);

        // The status and the health tell; the health still answers 200 (it is a readiness signal).
        JsonNode status = system.admin().get("/api/projections/status").expect(200).json();
        assertThat(status.get("caughtUp").asBoolean()).isTrue();
        assertThat(status.get("parked").asLong()).isEqualTo(2);
        assertThat(processor(status, "requests").get("parked").asLong()).isEqualTo(2);
        assertThat(processor(status, "directory").get("parked").asLong()).isZero();
        FoiApi.Response health = system.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(system.anonymous().get("/actuator/health/readiness").json().get("status").asText())
                .isEqualTo("UP");
        // Mapping DEGRADED to 200 must not turn the 503 of a system down or starting into a 200.
        HttpCodeStatusMapper codes = system.bean(HttpCodeStatusMapper.class);
        assertThat(codes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(codes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(codes.getStatusCode(Status.UP)).isEqualTo(200);

        // Only administrators list them, and the list holds ids, never the applicant.
        assertThat(clerk.get("/api/projections/dead-letters").status()).isEqualTo(403);
        FoiApi.Response list = system.admin().get("/api/projections/dead-letters").expect(200);
        assertThat(list.body()).doesNotContain("滞留测试申请人", ID_NUMBER);
        JsonNode parked = list.json();
        assertThat(parked).hasSize(2);
        JsonNode first = parked.get(0);
        assertThat(first.get("processingGroup").asText()).isEqualTo("requests");
        assertThat(first.get("sequenceIdentifier").asText()).isEqualTo(faulty);
        assertThat(first.get("aggregateIdentifier").asText()).isEqualTo(faulty);
        assertThat(first.get("eventType").asText()).isEqualTo("RequestReceived");
        assertThat(first.get("sequenceNumber").asLong()).isZero();
        assertThat(first.get("causeType").asText()).contains("DataIntegrityViolation");
        assertThat(first.get("causeMessage").asText()).contains("character varying(200)");
        assertThat(parked.get(1).get("eventType").asText()).isEqualTo("RequestBecameOverdue");
        String id = first.get("id").asText();

        // A retry while the name still does not fit: it stays parked, with its cause.
        FoiApi.Response refused = system.admin().post("/api/projections/dead-letters/" + id + "/retry", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("重试未成功");
        assertThat(system.admin().get("/api/projections/status").json().get("parked").asLong()).isEqualTo(2);

        // Once the column is wide enough, a retry applies the request's parked events in order.
        queryDatabase().execute("alter table request_summary alter column applicant_name type varchar(400)");
        system.admin().post("/api/projections/dead-letters/" + id + "/retry", Map.of()).expect(200);
        JsonNode request = system.admin().get("/api/requests/" + faulty).expect(200).json();
        assertThat(request.get("applicant").get("name").asText()).isEqualTo(LONG_NAME);
        assertThat(request.get("timeline")).hasSize(2);
        assertThat(system.admin().get("/api/projections/status").json().get("parked").asLong()).isZero();
        assertThat(system.anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(system.admin().get("/api/projections/dead-letters").json()).isEmpty();

        // Its later events are projected as usual again.
        append(faulty, 2, new RequestWithdrawn(faulty, LocalDate.of(2026, 3, 5), "申请人撤回"));
        system.awaitCaughtUp();
        assertThat(clerk.get("/api/requests/" + faulty).json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(system.admin().get("/api/projections/status").json().get("parked").asLong()).isZero();

        assertThat(audit(faulty)).containsExactly("RETRY_FAILED admin", "RETRIED admin");
        assertNothingAboutTheApplicantWasLogged();
    }

    @Test
    void anAdministratorSkipsAParkedEventWithAReason() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String faulty = UUID.randomUUID().toString();
        // PostgreSQL holds no NUL character in a text.
        append(faulty, 0, received(faulty, agency, "S-bad", "张三", "申请公开\u0000某文件"));
        String after = RequestLifecycleTest.register(clerk, agency, "S-1", "2026-03-03");
        system.awaitCaughtUp();
        assertThat(clerk.get("/api/requests/" + after).status()).isEqualTo(200);

        JsonNode parked = system.admin().get("/api/projections/dead-letters").expect(200).json();
        JsonNode letter = null;
        for (JsonNode each : parked) {
            if (each.get("sequenceIdentifier").asText().equals(faulty)) {
                letter = each;
            }
        }
        assertThat(letter).isNotNull();
        String id = letter.get("id").asText();
        assertThat(clerk.post("/api/projections/dead-letters/" + id + "/skip", Map.of("reason", "x")).status())
                .isEqualTo(403);
        FoiApi.Response noReason = system.admin().post("/api/projections/dead-letters/" + id + "/skip",
                Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).isEqualTo("请填写跳过的原因");

        system.admin().post("/api/projections/dead-letters/" + id + "/skip",
                Map.of("reason", "测试数据，申请人已重新提交")).expect(200);
        assertThat(system.admin().post("/api/projections/dead-letters/" + id + "/skip",
                Map.of("reason", "再次")).status()).isEqualTo(404);
        assertThat(system.admin().get("/api/projections/dead-letters").json().toString()).doesNotContain(faulty);
        Map<String, Object> skipped = queryDatabase().queryForMap("select actor, reason, event_type, at "
                + "from dead_letter_audit where sequence_identifier = ? and action = 'SKIPPED'", faulty);
        assertThat(skipped.get("actor")).isEqualTo("admin");
        assertThat(skipped.get("reason")).isEqualTo("测试数据，申请人已重新提交");
        assertThat(skipped.get("event_type")).isEqualTo("RequestReceived");
        assertThat(skipped.get("at")).isNotNull();
    }

    private static RequestReceived received(String id, String agency, String caseNo, String name, String description) {
        return new RequestReceived(id, agency, caseNo, new Applicant(ApplicantCategory.C1, name, "居民身份证",
                ID_NUMBER, "13800000000"), Channel.ONLINE, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 2), description, 1, RequestedForm.ELECTRONIC);
    }

    /** Stores an event as Axon's JPA storage engine does, with the serializer it uses for events. */
    private static void append(String aggregateId, long sequence, Object event) {
        Serializer serializer = system.bean("eventSerializer", Serializer.class);
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("actor", "test"), byte[].class);
        system.commandDatabase().update("insert into domain_event_entry (global_index, event_identifier, meta_data, "
                        + "payload, payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, "
                        + "type) values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), metaData.getData(), payload.getData(), payload.getType().getRevision(),
                payload.getType().getName(), DateTimeUtils.formatInstant(Instant.now()), aggregateId, sequence,
                "DisclosureRequest");
    }

    private static JsonNode processor(JsonNode status, String name) {
        for (JsonNode processor : status.get("processors")) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name);
    }

    private static java.util.List<String> audit(String sequence) {
        return queryDatabase().queryForList("select action || ' ' || actor from dead_letter_audit "
                + "where sequence_identifier = ? order by id", String.class, sequence);
    }

    private static void assertNothingAboutTheApplicantWasLogged() {
        assertThat(logs.events()).as("the log").isNotEmpty();
        logs.assertNoneContains("滞留测试申请人", ID_NUMBER, "13800000000");
        logs.assertSomeContains("could not apply event");
    }

    private static JdbcTemplate queryDatabase() {
        return system.bean(QueryDatabase.class).jdbc();
    }
}
