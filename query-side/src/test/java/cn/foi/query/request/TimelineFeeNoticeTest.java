package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A fee notice imported without an amount says so in the timeline, and does not fail the projection. */
class TimelineFeeNoticeTest {

    @Test
    void aNoticeWithoutAnAmountReadsAsAmountNotRecorded() {
        TimelineEntry entry = TimelineEntry.of(new FeeNoticeIssued("r", LocalDate.of(2025, 3, 5), null,
                FeeMethod.PER_REQUEST));
        assertThat(entry.title()).isEqualTo("收费通知");
        assertThat(entry.detail()).isEqualTo("按件收取信息处理费，金额未记录");
    }

    @Test
    void aNoticeWithAnAmountShowsIt() {
        TimelineEntry entry = TimelineEntry.of(new FeeNoticeIssued("r", LocalDate.of(2025, 3, 5),
                new BigDecimal("12.50"), FeeMethod.PER_PAGE));
        assertThat(entry.detail()).isEqualTo("按量收取信息处理费 12.50 元");
    }

    @Test
    void aReducedNoticeShowsTheQuoteAndTheReason() {
        TimelineEntry entry = TimelineEntry.of(new FeeNoticeIssued("r", LocalDate.of(2025, 3, 5),
                new BigDecimal("550.00"), FeeMethod.PER_PAGE, new BigDecimal("1100.00"), "申请人经济困难"));
        assertThat(entry.detail()).isEqualTo("按量收取信息处理费 550.00 元（按标准计算 1100.00 元；减免理由：申请人经济困难）");
    }
}
