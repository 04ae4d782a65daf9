package cn.foi.benchmark;

import cn.foi.allinone.AllInOneApplication;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.QuerySideConfiguration;
import cn.foi.testsupport.FoiApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The annual report at scale: N requests over A agencies (about five events each) stored, published to Kafka and
 * projected by the all-in-one in this JVM; then a full replay of the query side's projections from Kafka, the report of
 * one agency and year, and the roll-up of all agencies, each next to what a CRUD system does: a plain SQL GROUP BY over
 * a flat table of the same requests, in the same run. Prints figures; asserts nothing.
 *
 * <p>The histories are appended to the event store directly (they are valid histories, not produced by commands): this
 * benchmark measures projections and reports, not commands, and the command path has its own benchmark.
 */
public final class ReportBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-1";

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("n", "100000"));
        int agencyCount = Integer.parseInt(System.getProperty("agencies", "500"));
        int year = 2025;
        Path data = Files.createTempDirectory("foi-report-bench");
        System.out.printf("starting the all-in-one in this JVM (data in %s)...%n", data);
        try (AllInOneApplication.Running running = AllInOneApplication.start(data, 0,
                Map.of("server.port", "0", "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "logging.level.root", "WARN"))) {
            run(running.context(), running.port(), n, agencyCount, year);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int port, int n, int agencyCount, int year)
            throws Exception {
        FoiApi admin = FoiApi.anonymous("http://localhost:" + port).as("admin", ADMIN_PASSWORD);
        CommandGateway commands = context.getBean(CommandGateway.class);
        List<String> agencies = Bench.cityWithStreetOffices(commands, agencyCount);

        System.out.printf("appending the histories of %d requests over %d agencies...%n", n, agencyCount);
        long appendStart = System.nanoTime();
        long events = appendHistories(context, agencies, n, year);
        double appendSeconds = Bench.seconds(appendStart);
        admin.awaitCaughtUp(Duration.ofMinutes(30));
        double firstProjection = Bench.seconds(appendStart);
        System.out.printf("  %d events appended in %.1f s; published and projected after %.1f s%n", events,
                appendSeconds, firstProjection);

        System.out.println("full replay of the query side's projections from Kafka...");
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        long replayStart = System.nanoTime();
        for (String name : QuerySideConfiguration.PROCESSORS) {
            TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        Thread.sleep(1000); // let the processors claim their reset tokens before asking whether they caught up
        admin.awaitCaughtUp(Duration.ofMinutes(30));
        double replaySeconds = Bench.seconds(replayStart);

        FoiApi supervisor = admin;
        String one = agencies.get(agencies.size() / 2);
        String reportPath = "/api/agencies/" + one + "/reports/" + year;
        String rollUpPath = "/api/agencies/CITY/reports/" + year + "?includeSubordinates=true";
        double reportMs = medianMillis(() -> supervisor.get(reportPath).expect(200), 20);
        double rollUpMs = medianMillis(() -> supervisor.get(rollUpPath).expect(200), 7);

        DataSource queryDb = new DriverManagerDataSource(context.getEnvironment()
                .getProperty("foi.query.datasource.url"), context.getEnvironment()
                .getProperty("foi.query.datasource.username"), context.getEnvironment()
                .getProperty("foi.query.datasource.password"));
        JdbcTemplate sql = new JdbcTemplate(queryDb);
        sql.execute("drop table if exists crud_requests");
        sql.execute("create table crud_requests as select id, agency_code, applicant_category, received_on, closed_on, "
                + "outcome from request_summary");
        sql.execute("create index on crud_requests (agency_code)");
        sql.execute("analyze crud_requests");
        String groupBy = "select applicant_category, "
                + "count(*) filter (where received_on >= ? ) r1, "
                + "count(*) filter (where received_on < ?) r2, "
                + "count(*) filter (where closed_on <= ?) r3, "
                + "count(*) filter (where closed_on is null or closed_on > ?) r4, "
                + "outcome from crud_requests where agency_code = any(?) and received_on <= ? "
                + "and (closed_on is null or closed_on >= ?) group by applicant_category, outcome";
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Supplier<Object> crudOne = () -> sql.queryForList(groupBy, start, start, end, end, new String[] {one}, end,
                start);
        Supplier<Object> crudAll = () -> sql.queryForList(groupBy, start, start, end, end,
                agencies.toArray(String[]::new), end, start);
        double crudOneMs = medianMillis(crudOne::get, 20);
        double crudAllMs = medianMillis(crudAll::get, 7);

        long peakKib = Bench.statusKib("VmHWM");
        System.out.println();
        System.out.println("== Report benchmark: all-in-one in one JVM, " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB ==");
        System.out.printf("requests / agencies / events        : %d / %d / %d%n", n, agencyCount, events);
        System.out.printf(Locale.ROOT, "first projection (append→caught up): %.1f s, %.0f events/s%n", firstProjection,
                events / firstProjection);
        System.out.printf(Locale.ROOT, "full replay of the projections      : %.1f s, %.0f events/s   (goal ≥ 5,000: %s)%n",
                replaySeconds, events / replaySeconds, events / replaySeconds >= 5000 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "report of one agency and year (HTTP): %.1f ms median   (goal < 50 ms: %s)%n",
                reportMs, reportMs < 50 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "roll-up of %d agencies (HTTP)      : %.1f ms median   (goal < 500 ms: %s)%n",
                agencyCount, rollUpMs, rollUpMs < 500 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "CRUD GROUP BY, one agency (SQL only): %.2f ms median; ratio report/CRUD %.1f%n",
                crudOneMs, reportMs / crudOneMs);
        System.out.printf(Locale.ROOT, "CRUD GROUP BY, all agencies         : %.2f ms median; ratio roll-up/CRUD %.1f   "
                + "(goal ≤ 3: %s)%n", crudAllMs, rollUpMs / crudAllMs, rollUpMs / crudAllMs <= 3 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "peak RSS of the JVM                 : %d MiB%n", peakKib / 1024);
        System.out.println("(the report figures include HTTP, security, JSON and the annex's working-day counts; the "
                + "CRUD figures are one SQL statement)");
    }

    /** Valid histories of requests received in the year before and the year: most answered, some with 补正, extensions, appeals. */
    private static long appendHistories(ConfigurableApplicationContext context, List<String> agencies, int n,
                                        int year) {
        WorkingDayCalendar calendar = WorkingDayCalendar.national();
        Random random = new Random(42);
        Outcome[] outcomes = Outcome.values();
        ApplicantCategory[] categories = ApplicantCategory.values();
        Channel[] channels = Channel.values();
        LocalDate first = LocalDate.of(year - 1, 9, 1);
        int days = (int) (LocalDate.of(year, 12, 31).toEpochDay() - first.toEpochDay());
        MetaData actor = MetaData.with("actor", "bench");
        try (Bench.Appender store = new Bench.Appender(context)) {
            for (int i = 0; i < n; i++) {
                String id = String.format(Locale.ROOT, "bench-%07d", i);
                String agency = agencies.get(i % agencies.size());
                LocalDate received = first.plusDays(random.nextInt(days));
                List<RequestEvent> history = new ArrayList<>();
                history.add(new RequestReceived(id, agency, agency + "-" + i,
                        new Applicant(categories[random.nextInt(categories.length)], "申请人" + i, null, null, null),
                        channels[random.nextInt(channels.length)], received, received, received, "某信息", 1,
                        RequestedForm.ELECTRONIC));
                LocalDate start = received;
                if (random.nextInt(10) == 0) {
                    history.add(new SupplementRequested(id, received.plusDays(2), received.plusDays(12), "写明文号", 1,
                            false));
                    start = received.plusDays(5);
                    history.add(new SupplementReceived(id, start, 1));
                }
                LocalDate due = calendar.addWorkingDays(start, 20);
                history.add(new AnswerDueDateChanged(id, due, DueDateReason.RECEIVED, "第 20 个工作日"));
                if (random.nextInt(20) == 0) {
                    history.add(new AnswerPeriodExtended(id, due.minusDays(2), 20, "需要调档"));
                    due = calendar.addWorkingDays(due, 20);
                    history.add(new AnswerDueDateChanged(id, due, DueDateReason.EXTENDED, "延长"));
                }
                LocalDate decided = calendar.addWorkingDays(start, 1 + random.nextInt(30));
                if (random.nextInt(10) != 0 && !decided.isAfter(LocalDate.of(year, 12, 31))) {
                    history.add(new RequestDecided(id, outcomes[random.nextInt(outcomes.length)], decided, null,
                            "原因"));
                    if (random.nextInt(25) == 0) {
                        history.add(new ReconsiderationFiled(id, 1, decided.plusDays(10)));
                        if (random.nextBoolean()) {
                            history.add(new ReconsiderationDecided(id, 1, AppealResult.UPHELD,
                                    decided.plusDays(50)));
                        }
                    }
                }
                for (int s = 0; s < history.size(); s++) {
                    store.append(new GenericDomainEventMessage<>("DisclosureRequest", id, s, history.get(s), actor));
                }
            }
            return store.appended();
        }
    }

    private static double medianMillis(Runnable call, int times) {
        call.run(); // warm-up
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis[times / 2];
    }
}
