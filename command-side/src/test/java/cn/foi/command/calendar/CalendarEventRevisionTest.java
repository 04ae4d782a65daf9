package cn.foi.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.calendar.CalendarYearDeclared;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** CalendarYearDeclared revision 2 names who declared and why; stored revision-1 declarations read without them. */
class CalendarEventRevisionTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aRevisionOneDeclarationReadsWithItsDaysAndNoReasonOrDeclarer() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/events/CalendarYearDeclared-rev1.json")) {
            stored = in.readAllBytes();
        }
        CalendarYearDeclared read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                CalendarYearDeclared.class.getName(), "1"));
        assertThat(read.year()).isEqualTo(2025);
        assertThat(read.holidays()).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 28));
        assertThat(read.makeUpWorkdays()).containsExactly(LocalDate.of(2025, 1, 26));
        assertThat(read.source()).isEqualTo("国办发明电〔2024〕12号");
        assertThat(read.reason()).isNull();
        assertThat(read.declaredBy()).isNull();
    }

    @Test
    void aRevisionTwoDeclarationKeepsWhoDeclaredItAndWhy() {
        CalendarYearDeclared event = new CalendarYearDeclared(2025, List.of(), List.of(), "更正",
                "误将 2025 年的通知录入两遍，撤回重复的日期", "admin");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((CalendarYearDeclared) serializer.deserialize(stored)).isEqualTo(event);
    }
}
