package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestViewMaskingTest {

    private static final String ID_NUMBER = "110105199001011234";
    private static final String PHONE = "13812345678";

    private static RequestView view(RequestView.Applicant applicant, List<RequestView.TimelineItem> timeline) {
        return new RequestView("r-1", "JD01", "2026-001", "OPEN", "办理中", applicant, "网络", "ONLINE", null, null,
                LocalDate.of(2026, 3, 2), "申请公开某文件", 1, null, LocalDate.of(2026, 3, 23), null, 10, false, null,
                null, List.of(), 0, null, false, null, null, null, null, null, null, null, 0, 0, Instant.EPOCH,
                Instant.EPOCH, timeline, List.of(), List.of(), true, null, null, null);
    }

    @Test
    void theApplicantAndTheRegistrationInTheTimelineAreMaskedAndTheRestIsKept() {
        RequestView.Applicant applicant = new RequestView.Applicant("自然人", "C1", "张三", "居民身份证", ID_NUMBER, PHONE);
        RequestView.TimelineItem received = new RequestView.TimelineItem(0, "RequestReceived", "收到申请", "…",
                LocalDate.of(2026, 3, 2), Instant.EPOCH, "clerk", Map.of("caseNo", "2026-001",
                "applicant", Map.of("name", "张三", "idNumber", ID_NUMBER, "contact", PHONE)));
        RequestView.TimelineItem decided = new RequestView.TimelineItem(1, "RequestDecided", "答复", "…",
                LocalDate.of(2026, 3, 10), Instant.EPOCH, "clerk", Map.of("outcome", "R3_1"));

        RequestView masked = view(applicant, List.of(received, decided)).withPersonalDataMasked();

        assertThat(masked.applicant().idNumber()).isEqualTo("110105********1234");
        assertThat(masked.applicant().contact()).isEqualTo("138****5678");
        assertThat(masked.applicant().name()).isEqualTo("张三");
        assertThat(masked.applicant().masked()).isTrue();
        assertThat(masked.dueDateProvisional()).as("the rest of the request is kept").isTrue();
        assertThat(masked.timeline().get(0).data().get("applicant")).isEqualTo(Map.of("name", "张三",
                "idNumber", "110105********1234", "contact", "138****5678"));
        assertThat(masked.timeline().get(0).data().get("caseNo")).isEqualTo("2026-001");
        assertThat(masked.timeline().get(1)).isEqualTo(decided);
        assertThat(masked.caseNo()).isEqualTo("2026-001");
        assertThat(masked.withPersonalDataMasked()).isSameAs(masked);
    }

    @Test
    void anApplicantWithoutDocumentOrContactStaysWithout() {
        RequestView masked = view(new RequestView.Applicant("商业企业", "C2", "某公司", null, null, null), null)
                .withPersonalDataMasked();

        assertThat(masked.applicant().idNumber()).isNull();
        assertThat(masked.applicant().contact()).isNull();
        assertThat(masked.applicant().masked()).isTrue();
        assertThat(masked.timeline()).isNull();
    }
}
