package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Table 三 (domain §2.1): each request once in R1 or R2 and once in the row of its outcome or R4, by its business
 * dates, in the column of its applicant's category. First the counting rule on requests as the report reads them, then
 * on real PostgreSQL from constructed histories.
 */
class Table3CountsTest extends OneAgencyReports {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2021, 12, 31);

    @Nested
    class TheCountingRule {

        @Test
        void givenRequestsOpenAcrossEitherYearEndThenEachCountsOnceOnEachSideOfTheBalance() {
            CountedRequest carriedAndAnswered = request(ApplicantCategory.C1, LocalDate.of(2020, 12, 20),
                    LocalDate.of(2021, 1, 10), Outcome.R3_1);
            CountedRequest receivedAndOpen = request(ApplicantCategory.C2, LocalDate.of(2021, 3, 1), null, null);
            CountedRequest carriedAndOpen = request(ApplicantCategory.C3, LocalDate.of(2020, 6, 1), null, null);
            CountedRequest answeredNextYear = request(ApplicantCategory.C3, LocalDate.of(2021, 12, 30),
                    LocalDate.of(2022, 1, 4), Outcome.R3_2);

            Map<String, long[]> table3 = Table3Counts.count(
                    List.of(carriedAndAnswered, receivedAndOpen, carriedAndOpen, answeredNextYear),
                    ReportTemplate.T2021, START, END);

            assertThat(table3.get("R1")).containsExactly(0, 1, 1, 0, 0, 0, 2);
            assertThat(table3.get("R2")).containsExactly(1, 0, 1, 0, 0, 0, 2);
            assertThat(table3.get("R3_1")).containsExactly(1, 0, 0, 0, 0, 0, 1);
            assertThat(table3.get("R3_2")).containsOnly(0);
            assertThat(table3.get("R3_7")).containsExactly(1, 0, 0, 0, 0, 0, 1);
            assertThat(table3.get("R4")).containsExactly(0, 1, 2, 0, 0, 0, 3);
            assertThat(ReportChecks.withinTable3(table3, ReportTemplate.T2021))
                    .allSatisfy(check -> assertThat(check.passed()).as(check.key()).isTrue());
        }

        @Test
        void givenThe2019TemplateThenEveryOtherHandlingCountsInItsSingleRow() {
            CountedRequest other = request(ApplicantCategory.C6, LocalDate.of(2020, 5, 6), LocalDate.of(2020, 6, 1),
                    Outcome.R3_6_2);

            Map<String, long[]> table3 = Table3Counts.count(List.of(other), ReportTemplate.T2019,
                    LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));

            assertThat(table3.keySet()).containsExactlyElementsOf(ReportTemplate.T2019.table3Rows());
            assertThat(table3.get("R3_6")).containsExactly(0, 0, 0, 0, 0, 1, 1);
            assertThat(table3.get("R3_7")).containsExactly(0, 0, 0, 0, 0, 1, 1);
        }

        @Test
        void givenTwoAgenciesTablesThenTheirSumIsCellByCell() {
            Map<String, long[]> a = Table3Counts.count(List.of(request(ApplicantCategory.C1, LocalDate.of(2021, 2, 1),
                    null, null)), ReportTemplate.T2021, START, END);
            Map<String, long[]> b = Table3Counts.count(List.of(request(ApplicantCategory.C2, LocalDate.of(2021, 2, 1),
                    LocalDate.of(2021, 2, 3), Outcome.R3_1)), ReportTemplate.T2021, START, END);

            Map<String, long[]> sum = Table3Counts.sum(List.of(a, b), ReportTemplate.T2021);

            assertThat(sum.get("R1")).containsExactly(1, 1, 0, 0, 0, 0, 2);
            assertThat(sum.get("R3_7")).containsExactly(0, 1, 0, 0, 0, 0, 1);
            assertThat(sum.get("R4")).containsExactly(1, 0, 0, 0, 0, 0, 1);
            assertThat(a.get("R1")).as("the agencies' own tables are left as they were")
                    .containsExactly(1, 0, 0, 0, 0, 0, 1);
        }

        private static CountedRequest request(ApplicantCategory category, LocalDate received, LocalDate closed,
                                              Outcome outcome) {
            return new CountedRequest(category + "-" + received, "AG", "案-" + received, category, Channel.ONLINE,
                    received, closed, outcome, received.plusDays(28), false, false);
        }
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
        assertEveryCheckPassed(report);
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
        List.of(y2019, y2020, y2021).forEach(OneAgencyReports::assertEveryCheckPassed);
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
        List.of(y2020, y2021).forEach(OneAgencyReports::assertEveryCheckPassed);
    }

    private static Long[] box(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
