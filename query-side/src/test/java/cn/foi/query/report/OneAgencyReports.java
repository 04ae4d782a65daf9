package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.RequestEvent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The report's figures counted on a real PostgreSQL from constructed histories, one agency per test, in a database named
 * for the test class. Today is 2022-03-15.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneAgencyReports {

    protected ReportHistories histories;
    protected AnnualStatistics statistics;
    protected String agency;
    private int agencies;

    @BeforeAll
    void setUp() {
        String name = getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        histories = new ReportHistories(name, LocalDate.of(2022, 3, 15));
        statistics = histories.statistics();
    }

    @AfterAll
    void tearDown() {
        histories.destroy();
    }

    @BeforeEach
    void newAgency() {
        agency = "AG" + (++agencies) + "-" + System.nanoTime();
        histories.agency(agency, "某街道办事处", null);
    }

    /** The agency's report of the year, in the year's own template unless one is given, appeals by their filing. */
    protected AnnualReportView report(int year, ReportTemplate template) {
        return report(year, template, AppealYearRule.FILED_IN_YEAR);
    }

    protected AnnualReportView report(int year, ReportTemplate template, AppealYearRule rule) {
        return statistics.report(agency, "某街道办事处", List.of(agency), false, year,
                template == null ? ReportTemplate.forYear(year) : template, rule);
    }

    /** A request received on the day, due twenty working days later. */
    protected String receive(ApplicantCategory category, LocalDate on) {
        return histories.receive(agency, category, on);
    }

    protected void deliver(String id, RequestEvent... events) {
        histories.deliver(id, events);
    }

    /** Every check of the report passed, each named with what it compared if not. */
    protected static void assertEveryCheckPassed(AnnualReportView report) {
        assertThat(report.checks()).allSatisfy(check ->
                assertThat(check.passed())
                        .as(report.year() + " " + check.key() + ": " + check.detail()).isTrue());
    }
}
