package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.ServiceMethod;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * An issued notice reads in the timeline with its title and number, on the day it was issued; its service and its
 * voiding on their days, with the way, the recipient and the reasons.
 */
class TimelineNoticeTest {

    @Test
    void aNoticeIsShownWithItsTitleAndNumber() {
        TimelineEntry entry = TimelineEntry.of(new NoticeIssued("r", NoticeKind.SUPPLEMENT, "某街道依申公补〔2025〕3号",
                2025, 3, LocalDate.of(2025, 10, 9), "default-1", "a".repeat(64)));
        assertThat(entry.title()).isEqualTo("出具文书");
        assertThat(entry.detail()).isEqualTo("出具《补正告知书》 某街道依申公补〔2025〕3号");
        assertThat(entry.businessDate()).isEqualTo(LocalDate.of(2025, 10, 9));
    }

    @Test
    void aServiceFormNamesTheNoticeItServes() {
        TimelineEntry entry = TimelineEntry.of(new NoticeIssued("r", NoticeKind.SERVICE, "某街道依申公送〔2025〕1号",
                2025, 1, LocalDate.of(2025, 10, 9), "default-1", "a".repeat(64), "某街道依申公补〔2025〕3号"));
        assertThat(entry.detail()).isEqualTo("出具《送达回证》 某街道依申公送〔2025〕1号（送达 某街道依申公补〔2025〕3号）");
    }

    @Test
    void aServiceAndItsCorrectionAreShownOnTheDayOfService() {
        TimelineEntry served = TimelineEntry.of(new NoticeServed("r", "某街道依申公补〔2025〕3号",
                LocalDate.of(2025, 10, 11), ServiceMethod.MAIL, "张三之妻", null));
        assertThat(served.title()).isEqualTo("文书送达");
        assertThat(served.detail()).isEqualTo("某街道依申公补〔2025〕3号 于 2025-10-11 邮寄送达，受送达人：张三之妻");
        assertThat(served.businessDate()).isEqualTo(LocalDate.of(2025, 10, 11));
        TimelineEntry corrected = TimelineEntry.of(new NoticeServed("r", "某街道依申公补〔2025〕3号",
                LocalDate.of(2025, 10, 13), ServiceMethod.DIRECT, null, "按回执更正"));
        assertThat(corrected.title()).isEqualTo("更正送达记录");
        assertThat(corrected.detail()).endsWith("直接送达；更正理由：按回执更正");
    }

    @Test
    void aVoidedNoticeIsShownWithItsReason() {
        TimelineEntry entry = TimelineEntry.of(new NoticeVoided("r", "某街道依申公补〔2025〕3号", LocalDate.of(2025, 10, 12),
                "补正事项写错"));
        assertThat(entry.title()).isEqualTo("文书作废");
        assertThat(entry.detail()).isEqualTo("某街道依申公补〔2025〕3号 作废：补正事项写错");
        assertThat(entry.businessDate()).isEqualTo(LocalDate.of(2025, 10, 12));
    }
}
