package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.ServiceMethod;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * NoticeIssued revision 2 adds the number a 送达回证 serves; a stored revision-1 notice reads with none. The service and
 * voiding events keep every field through the store's serializer.
 */
class NoticeEventRevisionTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aRevisionOneNoticeReadsServingNoOther() {
        byte[] stored = ("{\"requestId\":\"req-0001\",\"kind\":\"RECEIPT\",\"number\":\"某街依申公收〔2025〕1号\","
                + "\"seriesYear\":2025,\"sequence\":1,\"issuedOn\":\"2025-10-09\",\"templateVersion\":\"default-1\","
                + "\"sha256\":\"" + "a".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8);
        NoticeIssued read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                NoticeIssued.class.getName(), "1"));
        assertThat(read).isEqualTo(new NoticeIssued("req-0001", NoticeKind.RECEIPT, "某街依申公收〔2025〕1号", 2025, 1,
                LocalDate.of(2025, 10, 9), "default-1", "a".repeat(64)));
        assertThat(read.servesNumber()).isNull();
    }

    @Test
    void aServiceFormKeepsTheNumberItServes() {
        NoticeIssued event = new NoticeIssued("req-0001", NoticeKind.SERVICE, "某街依申公送〔2025〕1号", 2025, 1,
                LocalDate.of(2025, 10, 9), "default-1", "a".repeat(64), "某街依申公补〔2025〕3号");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void serviceAndVoidingKeepEveryField() {
        NoticeServed served = new NoticeServed("req-0001", "某街依申公补〔2025〕3号", LocalDate.of(2025, 10, 11),
                ServiceMethod.LEFT_AT_ADDRESS, "张三", "按见证记录更正");
        NoticeVoided voided = new NoticeVoided("req-0001", "某街依申公补〔2025〕3号", LocalDate.of(2025, 10, 12), "写错");
        assertThat((Object) serializer.deserialize(serializer.serialize(served, byte[].class))).isEqualTo(served);
        assertThat((Object) serializer.deserialize(serializer.serialize(voided, byte[].class))).isEqualTo(voided);
        assertThat(ServiceMethod.fromText("留置送达")).contains(ServiceMethod.LEFT_AT_ADDRESS);
        assertThat(ServiceMethod.fromText("electronic")).contains(ServiceMethod.ELECTRONIC);
    }
}
