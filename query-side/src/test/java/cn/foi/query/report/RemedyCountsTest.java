package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table 四 (domain §2.2): 行政复议, 直接起诉 and 复议后起诉 by their result at the year's end, in the year the agency's
 * appeal year rule says; counted on real PostgreSQL from constructed histories.
 */
class RemedyCountsTest extends OneAgencyReports {

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
    void givenAReconsiderationDecidedBeforeTheYearThenTheDecidedInYearRuleLeavesItOut() {
        String id = receive(ApplicantCategory.C1, LocalDate.of(2020, 2, 3));
        deliver(id, new RequestDecided(id, Outcome.R3_1, LocalDate.of(2020, 2, 10), null, ""),
                new ReconsiderationFiled(id, 1, LocalDate.of(2020, 3, 2)),
                new ReconsiderationDecided(id, 1, AppealResult.CORRECTED, LocalDate.of(2020, 6, 1)));

        assertThat(report(2020, null, AppealYearRule.DECIDED_IN_YEAR).table4().get("reconsideration"))
                .containsExactly(0L, 1L, 0L, 0L, 1L);
        assertThat(report(2021, null, AppealYearRule.DECIDED_IN_YEAR).table4().get("reconsideration"))
                .containsOnly(0L);
        assertThat(report(2021, null, AppealYearRule.FILED_IN_YEAR).table4().get("reconsideration"))
                .containsOnly(0L);
    }

    @Test
    void givenTwoAgenciesTable4ThenTheirSumIsCellByCellAndEachGroupStillAddsUp() {
        var a = RemedyCounts.none();
        a.get("reconsideration")[0] = 1;
        a.get("reconsideration")[RemedyCounts.TOTAL] = 1;
        var b = RemedyCounts.none();
        b.get("reconsideration")[RemedyCounts.PENDING] = 2;
        b.get("reconsideration")[RemedyCounts.TOTAL] = 2;

        var sum = RemedyCounts.sum(List.of(a, b));

        assertThat(sum.get("reconsideration")).containsExactly(1, 0, 0, 2, 3);
        assertThat(sum.get("lawsuitDirect")).containsOnly(0);
        assertThat(ReportChecks.table4Totals(sum).passed()).isTrue();
    }
}
