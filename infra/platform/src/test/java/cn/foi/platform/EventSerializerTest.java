package cn.foi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.json.EventJson;
import cn.foi.events.access.UserSignedOut;
import cn.foi.events.report.PublishedReport;
import cn.foi.events.report.Table2FiguresEntered;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The events were written with the application's Spring ObjectMapper until the event serializer took shared-events'
 * EventJson (ADR 31): for every kind of value an event carries, both write the same bytes, so every stored event reads
 * and is re-published as before.
 */
class EventSerializerTest {

    private static final LocalDate D = LocalDate.of(2025, 3, 3);

    private final ApplicationContextRunner spring = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            // As foi-common.properties sets them for both sides.
            .withPropertyValues("spring.jackson.serialization.write-dates-as-timestamps=false",
                    "spring.jackson.time-zone=Asia/Shanghai");

    private final List<Object> events = List.of(
            new RequestDecided("r-1", Outcome.R3_3_1, D, null, "属于国家秘密"),
            new FeeNoticeIssued("r-1", D, new BigDecimal("150.50"), FeeMethod.PER_PAGE, null, null),
            new CalendarYearDeclared(2025, List.of(D), List.of(), "国办发明电〔2024〕12号"),
            new UserSignedOut("wangfang", Instant.parse("2025-03-03T02:15:30.123456Z")),
            new Table2FiguresEntered("xh", 2024, "2021", Map.of("FEES_AMOUNT", new BigDecimal("0.0125"))),
            new PublishedReport(Map.of("R1", List.of(1L, 0L)), Map.of(), "本年度", Map.of(), "总体", null, "",
                    new BigDecimal("12.5")));

    @Test
    void theEventsAreWrittenAsTheApplicationsMapperWroteThem() {
        ObjectMapper events = EventJson.objectMapper();
        spring.run(context -> {
            ObjectMapper application = context.getBean(ObjectMapper.class);
            for (Object event : this.events) {
                byte[] written = events.writeValueAsBytes(event);
                assertThat(new String(written)).as(event.getClass().getSimpleName())
                        .isEqualTo(new String(application.writeValueAsBytes(event)));
                assertThat(events.readValue(written, event.getClass())).isEqualTo(event);
                assertThat(application.readValue(written, event.getClass())).isEqualTo(event);
            }
        });
    }

    @Test
    void aStoredEventWithAFieldNoLongerKnownStillReads() throws Exception {
        byte[] stored = "{\"requestId\":\"r-1\",\"outcome\":\"R3_1\",\"decidedOn\":\"2025-03-03\",\"retired\":1}"
                .getBytes();
        assertThat(EventJson.objectMapper().readValue(stored, RequestDecided.class))
                .isEqualTo(new RequestDecided("r-1", Outcome.R3_1, D, null, null));
    }
}
