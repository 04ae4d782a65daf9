package cn.foi.command.request;

import static org.hamcrest.Matchers.containsString;

import cn.foi.command.notice.NoticeCommands.IssueNotice;
import cn.foi.command.notice.Notices;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which notices a request's state calls for: the receipt always, every other kind only after the step it tells of.
 * The numbering and the document are {@link Notices}' (tested against PostgreSQL in the all-in-one's NoticesApiTest);
 * here it is a counter, so that the request's own rules are what is tested.
 */
class DisclosureRequestNoticeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String ID = "req-0001";
    private static final String AGENCY = "xh-fgw";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final LocalDate STEP = LocalDate.of(2026, 5, 14);
    private static final LocalDate ISSUED = LocalDate.of(2026, 5, 15);
    private static final RequestReceived RECEIVED_EVENT = new RequestReceived(ID, AGENCY, "2026-001",
            new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.IN_PERSON, RECEIVED, null, RECEIVED,
            "2025年某地块规划许可文件", 1, RequestedForm.ELECTRONIC);

    private FixtureConfiguration<DisclosureRequest> fixture;
    private final AtomicInteger numbers = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((Notices) (requestId, agencyCode, kind, issuedOn, servesNumber) -> {
            int sequence = numbers.incrementAndGet();
            return issued(kind, sequence, issuedOn);
        });
    }

    private static NoticeIssued issued(NoticeKind kind, int sequence, LocalDate issuedOn) {
        return new NoticeIssued(ID, kind, "某机关依申公" + kind.seriesMark() + "〔2026〕" + sequence + "号", 2026, sequence,
                issuedOn, "default-1", "0".repeat(64));
    }

    @Test
    void aReceiptMayBeIssuedAsSoonAsTheRequestIsRegistered() {
        fixture.given(RECEIVED_EVENT)
                .when(new IssueNotice(ID, NoticeKind.RECEIPT, RECEIVED))
                .expectEvents(issued(NoticeKind.RECEIPT, 1, RECEIVED));
    }

    @Test
    void noSupplementNoticeWithoutARequestToSupplement() {
        refused(NoticeKind.SUPPLEMENT, "没有告知补正");
    }

    @Test
    void aSupplementNoticeFollowsTheRequestToSupplement() {
        fixture.given(RECEIVED_EVENT, new SupplementRequested(ID, STEP, LocalDate.of(2026, 5, 29), "请写明地块名称", 1,
                        false))
                .when(new IssueNotice(ID, NoticeKind.SUPPLEMENT, ISSUED))
                .expectEvents(issued(NoticeKind.SUPPLEMENT, 1, ISSUED));
    }

    @Test
    void noExtensionNoticeWithoutAnExtension() {
        refused(NoticeKind.EXTENSION, "没有延长答复期限");
    }

    @Test
    void anExtensionNoticeFollowsTheExtension() {
        fixture.given(RECEIVED_EVENT, new AnswerPeriodExtended(ID, STEP, 20, "需要调取档案"))
                .when(new IssueNotice(ID, NoticeKind.EXTENSION, ISSUED))
                .expectEvents(issued(NoticeKind.EXTENSION, 1, ISSUED));
    }

    @Test
    void noConsultationLetterWithoutAConsultation() {
        refused(NoticeKind.CONSULTATION, "没有征求意见");
    }

    @Test
    void aConsultationLetterFollowsTheConsultation() {
        fixture.given(RECEIVED_EVENT, new ConsultationStarted(ID, 1, ConsultedParty.THIRD_PARTY, "某公司", STEP, null))
                .when(new IssueNotice(ID, NoticeKind.CONSULTATION, ISSUED))
                .expectEvents(issued(NoticeKind.CONSULTATION, 1, ISSUED));
    }

    @Test
    void noFeeNoticeWithoutAFee() {
        refused(NoticeKind.FEE, "没有发出收费通知");
    }

    @Test
    void aFeeNoticeFollowsTheFeeAndIsNotDatedBeforeIt() {
        fixture.given(RECEIVED_EVENT, new FeeNoticeIssued(ID, ISSUED, new BigDecimal("100"), FeeMethod.PER_REQUEST))
                .when(new IssueNotice(ID, NoticeKind.FEE, STEP))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不能早于"))
                .expectNoEvents();
    }

    @Test
    void noAnswerBeforeTheDecision() {
        refused(NoticeKind.ANSWER, "尚未作出答复");
    }

    @Test
    void anAnswerFollowsTheDecision() {
        fixture.given(RECEIVED_EVENT, new RequestDecided(ID, Outcome.R3_3_1, STEP, null, ""))
                .when(new IssueNotice(ID, NoticeKind.ANSWER, ISSUED))
                .expectEvents(issued(NoticeKind.ANSWER, 1, ISSUED));
    }

    @Test
    void aWithdrawalIsAnsweredToo() {
        fixture.given(RECEIVED_EVENT, new RequestWithdrawn(ID, STEP, ""))
                .when(new IssueNotice(ID, NoticeKind.ANSWER, ISSUED))
                .expectEvents(issued(NoticeKind.ANSWER, 1, ISSUED));
    }

    @Test
    void aNoticeIsNotDatedInTheFuture() {
        fixture.given(RECEIVED_EVENT)
                .when(new IssueNotice(ID, NoticeKind.RECEIPT, LocalDate.of(2026, 7, 1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    private void refused(NoticeKind kind, String reason) {
        fixture.given(RECEIVED_EVENT)
                .when(new IssueNotice(ID, kind, ISSUED))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(reason))
                .expectNoEvents();
    }
}
