package cn.foi.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.json.EventJson;
import cn.foi.events.report.AnnualReportRepublished;
import cn.foi.events.report.PublishedReport;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.Table2FiguresEntered;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The frozen report goes through Axon's Jackson serializer to the event store and Kafka: it must come back intact. */
class ReportEventSerializationTest {

    private final JacksonSerializer serializer = EventJson.serializer();

    @Test
    void aRepublishedReportSurvivesTheEventStoreWithItsFingerprint() {
        Map<String, BigDecimal> table2 = new LinkedHashMap<>();
        table2.put("RULES_ISSUED", new BigDecimal("3"));
        table2.put("FEES_AMOUNT", new BigDecimal("0.0125"));
        PublishedReport report = new PublishedReport(
                Map.of("R1", List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L)),
                Map.of("reconsideration", List.of(0L, 0L, 0L, 0L, 0L)),
                "本年度提起的复议、诉讼", table2, "　　总体情况", "", "无", new BigDecimal("12.5"));
        AnnualReportRepublished event = new AnnualReportRepublished("xh", 2025, 2, "2021",
                ReportContent.hash(report), report, "更正");

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        AnnualReportRepublished read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(event);
        assertThat(ReportContent.hash(read.report())).isEqualTo(event.contentHash());
        assertThat(stored.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void enteredFiguresKeepTheirDecimals() {
        Table2FiguresEntered event = new Table2FiguresEntered("xh", 2020, "2019",
                Map.of("PROCUREMENT_AMOUNT", new BigDecimal("35.5"), "FEES_CHANGE", new BigDecimal("-2")));
        Table2FiguresEntered read = serializer.deserialize(serializer.serialize(event, byte[].class));
        assertThat(read).isEqualTo(event);
    }
}
