package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.query.report.AnnualReportView.Check;
import cn.foi.query.report.AnnualStatistics.RequestList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks of Table 三 can fail: each compares the table with quantities counted apart from it (the request list's
 * own counts, last year's stock of open requests, last year's published report), so rows planted in the query tables
 * that no valid history produces make them fail, while consistent histories pass them. Today is 2026-03-15; each test
 * uses an agency of its own and the year 2025.
 */
class ReportChecksTest {

    private static ReportHistories histories;
    private String agency;
    private int agencies;

    @BeforeAll
    static void setUp() {
        histories = new ReportHistories("report_checks_test", LocalDate.of(2026, 3, 15));
    }

    @AfterAll
    static void tearDown() {
        histories.destroy();
    }

    @BeforeEach
    void newAgency() {
        agency = "CHK" + (++agencies) + "-" + System.nanoTime();
        histories.agency(agency, "某街道办事处", null);
    }

    /** Carried over from 2024, answered in 2025; received and answered in 2025; received in 2025 and still open. */
    private String consistentHistories() {
        String carried = histories.receive(agency, ApplicantCategory.C1, LocalDate.of(2024, 12, 20));
        histories.deliver(carried, new RequestDecided(carried, Outcome.R3_1, LocalDate.of(2025, 1, 10), null, "原因"));
        String answered = histories.receive(agency, ApplicantCategory.C2, LocalDate.of(2025, 3, 3));
        histories.deliver(answered, new RequestDecided(answered, Outcome.R3_2, LocalDate.of(2025, 3, 20), null, "原因"));
        histories.receive(agency, ApplicantCategory.C1, LocalDate.of(2025, 12, 22));
        return answered;
    }

    private Check check(AnnualReportView report, String key) {
        return report.checks().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(() ->
                new AssertionError("no check " + key + " in " + report.checks()));
    }

    private AnnualReportView report() {
        return histories.report(agency, "某街道办事处", 2025, null);
    }

    @Test
    void givenConsistentHistoriesWhenTheReportIsCountedThenEveryCheckPasses() {
        consistentHistories();

        AnnualReportView report = report();

        assertThat(report.table3().get("R2")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.key() + ": " + c.detail()).isTrue());
        assertThat(check(report, "TABLE3_BALANCE").detail()).isEqualTo("合计列：2 + 1 = 2 + 1");
        assertThat(check(report, "COUNTED_ONCE").detail()).startsWith("申请台账中本年度涉及申请 3 件");
    }

    @Test
    void givenARequestListedAsClosedBeforeItWasReceivedThenCarryOverCountedOnceAndBalanceFail() {
        String answered = consistentHistories();
        // No history closes a request before it arrives: a row of the request list gone wrong.
        histories.jdbc().update("update request_summary set closed_on = date '2024-12-20' where id = ?", answered);

        AnnualReportView report = report();

        // Table 三 selects the requests open during the year, so it silently drops the row...
        assertThat(report.table3().get("R1")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        // ...and the checks, counting on their own, notice.
        Check carryOver = check(report, "CARRY_OVER");
        assertThat(carryOver.passed()).isFalse();
        assertThat(carryOver.detail()).isEqualTo("本年上年结转 [1, 0, 0, 0, 0, 0, 1]；2024 年结转下年 [1, -1, 0, 0, 0, 0, 0]");
        Check countedOnce = check(report, "COUNTED_ONCE");
        assertThat(countedOnce.passed()).isFalse();
        assertThat(countedOnce.detail()).isEqualTo("申请台账中本年度涉及申请 3 件；第一项加第二项 2 件；第三项总计加第四项 2 件");
        Check balance = check(report, "TABLE3_BALANCE");
        assertThat(balance.passed()).isFalse();
        assertThat(balance.detail()).contains("商业企业列新收：表三 0，申请台账 1",
                "总计列新收：表三 1，申请台账 2");
    }

    @Test
    void givenARequestClosedInTheYearButReceivedAfterItThenOnlyTheBalanceFails() {
        consistentHistories();
        String late = histories.receive(agency, ApplicantCategory.C1, LocalDate.of(2026, 1, 5));
        histories.jdbc().update("update request_summary set closed_on = date '2025-12-20', outcome = 'R3_1' "
                + "where id = ?", late);

        AnnualReportView report = report();

        Check balance = check(report, "TABLE3_BALANCE");
        assertThat(balance.passed()).isFalse();
        assertThat(balance.detail()).contains("总计列办结：表三 2，申请台账 3",
                "总计列：申请台账新收加上年结转 3 ≠ 办结加结转下年度 4");
        assertThat(check(report, "COUNTED_ONCE").passed()).isTrue();
        assertThat(check(report, "CARRY_OVER").passed()).isTrue();
    }

    @Test
    void givenTable3FiguresThatBalanceAmongThemselvesButNotWithTheRequestListThenTheBalanceFails() {
        Map<String, long[]> table3 = new LinkedHashMap<>();
        ReportTemplate.T2021.table3Rows().forEach(row -> table3.put(row, new long[AnnualStatistics.COLUMNS]));
        long[] counted = {2, 0, 0, 0, 0, 0, 2};
        RequestList list = new RequestList(counted.clone(), new long[7], counted.clone(), new long[7], 2);
        table3.put("R1", counted.clone());
        table3.put("R3_1", counted.clone());
        table3.put("R3_7", counted.clone());
        assertThat(AnnualStatistics.balance(table3, list).passed()).isTrue();

        // One request too many in 一 and in 三 alike: 一 + 二 = 三 + 四 still holds within the table.
        table3.put("R1", new long[] {3, 0, 0, 0, 0, 0, 3});
        table3.put("R3_7", new long[] {3, 0, 0, 0, 0, 0, 3});

        Check balance = AnnualStatistics.balance(table3, list);
        assertThat(balance.passed()).isFalse();
        assertThat(balance.detail()).contains("总计列新收：表三 3，申请台账 2", "总计列办结：表三 3，申请台账 2");
    }

    @Test
    void givenLastYearsPublishedReportWhoseCarryOverDiffersThenThePublishedCarryOverCheckFails() {
        consistentHistories();
        histories.publish(agency, "某街道办事处", 2024, 1, null);
        assertThat(check(report(), "CARRY_OVER_PUBLISHED").passed()).isTrue();

        // The published 2024 report says two requests were carried into 2025; the 2025 report counts one.
        histories.jdbc().update("update report_publication set report = jsonb_set(report, '{table3,R4}', "
                + "'[2, 0, 0, 0, 0, 0, 2]'::jsonb) where agency_code = ? and year = 2024", agency);

        Check published = check(report(), "CARRY_OVER_PUBLISHED");
        assertThat(published.passed()).isFalse();
        assertThat(published.detail()).contains("本年上年结转 [1, 0, 0, 0, 0, 0, 1]", "结转下年 [2, 0, 0, 0, 0, 0, 2]");
        assertThat(List.of(check(report(), "CARRY_OVER").passed())).containsExactly(true);
    }
}
