package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * FeeNoticeIssued revision 2 allows an unknown (null) amount, for notices imported from a ledger without one
 * (issue 14, point 11). Its fields are those of revision 1: stored revision-1 events read with their amount.
 */
class FeeNoticeEventRevisionTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aRevisionOneFeeNoticeReadsWithItsAmount() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/events/FeeNoticeIssued-rev1.json")) {
            stored = in.readAllBytes();
        }
        FeeNoticeIssued read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                FeeNoticeIssued.class.getName(), "1"));
        assertThat(read.requestId()).isEqualTo("req-0001");
        assertThat(read.noticeOn()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(read.amount()).isEqualByComparingTo("100");
        assertThat(read.method()).isEqualTo(FeeMethod.PER_REQUEST);
        assertThat(read.hasAmount()).isTrue();
    }

    @Test
    void aRevisionTwoFeeNoticeKeepsAnUnknownAmountUnknown() {
        FeeNoticeIssued event = new FeeNoticeIssued("req-0001", LocalDate.of(2026, 5, 15), null, FeeMethod.PER_PAGE);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("3");
        assertThat(new String(stored.getData())).doesNotContain("hasAmount");
        FeeNoticeIssued read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
        assertThat(read.hasAmount()).isFalse();
    }

    @Test
    void aRevisionThreeFeeNoticeKeepsTheQuoteAndTheReductionReason() {
        FeeNoticeIssued event = new FeeNoticeIssued("req-0001", LocalDate.of(2026, 5, 15), new BigDecimal("500.00"),
                FeeMethod.PER_PAGE, new BigDecimal("1100.00"), "申请人经济困难，减半收取");
        FeeNoticeIssued read = serializer.deserialize(serializer.serialize(event, byte[].class));
        assertThat(read).isEqualTo(event);
        assertThat(read.differsFromQuote()).isTrue();
    }

    @Test
    void aRevisionOneFeeNoticeHasNoQuote() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/events/FeeNoticeIssued-rev1.json")) {
            stored = in.readAllBytes();
        }
        FeeNoticeIssued read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                FeeNoticeIssued.class.getName(), "1"));
        assertThat(read.quotedAmount()).isNull();
        assertThat(read.differsFromQuote()).isFalse();
    }

    @Test
    void aRevisionTwoFeeNoticeKeepsItsAmount() {
        FeeNoticeIssued event = new FeeNoticeIssued("req-0001", LocalDate.of(2026, 5, 15), new BigDecimal("12.50"),
                FeeMethod.PER_REQUEST);
        assertThat((FeeNoticeIssued) serializer.deserialize(serializer.serialize(event, byte[].class)))
                .isEqualTo(event);
    }
}
