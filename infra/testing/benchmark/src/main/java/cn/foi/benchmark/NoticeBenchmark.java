package cn.foi.benchmark;

import cn.foi.allinone.AllInOneApplication;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementRequested;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.testsupport.FoiApi;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 15's notice benchmark: one agency with N requests (10,000 by default) on file, then a clerk issues M notices
 * (100) of each kind through the REST API, one after the other, each on a request whose state calls for it (a 补正
 * 告知书 on a request with a 补正 request, a 送达回证 on a request with a notice to serve, …). Prints per kind the median
 * and the 95th percentile of the milliseconds per notice (goal: median < 200 ms for the DOCX), and next to them, in
 * the same run, a plain step recorded on the same kind of request (an extension through the REST API) as the
 * baseline: the difference is what numbering, reading the request's events, writing and storing the DOCX cost.
 *
 * <p>The requests and their steps are appended to the event store as the commands record them, so that the setup
 * does not take longer than the measurement; what is measured goes through the product's own path.
 */
public final class NoticeBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final LocalDate FIRST_RECEIPT = LocalDate.of(2026, 10, 12);

    private NoticeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("n", "10000"));
        int m = Integer.parseInt(System.getProperty("m", "100"));
        Path data = Files.createTempDirectory("foi-notice-bench");
        System.out.printf("starting the all-in-one in this JVM (data in %s)...%n", data);
        int status = 1;
        try (AllInOneApplication.Running running = AllInOneApplication.start(data, 0,
                Map.of("server.port", "0", "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD, "logging.level.root", "WARN"))) {
            run(running.context(), running.port(), n, m);
            status = 0;
        } catch (Exception | Error e) {
            System.err.println("notice benchmark failed:");
            e.printStackTrace();
        } finally {
            // The system is closed by now (try-with-resources), but threads it started may not be daemons: only an
            // exit ends the JVM, after a failure as after success, and its status tells the shell which it was.
            System.exit(status);
        }
    }

    /** The kinds whose step the setup records, in blocks of m requests: block b serves kind STEP_KINDS[b]. */
    private static final NoticeKind[] STEP_KINDS = {NoticeKind.SUPPLEMENT, NoticeKind.EXTENSION,
            NoticeKind.CONSULTATION, NoticeKind.FEE, NoticeKind.ANSWER};

    private static void run(ConfigurableApplicationContext context, int port, int n, int m) {
        if (n < (STEP_KINDS.length + 3) * m) {
            throw new IllegalArgumentException("n must hold " + (STEP_KINDS.length + 3) + " blocks of m requests");
        }
        FoiApi admin = FoiApi.anonymous("http://localhost:" + port).as("admin", ADMIN_PASSWORD);
        String agency = Bench.cityWithStreetOffices(context.getBean(CommandGateway.class), 1).get(0);
        admin.post("/api/users", Map.of("username", "notice-clerk", "password", "bench-pass-1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        FoiApi clerk = admin.as("notice-clerk", "bench-pass-1");

        System.out.printf("registering %d requests of %s, %d with each step...%n", n, agency, m);
        long setup = System.nanoTime();
        appendRequests(context, agency, n, m);
        admin.awaitCaughtUp(Duration.ofMinutes(30));
        System.out.printf("  stored, published and projected in %.1f s%n", Bench.seconds(setup));

        // Blocks: 0..4 the steps, 5 receipts, 6 the baseline's extensions, 7 warm-up. A 送达回证 serves block 0's 补正告知书.
        IntFunction<String> id = i -> String.format(Locale.ROOT, "bench-%07d", i);
        System.out.println("warming up...");
        for (int i = 0; i < m; i++) {
            issue(clerk, id.apply(7 * m + i), NoticeKind.RECEIPT, null);
        }

        Map<NoticeKind, double[]> timings = new EnumMap<>(NoticeKind.class);
        List<String> supplementNumbers = new ArrayList<>();
        for (int b = 0; b < STEP_KINDS.length; b++) {
            NoticeKind kind = STEP_KINDS[b];
            double[] ms = new double[m];
            for (int i = 0; i < m; i++) {
                long start = System.nanoTime();
                String number = issue(clerk, id.apply(b * m + i), kind, null);
                ms[i] = (System.nanoTime() - start) / 1e6;
                if (kind == NoticeKind.SUPPLEMENT) {
                    supplementNumbers.add(number);
                }
            }
            timings.put(kind, ms);
        }
        timings.put(NoticeKind.RECEIPT, timed(m, i -> issue(clerk, id.apply(5 * m + i), NoticeKind.RECEIPT, null)));
        timings.put(NoticeKind.SERVICE, timed(m, i -> issue(clerk, id.apply(i), NoticeKind.SERVICE,
                supplementNumbers.get(i))));
        LocalDate today = LocalDate.now();
        double[] baseline = timed(m, i -> {
            String request = id.apply(6 * m + i);
            clerk.post("/api/requests/" + request + "/extension", Map.of("extendedOn",
                    receivedOn(6 * m + i).plusDays(3).toString(), "workingDays", 10, "reason", "基准测试"))
                    .expect(200);
            return request;
        });

        System.out.println();
        System.out.println("== Notice benchmark: all-in-one in one JVM, " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, " + n
                + " requests of one agency on file, " + today + " ==");
        System.out.printf(Locale.ROOT, "%-26s %8s %8s %8s%n", "kind (one clerk, REST)", "notices", "median", "p95");
        for (NoticeKind kind : NoticeKind.values()) {
            double[] ms = timings.get(kind);
            System.out.printf(Locale.ROOT, "%-26s %8d %6.1f ms %6.1f ms%n", kind.name() + " " + kind.title(),
                    ms.length, percentile(ms, 50), percentile(ms, 95));
        }
        System.out.printf(Locale.ROOT, "%-26s %8d %6.1f ms %6.1f ms   (baseline: a step, no document)%n",
                "extension (step)", baseline.length, percentile(baseline, 50), percentile(baseline, 95));
        double worstMedian = timings.values().stream().mapToDouble(ms -> percentile(ms, 50)).max().orElse(0);
        System.out.printf(Locale.ROOT, "goal DOCX median < 200 ms: %s (worst median %.1f ms)%n",
                worstMedian < 200 ? "met" : "NOT met", worstMedian);
    }

    private interface Call {
        String run(int i);
    }

    private static double[] timed(int m, Call call) {
        double[] ms = new double[m];
        for (int i = 0; i < m; i++) {
            long start = System.nanoTime();
            call.run(i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static String issue(FoiApi clerk, String requestId, NoticeKind kind, String servesNumber) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("kind", kind.name());
        body.put("issuedOn", receivedOn(Integer.parseInt(requestId.substring("bench-".length()))).plusDays(4)
                .toString());
        if (servesNumber != null) {
            body.put("servesNumber", servesNumber);
        }
        return clerk.post("/api/requests/" + requestId + "/notices", body).expect(201).json().get("number").asText();
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static LocalDate receivedOn(int i) {
        return FIRST_RECEIPT.plusDays(i % 10);
    }

    /** What registration and the steps record: every request received and open; block b of m has step b. */
    private static void appendRequests(ConfigurableApplicationContext context, String agency, int n, int m) {
        WorkingDayCalendar calendar = WorkingDayCalendar.national();
        MetaData actor = MetaData.with("actor", "bench");
        try (Bench.Appender store = new Bench.Appender(context)) {
            for (int i = 0; i < n; i++) {
                String id = String.format(Locale.ROOT, "bench-%07d", i);
                LocalDate received = receivedOn(i);
                LocalDate step = received.plusDays(2);
                store.append(new GenericDomainEventMessage<>("DisclosureRequest", id, 0,
                        new RequestReceived(id, agency, agency + "-" + i,
                                new Applicant(ApplicantCategory.C1, "申请人" + i, null, null, null), Channel.ONLINE,
                                received, received, received, "某地块规划许可文件", 1, RequestedForm.ELECTRONIC), actor));
                store.append(new GenericDomainEventMessage<>("DisclosureRequest", id, 1, new AnswerDueDateChanged(id,
                        calendar.addWorkingDays(received, 20), DueDateReason.RECEIVED, "第 20 个工作日"), actor));
                int block = i / m;
                Object stepEvent = block >= STEP_KINDS.length ? null : switch (STEP_KINDS[block]) {
                    case SUPPLEMENT -> new SupplementRequested(id, step, step.plusDays(15), "请写明地块名称", 1, false);
                    case EXTENSION -> new AnswerPeriodExtended(id, step, 20, "需要调取档案");
                    case CONSULTATION -> new ConsultationStarted(id, 1, ConsultedParty.THIRD_PARTY, "某公司", step, null);
                    case FEE -> new FeeNoticeIssued(id, step, new BigDecimal("100"), FeeMethod.PER_REQUEST);
                    case ANSWER -> new RequestDecided(id, Outcome.R3_3_1, step, null, "");
                    default -> null;
                };
                if (stepEvent != null) {
                    store.append(new GenericDomainEventMessage<>("DisclosureRequest", id, 2, stepEvent, actor));
                }
            }
        }
        // Registration writes the case-number registry in its own transaction, and the command side's access check reads
        // it: requests appended as bare events must be entered there too, or every notice would answer 404.
        JdbcTemplate commandDb = new JdbcTemplate(new DriverManagerDataSource(
                context.getEnvironment().getProperty("spring.datasource.url"),
                context.getEnvironment().getProperty("spring.datasource.username"),
                context.getEnvironment().getProperty("spring.datasource.password")));
        List<Object[]> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(new Object[] {agency, agency + "-" + i, String.format(Locale.ROOT, "bench-%07d", i)});
        }
        commandDb.batchUpdate("insert into case_registry (agency_code, case_no, request_id) values (?, ?, ?)", cases);
    }
}
