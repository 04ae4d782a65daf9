package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The report as {@link AnnualStatistics} composes it from Table 三, Table 四, the fees, the annex and the checks, on
 * real PostgreSQL (domain §2–3). The parts have tests of their own; how kept facts roll up is in {@link AgencyFactsTest}.
 */
class AnnualStatisticsTest extends OneAgencyReports {

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
}
