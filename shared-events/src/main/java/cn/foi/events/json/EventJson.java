package cn.foi.events.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.TimeZone;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How an event is written as JSON in the event store and on the Kafka topic: the one place that says it, used by the
 * event serializer of both sides (infra/platform's {@code EventSerializerConfiguration}) and by the golden samples
 * test of this module (ADR 31).
 *
 * <p>The settings are those the application's Spring ObjectMapper had when it also wrote the events, so events stored
 * before this class existed read and write byte for byte as before: dates as ISO texts ({@code "2025-03-01"}), not as
 * numbers; unknown fields ignored (a field an older revision had and a newer one dropped must not make a stored event
 * unreadable); Java 8 optionals and parameter names understood; {@code Asia/Shanghai} for any {@code java.util.Date}.
 * The web API's mapper may change (Spring's {@code spring.jackson.*} settings) without changing the events.
 *
 * <p>The only class of the contract that knows Jackson and Axon's serializer; the events themselves know neither
 * (ContractPurityTest).
 */
public final class EventJson {

    private EventJson() {
    }

    /** A new mapper with the event store's settings; callers may not change it in ways that alter what it writes. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .defaultTimeZone(TimeZone.getTimeZone("Asia/Shanghai"))
                .build();
    }

    /**
     * Axon's Jackson serializer over {@link #objectMapper()}, with the revision taken from each event's
     * {@code @Revision}: what the event store and Kafka use.
     */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
