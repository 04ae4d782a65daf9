package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentKind;
import cn.foi.events.request.AttachmentRemoved;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A kept file reads in the timeline with its name and kind; its removal with the reason given. */
class TimelineAttachmentTest {

    @Test
    void anAddedAttachmentIsShownWithItsNameAndKind() {
        TimelineEntry entry = TimelineEntry.of(new AttachmentAdded("r", "a1", AttachmentKind.SERVICE_RECEIPT,
                "送达回证（李四）.pdf", "application/pdf", 1024, "a".repeat(64), LocalDate.of(2025, 10, 12)));
        assertThat(entry.title()).isEqualTo("上传附件");
        assertThat(entry.detail()).isEqualTo("上传附件《送达回证（李四）.pdf》（送达回证）");
        assertThat(entry.businessDate()).isEqualTo(LocalDate.of(2025, 10, 12));
    }

    @Test
    void aRemovedAttachmentIsShownWithTheReason() {
        TimelineEntry entry = TimelineEntry.of(new AttachmentRemoved("r", "a1", "身份证.png", "上传错了申请人",
                LocalDate.of(2025, 10, 13)));
        assertThat(entry.title()).isEqualTo("删除附件");
        assertThat(entry.detail()).isEqualTo("删除附件《身份证.png》，理由：上传错了申请人");
        assertThat(entry.businessDate()).isEqualTo(LocalDate.of(2025, 10, 13));
    }
}
