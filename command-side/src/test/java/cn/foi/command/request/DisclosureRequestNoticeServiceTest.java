package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.foi.command.notice.NoticeCommands.IssueNotice;
import cn.foi.command.notice.NoticeCommands.ServeNotice;
import cn.foi.command.notice.NoticeCommands.VoidNotice;
import cn.foi.command.notice.Notices;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.ServiceMethod;
import cn.foi.events.request.SupplementRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service (送达), voiding (作废) and the 送达回证 of a request's notices: the request's own rules. The numbers come from
 * a counter here, as in {@link DisclosureRequestNoticeTest}; the series on PostgreSQL is tested in NoticesApiTest.
 */
class DisclosureRequestNoticeServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final String ID = "req-0001";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final LocalDate ISSUED = LocalDate.of(2026, 5, 15);
    private static final RequestReceived RECEIVED_EVENT = new RequestReceived(ID, "xh-fgw", "2026-001",
            new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.IN_PERSON, RECEIVED, null, RECEIVED,
            "2025年某地块规划许可文件", 1, RequestedForm.ELECTRONIC);
    private static final String RECEIPT_NO = "某机关依申公收〔2026〕1号";
    private static final NoticeIssued RECEIPT = new NoticeIssued(ID, NoticeKind.RECEIPT, RECEIPT_NO, 2026, 1, ISSUED,
            "default-1", "0".repeat(64));

    private FixtureConfiguration<DisclosureRequest> fixture;
    private final AtomicInteger numbers = new AtomicInteger(1);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((Notices) (requestId, agencyCode, kind, issuedOn, servesNumber) -> {
            int sequence = numbers.incrementAndGet();
            return new NoticeIssued(requestId, kind, "某机关依申公" + kind.seriesMark() + "〔2026〕" + sequence + "号",
                    2026, sequence, issuedOn, "default-1", "0".repeat(64), servesNumber);
        });
    }

    @Test
    void givenAnIssuedNotice_whenItsServiceIsRecorded_thenNoticeServed() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new ServeNotice(ID, RECEIPT_NO, LocalDate.of(2026, 5, 18), ServiceMethod.MAIL, "张三之妻李某", null))
                .expectEvents(new NoticeServed(ID, RECEIPT_NO, LocalDate.of(2026, 5, 18), ServiceMethod.MAIL,
                        "张三之妻李某", null));
    }

    @Test
    void givenAnIssuedNotice_whenServedBeforeItWasIssued_thenRefusedNamingTheField() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new ServeNotice(ID, RECEIPT_NO, LocalDate.of(2026, 5, 14), ServiceMethod.DIRECT, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不能早于文书的出具日期"))
                .expectNoEvents();
    }

    @Test
    void givenAnIssuedNotice_whenServedInTheFuture_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new ServeNotice(ID, RECEIPT_NO, TODAY.plusDays(1), ServiceMethod.DIRECT, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("晚于今天"))
                .expectNoEvents();
    }

    @Test
    void givenAServedNotice_whenServedAgainWithoutAReason_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT, new NoticeServed(ID, RECEIPT_NO, ISSUED, ServiceMethod.DIRECT, null, null))
                .when(new ServeNotice(ID, RECEIPT_NO, LocalDate.of(2026, 5, 18), ServiceMethod.MAIL, null, " "))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("已登记于 2026-05-15 送达"))
                .expectNoEvents();
    }

    @Test
    void givenAServedNotice_whenTheServiceIsCorrectedWithAReason_thenTheCorrectionIsRecorded() {
        fixture.given(RECEIVED_EVENT, RECEIPT, new NoticeServed(ID, RECEIPT_NO, ISSUED, ServiceMethod.DIRECT, null, null))
                .when(new ServeNotice(ID, RECEIPT_NO, LocalDate.of(2026, 5, 18), ServiceMethod.MAIL, null,
                        "邮件回执到达，按回执日期更正"))
                .expectEvents(new NoticeServed(ID, RECEIPT_NO, LocalDate.of(2026, 5, 18), ServiceMethod.MAIL, null,
                        "邮件回执到达，按回执日期更正"));
    }

    @Test
    void givenNoSuchNotice_whenServed_thenNotFound() {
        fixture.given(RECEIVED_EVENT)
                .when(new ServeNotice(ID, RECEIPT_NO, ISSUED, ServiceMethod.DIRECT, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("没有编号为"))
                .expectNoEvents();
    }

    @Test
    void givenAnIssuedNotice_whenVoidedWithAReason_thenNoticeVoidedToday() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new VoidNotice(ID, RECEIPT_NO, "申请人姓名有误"))
                .expectEvents(new NoticeVoided(ID, RECEIPT_NO, TODAY, "申请人姓名有误"));
    }

    @Test
    void givenAnIssuedNotice_whenVoidedWithoutAReason_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new VoidNotice(ID, RECEIPT_NO, ""))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("作废理由"))
                .expectNoEvents();
    }

    @Test
    void givenAVoidedNotice_whenVoidedAgain_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT, new NoticeVoided(ID, RECEIPT_NO, ISSUED, "有误"))
                .when(new VoidNotice(ID, RECEIPT_NO, "再次作废"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("已于 2026-05-15 作废"))
                .expectNoEvents();
    }

    @Test
    void givenAVoidedNotice_whenServed_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT, new NoticeVoided(ID, RECEIPT_NO, ISSUED, "有误"))
                .when(new ServeNotice(ID, RECEIPT_NO, ISSUED, ServiceMethod.DIRECT, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("已于 2026-05-15 作废，不能登记送达"))
                .expectNoEvents();
    }

    @Test
    void givenAVoidedNotice_whenTheSameKindIsIssuedAgain_thenItTakesANewNumber() {
        fixture.given(RECEIVED_EVENT, RECEIPT, new NoticeVoided(ID, RECEIPT_NO, ISSUED, "有误"))
                .when(new IssueNotice(ID, NoticeKind.RECEIPT, ISSUED))
                .expectEvents(new NoticeIssued(ID, NoticeKind.RECEIPT, "某机关依申公收〔2026〕2号", 2026, 2, ISSUED,
                        "default-1", "0".repeat(64), null));
    }

    @Test
    void givenAnIssuedNotice_whenItsServiceFormIsIssued_thenTheFormNamesIt() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new IssueNotice(ID, NoticeKind.SERVICE, ISSUED, RECEIPT_NO))
                .expectEvents(new NoticeIssued(ID, NoticeKind.SERVICE, "某机关依申公送〔2026〕2号", 2026, 2, ISSUED,
                        "default-1", "0".repeat(64), RECEIPT_NO));
    }

    @Test
    void givenNoNoticeOfThatNumber_whenAServiceFormIsIssued_thenRefusedNamingServesNumber() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new IssueNotice(ID, NoticeKind.SERVICE, ISSUED, "某机关依申公收〔2026〕9号"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("servesNumber"))
                .expectNoEvents();
    }

    @Test
    void givenAVoidedNotice_whenAServiceFormIsIssuedForIt_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT, new NoticeVoided(ID, RECEIPT_NO, ISSUED, "有误"))
                .when(new IssueNotice(ID, NoticeKind.SERVICE, ISSUED, RECEIPT_NO))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("已于 2026-05-15 作废"))
                .expectNoEvents();
    }

    @Test
    void givenAnIssuedNotice_whenAServiceFormNamesNoNotice_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new IssueNotice(ID, NoticeKind.SERVICE, ISSUED, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("所送达文书的文号"))
                .expectNoEvents();
    }

    @Test
    void givenAnyOtherKind_whenItNamesANoticeToServe_thenRefused() {
        fixture.given(RECEIVED_EVENT, RECEIPT)
                .when(new IssueNotice(ID, NoticeKind.RECEIPT, ISSUED, RECEIPT_NO))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("只有《送达回证》"))
                .expectNoEvents();
    }

    @Test
    void theKindsCalledForFollowTheSteps() {
        assertThat(replayed(RECEIVED_EVENT, RECEIPT).noticeKindsCalledFor())
                .containsExactly(NoticeKind.RECEIPT, NoticeKind.SERVICE);
        assertThat(replayed(RECEIVED_EVENT).noticeKindsCalledFor()).containsExactly(NoticeKind.RECEIPT);
        assertThat(replayed(RECEIVED_EVENT, new SupplementRequested(ID, ISSUED, LocalDate.of(2026, 5, 29), "地块名称", 1,
                false), RECEIPT, new NoticeVoided(ID, RECEIPT_NO, ISSUED, "有误")).noticeKindsCalledFor())
                .containsExactly(NoticeKind.RECEIPT, NoticeKind.SUPPLEMENT);
    }

    /** The request as an event-sourced load builds it: its own event handlers applied in order. */
    private static DisclosureRequest replayed(Object... events) {
        AggregateModel<DisclosureRequest> model = AnnotatedAggregateMetaModelFactory
                .inspectAggregate(DisclosureRequest.class);
        DisclosureRequest request = new DisclosureRequest();
        for (Object event : events) {
            model.publish(GenericEventMessage.asEventMessage(event), request);
        }
        return request;
    }
}
