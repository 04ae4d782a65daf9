package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import cn.foi.query.report.AnnualReportView.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A report is summed from each agency's facts for the year, kept between reports: the roll-up must give what the
 * requests give together (an exact median, the oldest open requests of all), and kept facts must follow every change
 * of the agency's requests. Today is 2022-03-15; each test uses agencies of its own and the year 2021.
 */
class AgencyFactsTest {

    private static ReportHistories histories;
    private static AnnualStatistics statistics;
    private String district;
    private String streetA;
    private String streetB;
    private int runs;

    @BeforeAll
    static void setUp() {
        histories = new ReportHistories("agency_facts_test", LocalDate.of(2022, 3, 15));
        statistics = histories.statistics();
    }

    @AfterAll
    static void tearDown() {
        histories.destroy();
    }

    @BeforeEach
    void agencies() {
        String run = (++runs) + "-" + System.nanoTime();
        district = "D" + run;
        streetA = "A" + run;
        streetB = "B" + run;
        histories.agency(district, "某区", null);
        histories.agency(streetA, "甲街道", district);
        histories.agency(streetB, "乙街道", district);
    }

    private String answered(String agency, LocalDate received, LocalDate answered) {
        String id = histories.receive(agency, ApplicantCategory.C1, received);
        histories.deliver(id, new RequestDecided(id, Outcome.R3_1, answered, null, ""));
        return id;
    }

    private AnnualReportView report(String agency) {
        return statistics.report(agency, agency, List.of(agency), false, 2021, ReportTemplate.T2021,
                AppealYearRule.FILED_IN_YEAR);
    }

    private AnnualReportView rollUp() {
        return statistics.report(district, "某区", List.of(district, streetA, streetB), true, 2021,
                ReportTemplate.T2021, AppealYearRule.FILED_IN_YEAR);
    }

    private static Check check(AnnualReportView report, String key) {
        return report.checks().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void givenTwoStreetsWhenTheDistrictRollsUpThenTheFiguresAreThoseOfAllTheirRequestsTogether() {
        // Received Monday 2021-03-01: street A answers the same day and after 5 working days, street B after 25.
        answered(streetA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 1));
        answered(streetA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8));
        answered(streetB, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 6));
        String openA = histories.receive(streetA, ApplicantCategory.C2, LocalDate.of(2021, 5, 6));
        String openB = histories.receive(streetB, ApplicantCategory.C1, LocalDate.of(2021, 2, 1));
        assertThat(report(streetA).annex().medianWorkingDays()).isEqualTo("2.5");

        AnnualReportView rollUp = rollUp();

        assertThat(rollUp.table3().get("R1")).containsExactly(4L, 1L, 0L, 0L, 0L, 0L, 5L);
        assertThat(rollUp.table3().get("R3_1")).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 3L);
        assertThat(rollUp.table3().get("R4")).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 2L);
        AnnualReportView.Annex annex = rollUp.annex();
        assertThat(annex.answered()).isEqualTo(3);
        assertThat(annex.medianWorkingDays()).as("the median of 0, 5, 25, not of the streets' medians").isEqualTo("5");
        assertThat(annex.averageWorkingDays()).isEqualTo("10");
        assertThat(annex.lowestWorkingDays()).isEqualTo("<1");
        assertThat(annex.highestWorkingDays()).isEqualTo("25");
        assertThat(annex.responseTimeBuckets()).containsEntry("<1", 1L).containsEntry("1-20", 1L)
                .containsEntry("21-40", 1L);
        assertThat(annex.oldestOpen()).extracting(AnnualReportView.OldRequest::id).containsExactly(openB, openA);
        assertThat(annex.receivedInYear()).isEqualTo(5);
        assertThat(rollUp.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.key() + ": " + c.detail()).isTrue());
    }

    @Test
    void givenFactsAlreadyCountedWhenARequestIsAnsweredThenTheNextReportAndRollUpCountItAnswered() {
        answered(streetA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8));
        String open = histories.receive(streetA, ApplicantCategory.C1, LocalDate.of(2021, 5, 6));
        assertThat(report(streetA).table3().get("R4")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(rollUp().annex().answered()).isEqualTo(1);

        histories.deliver(open, new RequestDecided(open, Outcome.R3_2, LocalDate.of(2021, 6, 1), null, ""));

        AnnualReportView street = report(streetA);
        assertThat(street.table3().get("R4")).containsOnly(0L);
        assertThat(street.table3().get("R3_2")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(street.annex().answered()).isEqualTo(2);
        assertThat(street.annex().oldestOpen()).isEmpty();
        AnnualReportView rollUp = rollUp();
        assertThat(rollUp.table3().get("R4")).containsOnly(0L);
        assertThat(rollUp.annex().answered()).isEqualTo(2);
        assertThat(rollUp.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.key()).isTrue());
    }

    @Test
    void givenFactsKeptFromBeforeARowWasChangedOutsideTheProjectionThenTheBalanceCheckFails() {
        answered(streetA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8));
        String open = histories.receive(streetA, ApplicantCategory.C1, LocalDate.of(2021, 5, 6));
        assertThat(check(report(streetA), "TABLE3_BALANCE").passed()).isTrue();

        // Changed without an event: its sequence stays, so the facts kept are not counted again...
        histories.jdbc().update("update request_summary set closed_on = date '2021-06-01', outcome = 'R3_1' "
                + "where id = ?", open);

        // ...and the request list, counted apart, no longer agrees with them.
        Check balance = check(report(streetA), "TABLE3_BALANCE");
        assertThat(balance.passed()).isFalse();
        assertThat(balance.detail()).contains("总计列办结：表三 1，申请台账 2", "总计列结转下年度：表三 1，申请台账 0");
    }

    @Test
    void givenARollUpAlreadyCountedWhenASubAgencyDecidesARequestThenTheNextRollUpCountsIt() {
        answered(streetA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8));
        String open = histories.receive(streetB, ApplicantCategory.C2, LocalDate.of(2021, 5, 6));
        AnnualReportView before = rollUp();
        assertThat(before.table3().get("R4")).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 1L);
        assertThat(before.annex().oldestOpen()).extracting(AnnualReportView.OldRequest::id).containsExactly(open);

        histories.deliver(open, new RequestDecided(open, Outcome.R3_2, LocalDate.of(2021, 6, 1), null, ""));

        AnnualReportView after = rollUp();
        assertThat(after.table3().get("R4")).containsOnly(0L);
        assertThat(after.table3().get("R3_2")).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 1L);
        assertThat(after.annex().answered()).isEqualTo(2);
        assertThat(after.annex().oldestOpen()).isEmpty();
        assertThat(after.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.key() + ": " + c.detail()).isTrue());
    }

    @Test
    void givenARollUpAlreadyCountedWhenASubAgencysAnswerIsAppealedAndItsFeesPaidThenTheNextRollUpCountsThem() {
        String paid = answered(streetA, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8));
        String appealed = answered(streetB, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8));
        AnnualReportView before = rollUp();
        assertThat(before.table4().get("reconsideration")).containsOnly(0L);
        assertThat(before.feesCollected().payments()).isZero();
        assertThat(before.annex().flags()).containsEntry("RECONSIDERATION_LATE", 0L)
                .containsEntry("FEE_AMOUNT_UNKNOWN", 0L);

        // Filed more than 60 days after the answer: flagged; upheld within the year.
        histories.deliver(appealed, new ReconsiderationFiled(appealed, 1, LocalDate.of(2021, 6, 1)),
                new ReconsiderationDecided(appealed, 1, AppealResult.UPHELD, LocalDate.of(2021, 8, 2)));
        histories.deliver(paid,
                new FeeNoticeIssued(paid, LocalDate.of(2021, 3, 2), new BigDecimal("100.00"), FeeMethod.PER_PAGE,
                        new BigDecimal("100.00"), null), new FeePaid(paid, LocalDate.of(2021, 3, 5)),
                new FeeNoticeIssued(paid, LocalDate.of(2021, 3, 6), null, FeeMethod.PER_PAGE, null, null),
                new FeePaid(paid, LocalDate.of(2021, 3, 7)));

        AnnualReportView after = rollUp();
        assertThat(after.table4().get("reconsideration")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(after.feesCollected()).isEqualTo(new AnnualReportView.FeesCollected(new BigDecimal("100.00"), 2));
        assertThat(check(after, "FEE_AMOUNTS_RECORDED").detail()).startsWith("1 笔");
        assertThat(after.annex().flags()).containsEntry("RECONSIDERATION_LATE", 1L)
                .containsEntry("FEE_AMOUNT_UNKNOWN", 1L);
        assertThat(report(streetB).table4().get("reconsideration")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(report(streetA).table4().get("reconsideration")).containsOnly(0L);
    }

    @Test
    void givenFactsCountedUnderOneAppealYearRuleWhenTheRollUpUsesTheOtherThenTable4FollowsThatRule() {
        String appealed = answered(streetA, LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 9));
        histories.deliver(appealed, new ReconsiderationFiled(appealed, 1, LocalDate.of(2020, 4, 1)),
                new ReconsiderationDecided(appealed, 1, AppealResult.UPHELD, LocalDate.of(2021, 2, 1)));

        assertThat(rollUp().table4().get("reconsideration")).as("filed in 2020").containsOnly(0L);
        AnnualReportView decidedInYear = statistics.report(district, "某区", List.of(district, streetA, streetB), true,
                2021, ReportTemplate.T2021, AppealYearRule.DECIDED_IN_YEAR);

        assertThat(decidedInYear.table4().get("reconsideration")).containsExactly(1L, 0L, 0L, 0L, 1L);
    }
}
