package cn.foi.query.requests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An issued notice reads in the timeline with its title and number, on the day it was issued. */
class TimelineNoticeTest {

    @Test
    void aNoticeIsShownWithItsTitleAndNumber() {
        TimelineEntry entry = TimelineEntry.of(new NoticeIssued("r", NoticeKind.SUPPLEMENT, "某街道依申公补〔2025〕3号",
                2025, 3, LocalDate.of(2025, 10, 9), "default-1", "a".repeat(64)));
        assertThat(entry.title()).isEqualTo("出具文书");
        assertThat(entry.detail()).isEqualTo("出具《补正告知书》 某街道依申公补〔2025〕3号");
        assertThat(entry.businessDate()).isEqualTo(LocalDate.of(2025, 10, 9));
    }
}
