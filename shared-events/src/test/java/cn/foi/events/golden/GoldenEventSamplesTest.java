package cn.foi.events.golden;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.json.EventJson;
import cn.foi.events.json.EventTypeRenames;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event contract frozen by samples: under {@code src/test/resources/golden/} one JSON payload per event type and
 * revision, as the event store and Kafka hold it (Axon's Jackson serializer over {@link EventJson}, ADR 31).
 *
 * <ul>
 *   <li>every sample still reads, through the serializer both sides use, as the event with the values it was written
 *       from ({@link GoldenSamples}): a renamed or retyped field, a changed enum constant or date format fails here;
 *   <li>the current revision of every type is written today exactly as its sample: a field added without a new
 *       revision fails here;
 *   <li>every type with a {@code @Revision} has a sample of that revision: a new event or a new revision without a
 *       sample fails the build.
 * </ul>
 *
 * <p>Samples are written once by {@link GoldenSampleWriter}, run by hand, and never by this test. No revision so far
 * needed an upcaster (each only added optional fields, which older samples read as null). A renamed type keeps the
 * sample of its former name, which reads here through the upcaster chain the sides use ({@link EventTypeRenames},
 * ADR 30) as the renamed event: every sample is read through that chain, as the event store and the topic read.
 */
class GoldenEventSamplesTest {

    /** Read where they are kept, not from a copy on the class path that may still hold a deleted sample. */
    private static final Path GOLDEN = GoldenSample.DIRECTORY;
    private static final List<Class<?>> EVENT_TYPES = eventTypes();

    private static final JacksonSerializer SERIALIZER = EventJson.serializer();
    private static final Instant AT_STORED = Instant.parse("2025-03-03T02:15:30Z");
    private static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(new EventTypeRenames());
    /** Compares JSON as written: an amount's trailing zeros (150.50) are part of what is stored. */
    private static final ObjectMapper JSON = EventJson.objectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void everyEventTypeHasASampleOfItsCurrentRevision() {
        List<String> missing = EVENT_TYPES.stream()
                .map(type -> GoldenSample.fileName(type, GoldenSample.currentRevision(type)))
                .filter(name -> !Files.exists(GOLDEN.resolve(name)))
                .toList();
        assertThat(missing).as("golden samples missing: run GoldenSampleWriter (see its comment)").isEmpty();
    }

    @Test
    void everyEventTypeHasTheValuesItsSampleMustReadAs() {
        assertThat(GoldenSamples.CURRENT.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(EVENT_TYPES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachSampleReadsAsTheEventItWasWrittenFrom(String sample) throws IOException {
        SampleName name = SampleName.of(sample);
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("DisclosureRequest", "aggregate-1", 0,
                "event-1", AT_STORED, name.storedTypeName(), name.revision(),
                Files.readAllBytes(GOLDEN.resolve(sample)), SERIALIZER.serialize(MetaData.emptyInstance(), byte[].class)
                .getData());

        Object read = UPCASTERS.upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER)))
                .map(upcast -> SERIALIZER.deserialize(upcast.getData()))
                .findFirst().orElseThrow();

        assertThat(read).isEqualTo(expected(name));
    }

    /**
     * A renamed type's former sample reads as the renamed event, not merely as something.
     * (renames-0030:keep — this file names former event types on purpose.)
     */
    @Test
    void aSampleOfAFormerTypeNameReadsAsTheRenamedType() {
        assertThat(SampleName.of("request/SupplementLapsed.r1.json").type().getSimpleName())
                .isEqualTo("SupplementLapseRecorded");
        assertThat(EventTypeRenames.formerSimpleName(GoldenSamples.CURRENT.stream()
                .filter(event -> event.getClass().getSimpleName().equals("RequestBecameOverdue"))
                .findFirst().orElseThrow().getClass())).isEqualTo("RequestOverdue");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSamples")
    void theCurrentRevisionIsWrittenAsItsSample(String sample) throws IOException {
        SampleName name = SampleName.of(sample);
        SerializedObject<byte[]> written = SERIALIZER.serialize(expected(name), byte[].class);

        assertThat(written.getType().getName()).isEqualTo(name.type().getName());
        assertThat(written.getType().getRevision()).isEqualTo(name.revision());
        assertThat(JSON.readTree(written.getData())).isEqualTo(JSON.readTree(GOLDEN.resolve(sample).toFile()));
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> GOLDEN.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static Stream<String> currentSamples() throws IOException {
        return samples().filter(sample -> SampleName.of(sample).isCurrent());
    }

    private static Object expected(SampleName name) {
        if (name.isCurrent()) {
            return GoldenSamples.CURRENT.stream().filter(event -> event.getClass() == name.type()).findFirst()
                    .orElseThrow(() -> new AssertionError("no values in GoldenSamples.CURRENT for " + name.type()));
        }
        return Objects.requireNonNull(GoldenSamples.OLDER.get(name.storedSimpleName() + ".r" + name.revision()),
                () -> "no values in GoldenSamples.OLDER for " + name);
    }

    /** Every class of the contract that carries a {@code @Revision}: the events and the values stored as such. */
    private static List<Class<?>> eventTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.foi.events").stream()
                .filter(type -> type.isAnnotatedWith(Revision.class))
                .map(JavaClass::reflect)
                .<Class<?>>map(type -> type)
                .toList();
    }

    /**
     * {@code request/ConsultationStarted.r1.json}: the type name and revision a sample file holds, and the type it reads
     * as (another one when the type was renamed since).
     */
    private record SampleName(String storedTypeName, Class<?> type, String revision) {

        static SampleName of(String sample) {
            int dot = sample.lastIndexOf(".r");
            String className = GoldenSample.ROOT + sample.substring(0, dot).replace('/', '.');
            String revision = sample.substring(dot + 2, sample.length() - ".json".length());
            Class<?> type = EventTypeRenames.currentType(className).orElseGet(() -> {
                try {
                    return Class.forName(className);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("a golden sample of a type that no longer exists: " + sample, e);
                }
            });
            return new SampleName(className, type, revision);
        }

        String storedSimpleName() {
            return storedTypeName.substring(storedTypeName.lastIndexOf('.') + 1);
        }

        /** The sample of the current revision under the current name: the one today's events are written as. */
        boolean isCurrent() {
            return storedTypeName.equals(type.getName()) && revision.equals(GoldenSample.currentRevision(type));
        }
    }
}
