package cn.foi.command.request;

import static org.hamcrest.Matchers.containsString;

import cn.foi.command.request.RequestCommands.LinkToEarlierRequest;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.RequestLinkedToEarlier;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linking a request to an earlier one (重复申请): recorded once, never to itself, with or without a reason. */
class DisclosureRequestLinkTest {

    private static final String ID = "req-2";
    private static final String EARLIER = "req-1";
    private static final RequestReceived RECEIVED = new RequestReceived(ID, "JD01", "2026-002",
            new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.IN_PERSON,
            LocalDate.of(2026, 5, 6), null, LocalDate.of(2026, 5, 6), "申请公开某地块规划许可文件", 1,
            RequestedForm.ELECTRONIC);

    private FixtureConfiguration<DisclosureRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
    }

    @Test
    void givenARegisteredRequestWhenTheClerkLinksItToAnEarlierOneThenTheLinkIsRecordedWithTheReason() {
        fixture.given(RECEIVED)
                .when(new LinkToEarlierRequest(ID, EARLIER, "2026-001", "  同一事项再次申请 "))
                .expectEvents(new RequestLinkedToEarlier(ID, EARLIER, "2026-001", "同一事项再次申请"));
    }

    @Test
    void givenNoReasonWhenLinkedThenTheReasonIsEmpty() {
        fixture.given(RECEIVED)
                .when(new LinkToEarlierRequest(ID, EARLIER, "2026-001", null))
                .expectEvents(new RequestLinkedToEarlier(ID, EARLIER, "2026-001", ""));
    }

    @Test
    void givenALinkWhenTheSameEarlierRequestIsLinkedAgainThenItIsRefused() {
        fixture.given(RECEIVED, new RequestLinkedToEarlier(ID, EARLIER, "2026-001", ""))
                .when(new LinkToEarlierRequest(ID, EARLIER, "2026-001", "再次关联"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("已与受理编号 2026-001 的申请关联"))
                .expectNoEvents();
    }

    @Test
    void whenLinkedToItselfThenItIsRefused() {
        fixture.given(RECEIVED)
                .when(new LinkToEarlierRequest(ID, ID, "2026-002", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("不能将申请与其自身关联"))
                .expectNoEvents();
    }

    @Test
    void givenALinkToOneRequestWhenLinkedToAnotherThenBothLinksStand() {
        fixture.given(RECEIVED, new RequestLinkedToEarlier(ID, EARLIER, "2026-001", ""))
                .when(new LinkToEarlierRequest(ID, "req-0", "2025-031", null))
                .expectEvents(new RequestLinkedToEarlier(ID, "req-0", "2025-031", ""));
    }
}
