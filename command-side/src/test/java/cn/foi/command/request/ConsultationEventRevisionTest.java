package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** ConsultationStarted gained an optional delivery date in revision 2: events stored in revision 1 still read. */
class ConsultationEventRevisionTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aRevisionOneConsultationReadsWithoutADeliveryDate() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/events/ConsultationStarted-rev1.json")) {
            stored = in.readAllBytes();
        }
        ConsultationStarted read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                ConsultationStarted.class.getName(), "1"));
        assertThat(read).isEqualTo(new ConsultationStarted("req-0001", 1, ConsultedParty.THIRD_PARTY, "北京某科技有限公司",
                LocalDate.of(2026, 5, 15), null));
    }

    @Test
    void aRevisionTwoConsultationKeepsItsDeliveryDate() {
        ConsultationStarted event = new ConsultationStarted("req-0001", 1, ConsultedParty.OTHER_AGENCY, "某局",
                LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 18));
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((ConsultationStarted) serializer.deserialize(stored)).isEqualTo(event);
    }
}
