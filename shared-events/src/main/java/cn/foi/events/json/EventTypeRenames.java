package cn.foi.events.json;

import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.SupplementLapseRecorded;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Events whose type was renamed after events of it were stored (ADR 30): the event store and the Kafka topic hold
 * them under their former class name, which no longer exists. This upcaster gives such an event its current type; the
 * payload is unchanged (the fields kept their names), so the revision stays too. Registered on both sides' upcaster
 * chain, which Axon applies to the event store and to the topic alike.
 *
 * <p>A renamed type keeps its former name's golden sample, which must read through this upcaster (ADR 31).
 *
 * <p>renames-0030:keep — this file names the former types on purpose; scripts/dev/renames-0030.sh leaves it alone.
 */
public final class EventTypeRenames extends SingleEventUpcaster {

    /** Former fully qualified type name → the type the event has now. */
    private static final Map<String, Class<?>> FORMER_NAMES = Map.of(
            "cn.foi.events.request.SupplementLapsed", SupplementLapseRecorded.class,
            "cn.foi.events.request.FeeLapsed", FeeLapseRecorded.class,
            "cn.foi.events.request.RequestOverdue", RequestBecameOverdue.class);

    /** The type a stored type name now reads as, if it is a former name. */
    public static Optional<Class<?>> currentType(String storedTypeName) {
        return Optional.ofNullable(FORMER_NAMES.get(storedTypeName));
    }

    /**
     * The simple name a type had before it was renamed, or its own: what the request timeline's {@code type} has
     * always said for it (the API's values stay as they were, docs/api.md).
     */
    public static String formerSimpleName(Class<?> type) {
        return FORMER_NAMES.entrySet().stream()
                .filter(entry -> entry.getValue() == type)
                .map(entry -> entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1))
                .findFirst()
                .orElse(type.getSimpleName());
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return FORMER_NAMES.containsKey(stored.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        Class<?> current = FORMER_NAMES.get(stored.getType().getName());
        return stored.upcastPayload(new SimpleSerializedType(current.getName(), stored.getType().getRevision()),
                byte[].class, Function.identity());
    }
}
