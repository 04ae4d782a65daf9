package cn.foi.query.report;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.AnnualReportRepublished;
import cn.foi.events.report.PublishedReport;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.ReportTextsEntered;
import cn.foi.events.report.Table2FiguresEntered;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.TestFixtures;
import cn.foi.query.calendar.CalendarProjection;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.RequestProjection;
import cn.foi.query.request.RequestFlags;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Constructed histories for the tests of the report and its documents: requests, entries and publications delivered
 * straight to the projections of a database of the test's own, and the report built from them as the API builds it.
 */
public final class ReportHistories {

    private static final Instant AT = Instant.parse("2026-01-20T02:00:00Z");

    private final QueryDatabase database;
    private final RequestProjection requests;
    private final ReportFactsProjection facts;
    private final DirectoryProjection directory;
    private final AnnualReportProjection entries;
    private final AnnualStatistics statistics;
    private final AnnualReports reports;
    private final Map<String, Integer> sequences = new HashMap<>();
    private int requestCount;

    /** A fresh database named for the test class; today is {@code today}. */
    public ReportHistories(String databaseName, LocalDate today) {
        database = TestFixtures.database(databaseName);
        requests = new RequestProjection(database, new BatchedWrites(database), TestFixtures.json());
        facts = new ReportFactsProjection(database, new BatchedWrites(database));
        directory = new DirectoryProjection(database, change -> { });
        entries = new AnnualReportProjection(database, TestFixtures.json());
        CalendarProjection calendar = new CalendarProjection(database);
        requests.reset();
        facts.reset();
        directory.reset();
        entries.reset();
        calendar.reset();
        TestFixtures.nationalYears().forEach(calendar::on);
        Clock clock = TestFixtures.clockOn(today);
        statistics = new AnnualStatistics(database, new AgencyCalendars(database), new RequestFlags(database), clock);
        reports = new AnnualReports(statistics, entries);
    }

    public void destroy() {
        database.destroy();
    }

    /** The query database, for tests that plant rows the projections would never write. */
    public JdbcTemplate jdbc() {
        return database.jdbc();
    }

    public DirectoryProjection directory() {
        return directory;
    }

    public AnnualStatistics statistics() {
        return statistics;
    }

    public AnnualReports reports() {
        return reports;
    }

    public void agency(String code, String name, String parent) {
        directory.on(new AgencyRegistered(code, name, parent));
    }

    /** A request received on the day, due twenty working days later. */
    public String receive(String agency, ApplicantCategory category, LocalDate on) {
        String id = agency + "-" + (++requestCount);
        deliver(id, new RequestReceived(id, agency, "第" + requestCount + "号",
                        new Applicant(category, "申请人", null, null, null), Channel.ONLINE, on, on, on, "某文件", 1,
                        RequestedForm.ELECTRONIC),
                new AnswerDueDateChanged(id, WorkingDayCalendar.national().addWorkingDays(on, 20),
                        DueDateReason.RECEIVED, "第 20 个工作日"));
        return id;
    }

    public void deliver(String id, RequestEvent... events) {
        for (RequestEvent event : events) {
            int sequence = sequences.merge(id, 1, Integer::sum) - 1;
            requests.on(event, sequence, AT, "clerk");
            if (event instanceof ReconsiderationFiled e) {
                facts.on(e);
            } else if (event instanceof ReconsiderationDecided e) {
                facts.on(e);
            } else if (event instanceof LawsuitFiled e) {
                facts.on(e);
            } else if (event instanceof LawsuitDecided e) {
                facts.on(e);
            } else if (event instanceof FeeNoticeIssued e) {
                facts.on(e, sequence);
            } else if (event instanceof FeePaid e) {
                facts.on(e, sequence);
            }
        }
    }

    public void enterTable2(String agency, int year, String template, Map<String, BigDecimal> figures) {
        entries.on(new Table2FiguresEntered(agency, year, template, figures));
    }

    public void enterTexts(String agency, int year, String overview, String problems, String otherMatters) {
        entries.on(new ReportTextsEntered(agency, year, overview, problems, otherMatters));
    }

    /** Publishes what the report shows now, as a supervisor would after reading it. */
    public PublishedReport publish(String agency, String name, int year, int version, String reason) {
        AnnualReportView current = report(agency, name, year, null);
        PublishedReport content = current.publishable();
        if (version == 1) {
            entries.on(new AnnualReportPublished(agency, year, 1, current.template(), ReportContent.hash(content),
                    content), AT, "supervisor");
        } else {
            entries.on(new AnnualReportRepublished(agency, year, version, current.template(),
                    ReportContent.hash(content), content, reason), AT, "supervisor");
        }
        return content;
    }

    /** The report as the API builds it for one agency; the year's own template unless one is given. */
    public AnnualReportView report(String agency, String name, int year, ReportTemplate template) {
        return reports.report(agency, name, List.of(agency), false, year,
                template == null ? ReportTemplate.forYear(year) : template, AppealYearRule.FILED_IN_YEAR);
    }
}
