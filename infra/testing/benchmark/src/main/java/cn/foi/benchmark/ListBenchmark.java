package cn.foi.benchmark;

import cn.foi.allinone.AllInOneApplication;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The request list of one agency holding N requests (first page, over HTTP): the sorted, filtered and searched lists
 * next to the unsorted, unfiltered list in the same run, the 工作台 of the agency's clerk and of the supervisor above
 * it, and the XLSX export of all of them. The requests are {@link ListSeed}'s. Prints medians; asserts nothing.
 */
public final class ListBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-1";

    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("n", "100000"));
        Path data = Files.createTempDirectory("foi-list-bench");
        System.out.printf("starting the all-in-one in this JVM (data in %s)...%n", data);
        try (AllInOneApplication.Running running = AllInOneApplication.start(data, 0,
                Map.of("server.port", "0", "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD, "logging.level.root", "WARN"))) {
            run(running.context(), running.port(), n);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int port, int n) {
        FoiApi admin = FoiApi.anonymous("http://localhost:" + port).as("admin", ADMIN_PASSWORD);
        String agency = Bench.cityWithStreetOffices(context.getBean(CommandGateway.class), 1).get(0);
        admin.awaitCaughtUp(Duration.ofMinutes(10));
        System.out.printf("writing %d requests of agency %s into the request list's table...%n", n, agency);
        long start = System.nanoTime();
        long rows = ListSeed.fill(context, agency, n, "bench-clerk");
        System.out.printf("  %d rows written (with their search index) in %.1f s%n", rows, Bench.seconds(start));

        String list = "/api/agencies/" + agency + "/requests";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("baseline: unsorted, unfiltered (newest first)", list);
        cases.put("sort=workingDaysLeft&open=true", list + "?sort=workingDaysLeft&open=true");
        cases.put("sort=dueDate&dueWithin=5", list + "?sort=dueDate&dueWithin=5");
        cases.put("sort=dueDate&overdue=true&handler=bench-clerk", list + "?sort=dueDate&overdue=true&handler=bench-clerk");
        cases.put("sort=workingDaysLeft&open=true&q=拆迁安置", list + "?sort=workingDaysLeft&open=true&q="
                + encoded("拆迁安置"));
        cases.put("sort=dueDate&year=<this year>&q=王秀 (applicant)", list + "?sort=dueDate&year="
                + LocalDate.now().getYear() + "&q=" + encoded("王秀"));
        cases.put("sort=receivedOn&direction=asc&q=电梯&handler=bench-clerk", list
                + "?sort=receivedOn&direction=asc&q=" + encoded("电梯") + "&handler=bench-clerk");
        cases.put("q=不存在的文字 (no hit)", list + "?q=" + encoded("不存在的文字"));

        System.out.println();
        System.out.println("== List benchmark: all-in-one in one JVM, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + n + " requests of one agency, first page of 50, median of 15 over HTTP ==");
        double baseline = 0;
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            String total = admin.get(entry.getValue()).expect(200).header("X-Total-Count");
            double ms = medianMillis(() -> admin.get(entry.getValue()).expect(200), 15);
            if (baseline == 0) {
                baseline = ms;
            }
            System.out.printf(Locale.ROOT, "%-58s %8.1f ms  (%.1f× baseline; %s found)%n", entry.getKey(), ms,
                    ms / baseline, total);
        }
        // The 工作台 of the agency's clerk (its counts and 我的待办: a third of the requests are theirs) and of the
        // city's supervisor (the same over the city and its street, with the table by agency), next to the list.
        admin.post("/api/users", Map.of("username", "bench-clerk", "password", "list-pass-c1", "role", "CLERK",
                "agencyCode", agency)).expect(201);
        admin.post("/api/users", Map.of("username", "bench-supervisor", "password", "list-pass-s1",
                "role", "SUPERVISOR", "agencyCode", "CITY")).expect(201);
        admin.awaitCaughtUp(Duration.ofMinutes(2));
        FoiApi clerk = FoiApi.anonymous("http://localhost:" + port).as("bench-clerk", "list-pass-c1");
        FoiApi supervisor = FoiApi.anonymous("http://localhost:" + port).as("bench-supervisor", "list-pass-s1");
        for (Map.Entry<String, FoiApi> entry : Map.of("GET /api/workbench (clerk of the agency)", clerk,
                "GET /api/workbench (supervisor of the city above it)", supervisor).entrySet()) {
            FoiApi caller = entry.getValue();
            JsonNode workbench = caller.get("/api/workbench").expect(200).json();
            double ms = medianMillis(() -> caller.get("/api/workbench").expect(200), 15);
            System.out.printf(Locale.ROOT, "%-58s %8.1f ms  (%.1f× baseline; %s open, %s overdue, %s in 我的待办)%n",
                    entry.getKey(), ms, ms / baseline, count(workbench, "open"), count(workbench, "overdue"),
                    workbench.get("todo").get("total").asText());
        }
        System.out.println("(goal of issue 16: the 工作台's first render < 1 s)");
        long exportStart = System.nanoTime();
        byte[] sheet = admin.download(list + ".xlsx?sort=dueDate").expectOk();
        System.out.printf(Locale.ROOT, "%-58s %8.1f s   (%d KiB; peak RSS of the JVM so far %d MiB)%n",
                "export of all " + n + " as XLSX (SXSSF, streamed)", Bench.seconds(exportStart), sheet.length / 1024,
                Bench.statusKib("VmHWM") / 1024);
        System.out.println("(goal of issue 16: the sorted, filtered list's first render < 1 s)");
    }

    private static String count(JsonNode workbench, String key) {
        for (JsonNode count : workbench.get("counts")) {
            if (count.get("key").asText().equals(key)) {
                return count.get("count").asText();
            }
        }
        return "—";
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
