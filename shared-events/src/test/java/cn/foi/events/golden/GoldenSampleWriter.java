package cn.foi.events.golden;

import cn.foi.events.json.EventJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden samples that do not exist yet; run by hand, never by the build:
 *
 * <pre>
 * mvn -B -o -pl shared-events test -Dtest=GoldenSampleWriter -Dgolden.write=true
 * </pre>
 *
 * <p>A sample is written once, when its event type or revision is new, and reviewed with the change that made it; an
 * existing file is never overwritten (delete it by hand only if it was never released). The current revision of each
 * type is written from {@link GoldenSamples#CURRENT}; an older revision from {@link GoldenSamples#OLDER} without the
 * fields that revision did not have yet ({@link #ADDED_LATER}), which is how the event store holds it.
 */
@EnabledIfSystemProperty(named = "golden.write", matches = "true")
class GoldenSampleWriter {

    /** The fields each older revision did not have. */
    static final Map<String, List<String>> ADDED_LATER = Map.of(
            "CalendarYearDeclared.r1", List.of("reason", "declaredBy"),
            "ConsultationStarted.r1", List.of("deliveredOn"),
            "FeeNoticeIssued.r1", List.of("quotedAmount", "reductionReason"),
            "FeeNoticeIssued.r2", List.of("quotedAmount", "reductionReason"),
            "NoticeIssued.r1", List.of("servesNumber"));

    private static final Path GOLDEN = GoldenSample.DIRECTORY;

    /** Reads the written bytes back as they are: 150.50 stays 150.50, as the event store holds it. */
    private final ObjectMapper json = EventJson.objectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void writeMissingSamples() throws IOException {
        for (Object event : GoldenSamples.CURRENT) {
            write(event, GoldenSample.currentRevision(event.getClass()), List.of());
        }
        for (Map.Entry<String, Object> older : GoldenSamples.OLDER.entrySet()) {
            String revision = older.getKey().substring(older.getKey().lastIndexOf(".r") + 2);
            write(older.getValue(), revision, ADDED_LATER.getOrDefault(older.getKey(), List.of()));
        }
    }

    private void write(Object event, String revision, List<String> absentFields) throws IOException {
        Path file = GOLDEN.resolve(GoldenSample.fileName(event.getClass(), revision));
        if (Files.exists(file)) {
            return;
        }
        // What the event store holds: the payload bytes Axon's serializer writes, here indented for review.
        ObjectNode tree = (ObjectNode) json.readTree(EventJson.serializer().serialize(event, byte[].class).getData());
        absentFields.forEach(tree::remove);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
    }
}
