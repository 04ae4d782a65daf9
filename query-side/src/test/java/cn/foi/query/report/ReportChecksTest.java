package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.query.report.AnnualReportView.Check;
import cn.foi.query.report.ReportChecks.RequestList;
import java.math.BigDecimal;
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
 *
 * <p>Every check the report shows is made to fail here, with what it says: TABLE3_BALANCE (against the request list,
 * and within a published version's figures), TABLE3_OUTCOME_TOTAL, TABLE3_ROW_TOTAL, CARRY_OVER, CARRY_OVER_PUBLISHED,
 * COUNTED_ONCE, TABLE4_TOTALS and FEE_AMOUNTS_RECORDED. The checks of figures counted by the loop that also fills their
 * totals cannot fail on a report counted now; they fail on the figures given to the pure functions, and on a published
 * version whose frozen figures were altered.
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
        table3.putAll(Table3Counts.empty(ReportTemplate.T2021));
        long[] counted = {2, 0, 0, 0, 0, 0, 2};
        RequestList list = new RequestList(counted.clone(), new long[7], counted.clone(), new long[7], 2);
        table3.put("R1", counted.clone());
        table3.put("R3_1", counted.clone());
        table3.put("R3_7", counted.clone());
        assertThat(ReportChecks.balance(table3, list).passed()).isTrue();

        // One request too many in 一 and in 三 alike: 一 + 二 = 三 + 四 still holds within the table.
        table3.put("R1", new long[] {3, 0, 0, 0, 0, 0, 3});
        table3.put("R3_7", new long[] {3, 0, 0, 0, 0, 0, 3});

        Check balance = ReportChecks.balance(table3, list);
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

    // ---- the checks of the report's own figures, as a published version's are checked

    /** Table 三 of two requests received and answered (R3_1) by 自然人, every check of its own figures passing. */
    private static Map<String, long[]> twoAnswered() {
        Map<String, long[]> table3 = Table3Counts.empty(ReportTemplate.T2021);
        long[] two = {2, 0, 0, 0, 0, 0, 2};
        table3.put("R1", two.clone());
        table3.put("R3_1", two.clone());
        table3.put("R3_7", two.clone());
        return table3;
    }

    private static Check within(Map<String, long[]> table3, String key) {
        return ReportChecks.withinTable3(table3, ReportTemplate.T2021).stream().filter(c -> c.key().equals(key))
                .findFirst().orElseThrow();
    }

    @Test
    void givenConsistentFiguresThenEveryCheckOfTheirOwnPasses() {
        assertThat(ReportChecks.withinTable3(twoAnswered(), ReportTemplate.T2021))
                .extracting(Check::key, Check::passed, Check::detail)
                .containsExactly(tuple("TABLE3_BALANCE", true, "合计列：2 + 0 = 2 + 0"),
                        tuple("TABLE3_OUTCOME_TOTAL", true, "合计列：总计 2"),
                        tuple("TABLE3_ROW_TOTAL", true, "各行均相符"));
    }

    @Test
    void givenMoreRequestsInThanOutThenTheBalanceOfTheFiguresFails() {
        Map<String, long[]> table3 = twoAnswered();
        table3.put("R2", new long[] {1, 0, 0, 0, 0, 0, 1}); // carried in, but neither answered nor carried out

        Check balance = within(table3, "TABLE3_BALANCE");

        assertThat(balance.passed()).isFalse();
        assertThat(balance.rule()).isEqualTo("每列：第一项加第二项之和，等于第三项加第四项之和");
        assertThat(balance.detail()).isEqualTo("自然人列：3 ≠ 2；总计列：3 ≠ 2");
        assertThat(within(table3, "TABLE3_OUTCOME_TOTAL").passed()).isTrue();
        assertThat(within(table3, "TABLE3_ROW_TOTAL").passed()).isTrue();
    }

    @Test
    void givenAnOutcomeTotalThatIsNotTheSumOfTheOutcomesThenTheOutcomeTotalCheckFails() {
        Map<String, long[]> table3 = twoAnswered();
        table3.put("R3_1", new long[] {1, 0, 0, 0, 0, 0, 1}); // one answer lost from its row, still in the total
        table3.put("R4", new long[] {0, 0, 0, 0, 0, 0, 0});

        Check outcomes = within(table3, "TABLE3_OUTCOME_TOTAL");

        assertThat(outcomes.passed()).isFalse();
        assertThat(outcomes.rule()).isEqualTo("每列：（七）总计等于各项办理结果之和");
        assertThat(outcomes.detail()).isEqualTo("自然人列：总计 2，各项之和 1；总计列：总计 2，各项之和 1");
        assertThat(within(table3, "TABLE3_BALANCE").passed()).isTrue();
    }

    @Test
    void givenARowTotalThatIsNotTheSumOfItsColumnsThenTheRowTotalCheckFails() {
        Map<String, long[]> table3 = twoAnswered();
        table3.put("R3_1", new long[] {1, 1, 0, 0, 0, 0, 3});

        Check rows = within(table3, "TABLE3_ROW_TOTAL");

        assertThat(rows.passed()).isFalse();
        assertThat(rows.rule()).isEqualTo("每行：总计等于各类申请人之和");
        assertThat(rows.detail()).isEqualTo("R3_1：总计 3，各列之和 2");
    }

    @Test
    void givenATable4TotalThatIsNotTheSumOfItsGroupThenTheTable4TotalsCheckFails() {
        Map<String, long[]> table4 = RemedyCounts.none();
        table4.put("reconsideration", new long[] {1, 1, 0, 0, 2});
        table4.put("lawsuitAfterReconsideration", new long[] {0, 0, 1, 1, 1});
        assertThat(ReportChecks.table4Totals(RemedyCounts.none()).detail())
                .isEqualTo("行政复议 0 件，直接起诉 0 件，复议后起诉 0 件");

        Check totals = ReportChecks.table4Totals(table4);

        assertThat(totals.passed()).isFalse();
        assertThat(totals.rule()).isEqualTo("表四：每组的总计等于结果维持、结果纠正、其他结果、尚未审结之和");
        assertThat(totals.detail()).isEqualTo("复议后起诉：总计 1，四项之和 2");
    }

    @Test
    void givenFeesPaidWithoutAnAmountThenTheFeeAmountsCheckFailsAndWithoutThemIsNotShown() {
        assertThat(ReportChecks.feeAmountsRecorded(new FeeTotals(new BigDecimal("30.00"), 3, 0))).isEmpty();

        Check fees = ReportChecks.feeAmountsRecorded(new FeeTotals(new BigDecimal("30.00"), 5, 2)).orElseThrow();

        assertThat(fees.key()).isEqualTo("FEE_AMOUNTS_RECORDED");
        assertThat(fees.passed()).isFalse();
        assertThat(fees.rule()).isEqualTo("本年度已缴纳的信息处理费均记录了金额");
        assertThat(fees.detail()).isEqualTo("2 笔已缴费的收费通知金额未记录（台账导入时未填写收费金额），第六部分的收费金额不含这些费用，请补录后再发布");
    }

    @Test
    void givenAPublishedVersionWhoseFrozenFiguresNoLongerAddUpThenItsChecksFail() {
        consistentHistories();
        histories.publish(agency, "某街道办事处", 2025, 1, null);
        assertThat(histories.reports().published(agency, "某街道办事处", 2025, 1).orElseThrow().checks())
                .allSatisfy(c -> assertThat(c.passed()).as(c.key() + ": " + c.detail()).isTrue());

        // The frozen figures altered where no publication would put them: R3_7 one more than its outcomes and columns,
        // and a 行政复议 total without a case.
        histories.jdbc().update("update report_publication set report = jsonb_set(jsonb_set(report, '{table3,R3_7}', "
                + "'[1, 1, 0, 0, 0, 0, 3]'::jsonb), '{table4,reconsideration}', '[0, 0, 0, 0, 1]'::jsonb) "
                + "where agency_code = ? and year = 2025", agency);

        AnnualReportView published = histories.reports().published(agency, "某街道办事处", 2025, 1).orElseThrow();
        assertThat(published.checks()).filteredOn(c -> !c.passed()).extracting(Check::key, Check::detail)
                .containsExactly(
                        tuple("TABLE3_BALANCE", "总计列：3 ≠ 4"),
                        tuple("TABLE3_OUTCOME_TOTAL", "总计列：总计 3，各项之和 2"),
                        tuple("TABLE3_ROW_TOTAL", "R3_7：总计 3，各列之和 2"),
                        tuple("TABLE4_TOTALS", "行政复议：总计 1，四项之和 0"));
    }
}
