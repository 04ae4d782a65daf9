package cn.foi.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads a JSON body as written, never as Jackson would kindly coerce it: {@code "items": 1.5} is not 1,
 * {@code "afterReconsideration": 2} is not true, {@code "caseNo": 2025} is not "2025", {@code "receivedOn": 20000} is
 * not the 20000th day after 1970. Each is refused with 400 naming the field (ApiProblemHandler): a coerced value is a
 * value the clerk did not send, stored for ever.
 *
 * <p>Only the HTTP bodies are read this strictly: the application's own ObjectMapper (the one Axon and the projections
 * may use for stored events) is left as it is, so that no stored event becomes unreadable.
 *
 * <p>Unknown properties stay ignored [choice]: the web UI sends its form objects, and older API clients keep working
 * when a field is retired. Every required field is checked, so a misspelled one is refused as missing; a misspelled
 * optional one is the price of that tolerance.
 */
public class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    /** A copy of {@code mapper} that refuses every coercion of a scalar into another type. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Deprecated on ObjectMapper in favour of the builder, which a copy does not have; it changes only the copy.
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.DateTime, LogicalType.Enum}) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, refuseUnless(type, LogicalType.Integer, LogicalType.Float))
                    .setCoercion(CoercionInputShape.Float, refuseUnless(type, LogicalType.Float))
                    .setCoercion(CoercionInputShape.Boolean, refuseUnless(type, LogicalType.Boolean))
                    .setCoercion(CoercionInputShape.String, refuseUnless(type, LogicalType.Textual,
                            LogicalType.DateTime, LogicalType.Enum))
                    .setCoercion(CoercionInputShape.Array, CoercionAction.Fail);
        }
        // A date is a "YYYY-MM-DD" text (or Jackson's [y, m, d]), never a count of days since 1970.
        strict.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        return strict;
    }

    /** TryConvert when the shape is the type's own (or the one widening: a whole number for an amount), else Fail. */
    private static CoercionAction refuseUnless(LogicalType type, LogicalType... allowed) {
        for (LogicalType a : allowed) {
            if (a == type) {
                return CoercionAction.TryConvert;
            }
        }
        return CoercionAction.Fail;
    }
}
