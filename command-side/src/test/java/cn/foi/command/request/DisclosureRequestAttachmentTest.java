package cn.foi.command.request;

import cn.foi.command.attachment.AttachmentCommands.AddAttachment;
import cn.foi.command.attachment.AttachmentCommands.RemoveAttachment;
import cn.foi.command.attachment.Attachments;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentKind;
import cn.foi.events.request.AttachmentRemoved;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files kept with a request: any time, each once, removed only with a reason. The bytes are {@link Attachments}'
 * (tested against PostgreSQL in the all-in-one's AttachmentsApiTest); here a list records what the request asked of it.
 */
class DisclosureRequestAttachmentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final String ID = "req-0001";
    private static final String FILE = "7f1c3a52-5a8e-4d0c-9f43-0e1a2b3c4d5e";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final RequestReceived RECEIVED_EVENT = new RequestReceived(ID, "xh-fgw", "2026-001",
            new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.IN_PERSON, RECEIVED, null, RECEIVED,
            "2025年某地块规划许可文件", 1, RequestedForm.ELECTRONIC);
    private static final AttachmentAdded ADDED = new AttachmentAdded(ID, FILE, AttachmentKind.SERVICE_RECEIPT,
            "送达回证.pdf", "application/pdf", 2048, "a".repeat(64), TODAY);

    private FixtureConfiguration<DisclosureRequest> fixture;
    private final List<Object> kept = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new Attachments() {
            @Override
            public void keep(AttachmentAdded added) {
                kept.add(added);
            }

            @Override
            public void discard(AttachmentRemoved removed) {
                kept.add(removed);
            }
        });
    }

    private static AddAttachment add(AttachmentKind kind) {
        return new AddAttachment(ID, FILE, kind, "送达回证.pdf", "application/pdf", 2048, "a".repeat(64));
    }

    @Test
    void aSignedServiceReceiptIsKeptEvenAfterTheAnswer() {
        fixture.given(RECEIVED_EVENT, new RequestDecided(ID, Outcome.R3_1, LocalDate.of(2026, 6, 1), null, ""))
                .when(add(AttachmentKind.SERVICE_RECEIPT))
                .expectEvents(ADDED)
                .expectResultMessagePayload(ADDED);
        org.assertj.core.api.Assertions.assertThat(kept).containsExactly(ADDED);
    }

    @Test
    void aFileWithoutAKindIsRefusedNamingTheField() {
        fixture.given(RECEIVED_EVENT)
                .when(add(null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("请选择附件类别（字段 kind）")
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(kept).isEmpty();
    }

    @Test
    void theSameStoredFileIsNotKeptTwice() {
        fixture.given(RECEIVED_EVENT, ADDED)
                .when(add(AttachmentKind.OTHER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRemovalRecordsTheReasonAndTheNameOfTheFile() {
        AttachmentRemoved removed = new AttachmentRemoved(ID, FILE, "送达回证.pdf", "扫描不清，重新上传", TODAY);
        fixture.given(RECEIVED_EVENT, ADDED)
                .when(new RemoveAttachment(ID, FILE, "  扫描不清，重新上传 "))
                .expectEvents(removed);
        org.assertj.core.api.Assertions.assertThat(kept).containsExactly(removed);
    }

    @Test
    void aRemovalWithoutAReasonIsRefused() {
        fixture.given(RECEIVED_EVENT, ADDED)
                .when(new RemoveAttachment(ID, FILE, " "))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("请填写删除附件的理由（字段 reason）")
                .expectNoEvents();
    }

    @Test
    void aFileRemovedOnceCannotBeRemovedAgainNorAnUnknownOne() {
        fixture.given(RECEIVED_EVENT, ADDED, new AttachmentRemoved(ID, FILE, "送达回证.pdf", "重复", TODAY))
                .when(new RemoveAttachment(ID, FILE, "再删一次"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("该附件已被删除");
        fixture.given(RECEIVED_EVENT)
                .when(new RemoveAttachment(ID, FILE, "没有这个附件"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("该申请没有这个附件");
    }
}
