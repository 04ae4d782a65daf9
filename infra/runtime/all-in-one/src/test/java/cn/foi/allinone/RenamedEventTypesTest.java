package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event stored under a type name that was renamed since (ADR 30) still loads: the command side reads it from the
 * event store as the renamed event, and the query side, which receives it over Kafka, writes it into the request's
 * timeline under the type the API has always given it. The event is put straight into the store as it was stored
 * before the rename: the former class name and the JSON of its revision.
 *
 * <p>renames-0030:keep — this file names a former event type on purpose.
 */
class RenamedEventTypesTest {

    private static AllInOne system;

    @BeforeAll
    static void start() throws Exception {
        system = AllInOne.startFresh();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void anEventStoredUnderItsFormerTypeNameReadsAsTheRenamedEventOnBothSides() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        String id = RequestLifecycleTest.register(clerk, agency, "R-1", "2026-03-02");
        system.awaitCaughtUp();
        long next = system.commandDatabase().queryForObject(
                "select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?", Long.class, id);

        appendAsStoredBeforeTheRename(id, next, "cn.foi.events.request.RequestOverdue",
                "{\"requestId\":\"" + id + "\",\"dueOn\":\"2026-03-31\"}");

        List<Object> read = new ArrayList<>();
        system.bean(EventStore.class).readEvents(id).asStream().map(DomainEventMessage::getPayload).forEach(read::add);
        assertThat(read.get(read.size() - 1)).isEqualTo(new RequestBecameOverdue(id, LocalDate.of(2026, 3, 31)));

        system.awaitCaughtUp();
        JsonNode timeline = clerk.get("/api/requests/" + id).expect(200).json().get("timeline");
        JsonNode overdue = null;
        for (JsonNode entry : timeline) {
            if (entry.get("title").asText().equals("逾期未答复")) {
                overdue = entry;
            }
        }
        assertThat(overdue).as("the overdue entry in %s", timeline).isNotNull();
        assertThat(overdue.get("type").asText()).isEqualTo("RequestOverdue");
        assertThat(overdue.get("detail").asText()).contains("2026-03-31");
    }

    private static void appendAsStoredBeforeTheRename(String aggregateId, long sequence, String type, String json) {
        Serializer serializer = system.bean("eventSerializer", Serializer.class);
        byte[] metaData = serializer.serialize(MetaData.with("actor", "system"), byte[].class).getData();
        system.commandDatabase().update("insert into domain_event_entry (global_index, event_identifier, meta_data, "
                        + "payload, payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, "
                        + "type) values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), metaData, json.getBytes(StandardCharsets.UTF_8), "1", type,
                DateTimeUtils.formatInstant(Instant.now()), aggregateId, sequence, "DisclosureRequest");
    }
}
