package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.calendar.RegionalDaysDeclared;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.SupplementRequested;
import cn.foi.query.ProjectedRequests;
import cn.foi.query.TestFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The working days left and the paused clock that the request's detail and the list show. */
class RequestWorkingDaysLeftTest {

    private static final String ID = "request-1";
    private static final Instant AT = Instant.parse("2019-12-20T02:00:00Z");
    /** Received 2019-12-20: the 20th working day is 2020-01-19, a make-up Sunday before the Spring Festival. */
    private static final LocalDate RECEIVED = LocalDate.of(2019, 12, 20);
    private static final LocalDate DUE_ON_MAKE_UP_SUNDAY = LocalDate.of(2020, 1, 19);

    private static ProjectedRequests projected;

    @BeforeAll
    static void database() {
        projected = new ProjectedRequests("working_days_test", AT);
    }

    @AfterAll
    static void close() {
        projected.close();
    }

    @BeforeEach
    void empty() {
        projected.resetToShippedCalendar();
        deliver(TestFixtures.received(ID, "JD01", "2019-088", "张某", RECEIVED),
                new AnswerDueDateChanged(ID, DUE_ON_MAKE_UP_SUNDAY, DueDateReason.RECEIVED, "第 20 个工作日"));
    }

    private static void deliver(RequestEvent... events) {
        projected.deliver(events);
    }

    private static RequestView on(LocalDate today) {
        return projected.queriesOn(today).find(ID).orElseThrow();
    }

    private static List<RequestView> listOn(LocalDate today) {
        return projected.queriesOn(today).list("JD01", ProjectedRequests.anyRequest(), 0, 10).items();
    }

    @Test
    void theMakeUpSundayBeforeTheSpringFestivalCountsAsAWorkingDayLeft() {
        // Thursday 16th: Friday 17th and the make-up Sunday 19th remain; Saturday 18th does not count.
        assertThat(on(LocalDate.of(2020, 1, 16)).workingDaysLeft()).isEqualTo(2);
        assertThat(on(LocalDate.of(2020, 1, 18)).workingDaysLeft()).isEqualTo(1);
        assertThat(on(DUE_ON_MAKE_UP_SUNDAY).workingDaysLeft()).isZero();
        // Monday 20th: one working day late. The Spring Festival holidays do not count as days late.
        assertThat(on(LocalDate.of(2020, 1, 20)).workingDaysLeft()).isEqualTo(-1);
        assertThat(on(LocalDate.of(2020, 2, 3)).workingDaysLeft()).isEqualTo(-5);
        assertThat(listOn(LocalDate.of(2020, 1, 16))).extracting(RequestView::workingDaysLeft).containsExactly(2);
    }

    @Test
    void theAgencysRegionalDaysChangeTheWorkingDaysLeft() {
        projected.calendar().on(new RegionalDaysDeclared("JD01", 2020, List.of(LocalDate.of(2020, 1, 17)), List.of(),
                "地方节日"));

        assertThat(on(LocalDate.of(2020, 1, 16)).workingDaysLeft()).isEqualTo(1);
        assertThat(listOn(LocalDate.of(2020, 1, 16))).extracting(RequestView::workingDaysLeft).containsExactly(1);
    }

    @Test
    void aRunningClockIsNotPaused() {
        RequestView view = on(LocalDate.of(2020, 1, 16));

        assertThat(view.clockPaused()).isFalse();
        assertThat(view.pausedBecause()).isNull();
        assertThat(view.pausedBecauseLabel()).isNull();
    }

    @Test
    void anOpenConsultationPausesTheClockUntilItEnds() {
        deliver(new ConsultationStarted(ID, 1, ConsultedParty.THIRD_PARTY, "某公司", LocalDate.of(2020, 1, 6)));

        RequestView consulting = on(LocalDate.of(2020, 1, 16));
        assertThat(consulting.clockPaused()).isTrue();
        assertThat(consulting.pausedBecause()).isEqualTo("CONSULTATION");
        assertThat(consulting.pausedBecauseLabel()).isEqualTo("征求意见中");
        assertThat(consulting.workingDaysLeft()).isEqualTo(2);
        assertThat(listOn(LocalDate.of(2020, 1, 16))).extracting(RequestView::pausedBecause)
                .containsExactly("CONSULTATION");

        deliver(new ConsultationEnded(ID, 1, LocalDate.of(2020, 1, 8), ConsultationEnding.REPLIED, "同意公开"));
        assertThat(on(LocalDate.of(2020, 1, 16)).clockPaused()).isFalse();
    }

    @Test
    void anOpenSupplementOrAnUnpaidFeePausesTheClock() {
        deliver(new FeeNoticeIssued(ID, LocalDate.of(2020, 1, 6), new BigDecimal("100"), FeeMethod.PER_REQUEST));
        assertThat(on(LocalDate.of(2020, 1, 16)).pausedBecause()).isEqualTo("FEE");
        assertThat(on(LocalDate.of(2020, 1, 16)).pausedBecauseLabel()).isEqualTo("待缴费");

        deliver(new SupplementRequested(ID, LocalDate.of(2020, 1, 7), LocalDate.of(2020, 1, 17), "请说明用途", 1,
                false));
        assertThat(on(LocalDate.of(2020, 1, 16)).pausedBecause()).isEqualTo("SUPPLEMENT");
        assertThat(on(LocalDate.of(2020, 1, 16)).pausedBecauseLabel()).isEqualTo("待补正");
    }

    @Test
    void aClosedRequestHasNoWorkingDaysLeftAndNoPausedClock() {
        deliver(new ConsultationStarted(ID, 1, ConsultedParty.THIRD_PARTY, "某公司", LocalDate.of(2020, 1, 6)),
                new RequestDecided(ID, Outcome.R3_2, LocalDate.of(2020, 1, 15), LocalDate.of(2020, 1, 15), ""));

        RequestView closed = on(LocalDate.of(2020, 1, 16));
        assertThat(closed.workingDaysLeft()).isNull();
        assertThat(closed.clockPaused()).isFalse();
        assertThat(closed.pausedBecause()).isNull();
        assertThat(projected.json().convertValue(closed, Map.class)).doesNotContainKey("workingDaysLeft")
                .containsEntry("clockPaused", false);
    }
}
