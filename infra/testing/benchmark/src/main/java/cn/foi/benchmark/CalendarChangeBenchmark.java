package cn.foi.benchmark;

import cn.foi.allinone.AllInOneApplication;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.testsupport.FoiApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 3's benchmark: a region declares an extra holiday that falls inside the answer period of N open requests
 * (100,000 by default) and the all-in-one recomputes every due date, records the change on each request and projects
 * it. Prints the time until every due date is recomputed (command side) and until every change is projected (query
 * side), the recompute rate, and next to it the bare calendar arithmetic of the same due dates as the baseline.
 *
 * <p>The open requests are appended to the event store as registration records them (received, due date), so that the
 * setup does not take longer than the measurement; everything measured goes through the product's own path: the
 * REST declaration, the propagation over the open requests, the aggregates, the event store, Kafka and the projection.
 */
public final class CalendarChangeBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-1";
    /** A Monday inside every benchmark request's period: received by 23 November 2026, due in December. */
    private static final LocalDate EXTRA_HOLIDAY = LocalDate.of(2026, 11, 30);

    private CalendarChangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("n", "100000"));
        int agencyCount = Integer.parseInt(System.getProperty("agencies", "100"));
        Path data = Files.createTempDirectory("foi-calendar-bench");
        System.out.printf("starting the all-in-one in this JVM (data in %s)...%n", data);
        try (AllInOneApplication.Running running = AllInOneApplication.start(data, 0,
                Map.of("server.port", "0", "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD, "logging.level.root", "WARN"))) {
            run(running.context(), running.port(), n, agencyCount);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int port, int n, int agencyCount) {
        FoiApi admin = FoiApi.anonymous("http://localhost:" + port).as("admin", ADMIN_PASSWORD);
        CommandGateway commands = context.getBean(CommandGateway.class);
        List<String> agencies = Bench.cityWithStreetOffices(commands, agencyCount);

        System.out.printf("registering %d open requests over %d agencies...%n", n, agencyCount);
        long setup = System.nanoTime();
        List<LocalDate> receipts = appendOpenRequests(context, agencies, n);
        admin.awaitCaughtUp(Duration.ofMinutes(60));
        System.out.printf("  stored, published and projected in %.1f s%n", Bench.seconds(setup));

        JdbcTemplate commandDb = new JdbcTemplate(context.getBean(DataSource.class));
        JdbcTemplate queryDb = context.getBean(QueryDatabase.class).jdbc();
        long storedBefore = maxGlobalIndex(commandDb);

        System.out.printf("declaring %s a holiday of CITY and the %d agencies under it...%n", EXTRA_HOLIDAY,
                agencyCount);
        long start = System.nanoTime();
        admin.post("/api/calendar/regions/CITY", Map.of("year", EXTRA_HOLIDAY.getYear(),
                "holidays", List.of(EXTRA_HOLIDAY.toString()), "reason", "基准测试：临时假日")).expect(200);
        double recomputed = awaitCount(commandDb, "select count(*) from domain_event_entry where global_index > ? "
                + "and payload_type like '%AnswerDueDateChanged'", storedBefore, n, start);
        double projected = awaitCount(queryDb, "select count(*) from request_summary where due_explanation like ?",
                "因%", n, start);
        long peakKib = Bench.statusKib("VmHWM");

        double baselineRate = calendarArithmeticRate(receipts);
        System.out.println();
        System.out.println("== Calendar change benchmark: all-in-one in one JVM, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB ==");
        System.out.printf(Locale.ROOT, "open requests touched by the change    : %d (over %d agencies)%n", n,
                agencyCount);
        System.out.printf(Locale.ROOT, "every due date recomputed and stored   : %.1f s, %.0f due dates/s%n",
                recomputed, n / recomputed);
        System.out.printf(Locale.ROOT, "every change projected (query side)    : %.1f s   (goal < 60 s: %s)%n",
                projected, projected < 60 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "calendar arithmetic alone (baseline)   : %.0f due dates/s; ratio %.0f%n",
                baselineRate, baselineRate / (n / recomputed));
        System.out.printf(Locale.ROOT, "peak RSS of the JVM                    : %d MiB%n", peakKib / 1024);
        System.out.println("(recompute = load each request, count its period on the new calendar, store the change "
                + "with its reason, reschedule its deadline check; projected = through Kafka into the request list)");
    }

    /** What registration records for a request received in November 2026 and still open. */
    private static List<LocalDate> appendOpenRequests(ConfigurableApplicationContext context, List<String> agencies,
                                                      int n) {
        WorkingDayCalendar calendar = WorkingDayCalendar.national();
        MetaData actor = MetaData.with("actor", "bench");
        List<LocalDate> receipts = new ArrayList<>(n);
        LocalDate first = LocalDate.of(2026, 11, 9);
        try (Bench.Appender store = new Bench.Appender(context)) {
            for (int i = 0; i < n; i++) {
                String id = String.format(Locale.ROOT, "bench-%07d", i);
                String agency = agencies.get(i % agencies.size());
                LocalDate received = first.plusDays(i % 15);
                receipts.add(received);
                LocalDate due = calendar.addWorkingDays(received, 20);
                store.append(new GenericDomainEventMessage<>("DisclosureRequest", id, 0,
                        new RequestReceived(id, agency, agency + "-" + i,
                                new Applicant(ApplicantCategory.C1, "申请人" + i, null, null, null), Channel.ONLINE,
                                received, received, received, "某信息", 1, RequestedForm.ELECTRONIC), actor));
                store.append(new GenericDomainEventMessage<>("DisclosureRequest", id, 1,
                        new AnswerDueDateChanged(id, due, DueDateReason.RECEIVED, "第 20 个工作日"), actor));
            }
        }
        return receipts;
    }

    private static long maxGlobalIndex(JdbcTemplate jdbc) {
        Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }

    /** Seconds from {@code start} until the count reaches {@code expected}; polled every 100 ms. */
    private static double awaitCount(JdbcTemplate jdbc, String sql, Object argument, int expected, long start) {
        long deadline = start + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long count = jdbc.queryForObject(sql, Long.class, argument);
            if (count != null && count >= expected) {
                return Bench.seconds(start);
            }
            Bench.sleep(100);
        }
        throw new IllegalStateException("not every due date was recomputed within 30 minutes: " + sql);
    }

    /** The same due dates computed by the calendar alone, without loading, storing or publishing anything. */
    private static double calendarArithmeticRate(List<LocalDate> receipts) {
        WorkingDayCalendar national = WorkingDayCalendar.national();
        Set<LocalDate> holidays = new HashSet<>(national.holidays());
        holidays.add(EXTRA_HOLIDAY);
        WorkingDayCalendar regional = new WorkingDayCalendar(holidays, national.makeUpWorkdays());
        long checksum = 0;
        for (int round = 0; round < 3; round++) { // the last round is measured, the first ones warm up
            long t = System.nanoTime();
            for (LocalDate received : receipts) {
                checksum += regional.addWorkingDays(received, 20).toEpochDay();
            }
            if (round == 2) {
                double seconds = Bench.seconds(t);
                return checksum == 0 ? 0 : receipts.size() / seconds;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
