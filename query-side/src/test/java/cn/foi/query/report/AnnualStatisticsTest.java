package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Table 三, Table 四, the checks and the annex, counted on a real PostgreSQL from constructed histories (domain §2–3).
 * Today is 2022-03-15; each test uses an agency of its own.
 */
class AnnualStatisticsTest {

    private static ReportHistories histories;
    private static AnnualStatistics statistics;
    private String agency;
    private int agencies;

    @BeforeAll
    static void setUp() {
        histories = new ReportHistories("annual_statistics_test", LocalDate.of(2022, 3, 15));
        statistics = histories.statistics();
    }

    @AfterAll
    static void tearDown() {
        histories.destroy();
    }

    @BeforeEach
    void newAgency() {
        agency = "AG" + (++agencies) + "-" + System.nanoTime();
        histories.agency(agency, "某街道办事处", null);
    }

    @Test
    void everyOutcomeIsCountedInItsOwnRowAndColumnOfThe2021Template() {
        ApplicantCategory[] categories = ApplicantCategory.values();
        int n = 0;
        for (Outcome outcome : Outcome.values()) {
            ApplicantCategory category = categories[n % categories.length];
            String id = receive(category, LocalDate.of(2021, 3, 1));
            deliver(id, new RequestDecided(id, outcome, LocalDate.of(2021, 3, 20), null, "原因"));
            n++;
        }
        AnnualReportView report = report(2021, ReportTemplate.T2021);

        assertThat(report.table3().keySet()).containsExactlyElementsOf(ReportTemplate.T2021.table3Rows());
        n = 0;
        for (Outcome outcome : Outcome.values()) {
            long[] expected = new long[7];
            expected[n % 6] = 1;
            expected[6] = 1;
            assertThat(report.table3().get(outcome.name())).as(outcome.name()).containsExactly(box(expected));
            n++;
        }
        assertThat(report.table3().get("R1")).containsExactly(4L, 4L, 4L, 3L, 3L, 3L, 21L);
        assertThat(report.table3().get("R3_7")).containsExactly(4L, 4L, 4L, 3L, 3L, 3L, 21L);
        assertThat(report.table3().get("R2")).containsOnly(0L);
        assertThat(report.table3().get("R4")).containsOnly(0L);
        assertThat(report.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.key()).isTrue());
    }

    @Test
    void the2019TemplateCountsEveryOtherHandlingInOneRow() {
        for (Outcome outcome : List.of(Outcome.R3_6_1, Outcome.R3_6_2, Outcome.R3_6_3)) {
            String id = receive(ApplicantCategory.C2, LocalDate.of(2020, 5, 6));
            deliver(id, new RequestDecided(id, outcome, LocalDate.of(2020, 6, 1), null, "原因"));
        }
        AnnualReportView report = report(2020, ReportTemplate.T2019);

        assertThat(report.template()).isEqualTo("2019");
        assertThat(report.table3()).containsKey("R3_6").doesNotContainKeys("R3_6_1", "R3_6_2", "R3_6_3");
        assertThat(report.table3().get("R3_6")).containsExactly(0L, 3L, 0L, 0L, 0L, 0L, 3L);
        assertThat(report.table3()).hasSize(ReportTemplate.T2019.table3Rows().size());
    }

    @Test
    void requestsCarryOverFromYearToYearAndTheChecksHoldAcrossThreeYears() {
        String lateIn2019 = receive(ApplicantCategory.C1, LocalDate.of(2019, 12, 20));
        deliver(lateIn2019, new RequestDecided(lateIn2019, Outcome.R3_1, LocalDate.of(2020, 1, 10), null, ""));
        String longRunning = receive(ApplicantCategory.C3, LocalDate.of(2020, 12, 28));
        deliver(longRunning, new RequestDecided(longRunning, Outcome.R3_4_1, LocalDate.of(2021, 2, 1), null, ""));
        String stillOpen = receive(ApplicantCategory.C1, LocalDate.of(2021, 12, 30));

        AnnualReportView y2019 = report(2019, null);
        AnnualReportView y2020 = report(2020, null);
        AnnualReportView y2021 = report(2021, null);

        assertThat(y2019.table3().get("R1")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(y2019.table3().get("R4")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(y2020.table3().get("R2")).isEqualTo(y2019.table3().get("R4"));
        assertThat(y2020.table3().get("R3_1")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(y2020.table3().get("R4")).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 1L);
        assertThat(y2021.table3().get("R2")).isEqualTo(y2020.table3().get("R4"));
        assertThat(y2021.table3().get("R3_4_1")).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 1L);
        assertThat(y2021.table3().get("R4")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        for (AnnualReportView report : List.of(y2019, y2020, y2021)) {
            assertThat(report.checks()).allSatisfy(check -> assertThat(check.passed())
                    .as(report.year() + " " + check.key() + ": " + check.detail()).isTrue());
        }
        assertThat(y2021.annex().oldestOpen()).extracting(AnnualReportView.OldRequest::id).containsExactly(stillOpen);
    }

    @Test
    void aSupplementAcrossTheYearEndKeepsTheRequestInTheYearOfItsReceipt() {
        String id = receive(ApplicantCategory.C1, LocalDate.of(2020, 12, 28));
        deliver(id, new SupplementRequested(id, LocalDate.of(2020, 12, 29), LocalDate.of(2021, 1, 8), "写明文号", 1, false),
                new SupplementReceived(id, LocalDate.of(2021, 1, 5), 1),
                new RequestDecided(id, Outcome.R3_2, LocalDate.of(2021, 1, 20), null, ""));

        assertThat(report(2020, null).table3().get("R1")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(report(2020, null).table3().get("R4")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        AnnualReportView y2021 = report(2021, null);
        assertThat(y2021.table3().get("R1")).containsOnly(0L);
        assertThat(y2021.table3().get("R2")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(y2021.table3().get("R3_2")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
    }

    @Test
    void aCorrectedAnswerDateMovesTheRequestToTheYearItSays() {
        String id = receive(ApplicantCategory.C1, LocalDate.of(2020, 12, 1));
        deliver(id, new RequestDecided(id, Outcome.R3_1, LocalDate.of(2021, 1, 4), null, ""),
                new DecisionCorrected(id, Outcome.R3_3_4, LocalDate.of(2020, 12, 29), null, "", "答复日期录入有误"));

        assertThat(report(2020, null).table3().get("R3_3_4")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(report(2020, null).table3().get("R4")).containsOnly(0L);
        assertThat(report(2021, null).table3().get("R2")).containsOnly(0L);
        assertThat(report(2021, null).table3().get("R3_1")).containsOnly(0L);
    }

    @Test
    void aNewAnswerOrderedByAReconsiderationKeepsTheRequestInTheYearAndRowOfItsFirstAnswer() {
        String id = receive(ApplicantCategory.C1, LocalDate.of(2020, 11, 2));
        deliver(id, new RequestDecided(id, Outcome.R3_3_4, LocalDate.of(2020, 12, 1), null, ""));
        AnnualReportView before = report(2020, null);

        deliver(id, new ReconsiderationFiled(id, 1, LocalDate.of(2021, 1, 5)),
                new ReconsiderationDecided(id, 1, AppealResult.CORRECTED, LocalDate.of(2021, 3, 1)),
                new RequestRedecided(id, Outcome.R3_1, LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 2), "",
                        AppealKind.RECONSIDERATION, 1));

        AnnualReportView y2020 = report(2020, null);
        assertThat(y2020.table3()).isEqualTo(before.table3());
        assertThat(y2020.table3().get("R3_3_4")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(y2020.table3().get("R4")).containsOnly(0L);
        AnnualReportView y2021 = report(2021, null);
        assertThat(y2021.table3().values()).allSatisfy(row -> assertThat(row).containsOnly(0L));
        assertThat(y2021.table4().get("reconsideration")).containsExactly(0L, 1L, 0L, 0L, 1L);
        for (AnnualReportView report : List.of(y2020, y2021)) {
            assertThat(report.checks()).allSatisfy(check -> assertThat(check.passed())
                    .as(report.year() + " " + check.key() + ": " + check.detail()).isTrue());
        }
    }

    @Test
    void anAgencyWithoutRequestsReportsEveryRowAsZeros() {
        AnnualReportView report = report(2021, null);

        assertThat(report.table3()).hasSize(ReportTemplate.T2021.table3Rows().size());
        assertThat(report.table3().values()).allSatisfy(row -> assertThat(row).hasSize(7).containsOnly(0L));
        assertThat(report.table4().values()).allSatisfy(row -> assertThat(row).hasSize(5).containsOnly(0L));
        assertThat(report.checks()).hasSize(6).allSatisfy(check -> assertThat(check.passed()).isTrue());
        assertThat(report.feesCollected().amountYuan()).isEqualByComparingTo("0");
        assertThat(report.annex().answered()).isZero();
        assertThat(report.annex().medianWorkingDays()).isNull();
        assertThat(report.title()).isEqualTo("某街道办事处2021年度政府信息公开工作年度报告");
    }

    @Test
    void table4CountsTheCasesFiledInTheYearByTheirStatusAtItsEnd() {
        String answered = receive(ApplicantCategory.C1, LocalDate.of(2021, 2, 1));
        deliver(answered, new RequestDecided(answered, Outcome.R3_3_6, LocalDate.of(2021, 2, 20), null, ""),
                new ReconsiderationFiled(answered, 1, LocalDate.of(2021, 3, 10)),
                new ReconsiderationDecided(answered, 1, AppealResult.UPHELD, LocalDate.of(2021, 5, 10)),
                new LawsuitFiled(answered, 1, LocalDate.of(2021, 5, 20), true, 1),
                new LawsuitDecided(answered, 1, AppealResult.CORRECTED, LocalDate.of(2022, 1, 20)));
        String sued = receive(ApplicantCategory.C2, LocalDate.of(2020, 6, 1));
        deliver(sued, new RequestDecided(sued, Outcome.R3_1, LocalDate.of(2020, 6, 10), null, ""),
                new LawsuitFiled(sued, 1, LocalDate.of(2020, 11, 1), false, 0),
                new LawsuitDecided(sued, 1, AppealResult.OTHER, LocalDate.of(2021, 4, 1)));

        AnnualReportView filed = report(2021, null);
        assertThat(filed.table4Rule()).isEqualTo("FILED_IN_YEAR");
        assertThat(filed.table4().get("reconsideration")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(filed.table4().get("lawsuitAfterReconsideration")).containsExactly(0L, 0L, 0L, 1L, 1L);
        assertThat(filed.table4().get("lawsuitDirect")).containsOnly(0L);

        AnnualReportView decided = statistics.report(agency, "某街道办事处", List.of(agency), false, 2021,
                ReportTemplate.T2021, AppealYearRule.DECIDED_IN_YEAR);
        assertThat(decided.table4Rule()).isEqualTo("DECIDED_IN_YEAR");
        assertThat(decided.table4().get("lawsuitDirect")).containsExactly(0L, 0L, 1L, 0L, 1L);
        assertThat(decided.table4().get("lawsuitAfterReconsideration")).containsExactly(0L, 0L, 0L, 1L, 1L);
        assertThat(decided.checks()).allSatisfy(check -> assertThat(check.passed()).isTrue());
    }

    @Test
    void theFeesCollectedAreThePaymentsOfTheYear() {
        String paid = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
        deliver(paid, new FeeNoticeIssued(paid, LocalDate.of(2021, 3, 5), new BigDecimal("120.00"), FeeMethod.PER_PAGE),
                new FeePaid(paid, LocalDate.of(2021, 3, 9)));
        String unpaid = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
        deliver(unpaid, new FeeNoticeIssued(unpaid, LocalDate.of(2021, 3, 5), new BigDecimal("80.00"),
                FeeMethod.PER_REQUEST));
        String nextYear = receive(ApplicantCategory.C1, LocalDate.of(2021, 12, 1));
        deliver(nextYear, new FeeNoticeIssued(nextYear, LocalDate.of(2021, 12, 6), new BigDecimal("50.50"),
                FeeMethod.PER_PAGE), new FeePaid(nextYear, LocalDate.of(2022, 1, 4)));

        assertThat(report(2021, null).feesCollected().amountYuan()).isEqualByComparingTo("120.00");
        assertThat(report(2021, null).feesCollected().payments()).isEqualTo(1);
        assertThat(report(2022, null).feesCollected().amountYuan()).isEqualByComparingTo("50.50");
    }

    @Test
    void theAnnexMeasuresHowFastAndHowReliablyTheAgencyAnswered() {
        // Received Monday 2021-03-01: answered the same day, after 5 and after 25 working days (the last one late).
        for (LocalDate answered : List.of(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8),
                LocalDate.of(2021, 4, 6))) {
            String id = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
            deliver(id, new RequestDecided(id, Outcome.R3_1, answered, null, ""));
        }
        String withdrawn = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
        deliver(withdrawn, new RequestWithdrawn(withdrawn, LocalDate.of(2021, 3, 2), ""));

        AnnualReportView.Annex annex = report(2021, null).annex();
        assertThat(annex.answered()).isEqualTo(4);
        assertThat(annex.answeredWithinPeriod()).isEqualTo(3);
        assertThat(annex.answeredLate()).isEqualTo(1);
        assertThat(annex.withinPeriodShare()).isEqualTo(0.75);
        assertThat(annex.lowestWorkingDays()).isEqualTo("<1");
        assertThat(annex.highestWorkingDays()).isEqualTo("25");
        assertThat(annex.medianWorkingDays()).isEqualTo("3");
        assertThat(annex.responseTimeBuckets()).containsEntry("<1", 1L).containsEntry("1-20", 2L)
                .containsEntry("21-40", 1L);
        assertThat(annex.byChannel()).containsEntry(Channel.ONLINE.label(), 4L);
        assertThat(annex.receivedInYear()).isEqualTo(4);
    }

    // ---- histories

    private AnnualReportView report(int year, ReportTemplate template) {
        return statistics.report(agency, "某街道办事处", List.of(agency), false, year,
                template == null ? ReportTemplate.forYear(year) : template, AppealYearRule.FILED_IN_YEAR);
    }

    /** A request received on the day, due twenty working days later. */
    private String receive(ApplicantCategory category, LocalDate on) {
        return histories.receive(agency, category, on);
    }

    private static void deliver(String id, RequestEvent... events) {
        histories.deliver(id, events);
    }

    private static Long[] box(long[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
