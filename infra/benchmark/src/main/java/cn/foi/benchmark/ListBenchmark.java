package cn.foi.benchmark;

import cn.foi.allinone.AllInOneApplication;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The request list of one agency holding N requests (first page, over HTTP): the sorted, filtered and searched lists
 * next to the unsorted, unfiltered list in the same run, the 工作台 of the agency's clerk and of the supervisor above
 * it, and the XLSX export of all of them. Requests carry Chinese names and contents composed from
 * phrase pools, so that the bigram index of the search meets text like an office's. Prints medians; asserts nothing.
 */
public final class ListBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
        "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "小红"};
    private static final String[] FIRMS = {"北京某科技有限公司", "某建筑工程有限公司", "某物业管理有限公司", "某律师事务所",
        "某环保科技有限公司"};
    private static final String[] SUBJECTS = {"某小区旧改补偿方案", "道路养护经费预算", "垃圾分类驿站选址依据", "停车场收费标准",
        "老旧小区加装电梯审批文件", "拆迁安置房分配名单", "河道治理工程招标文件", "学校扩建规划许可", "公园改造设计方案",
        "社区卫生服务中心建设批复", "农贸市场升级改造合同", "供暖管网改造资金使用情况", "违法建设查处决定书",
        "征收土地公告及补偿标准", "环境影响评价报告书", "企业安全生产检查记录", "街道年度财政决算", "低保审核名单",
        "公共租赁住房配租结果", "雨污分流改造工程验收报告"};
    private static final String[] YEARS = {"2021年", "2022年", "2023年", "2024年", "2025年"};
    private static final String[] PLACES = {"东城", "西城", "朝阳", "海淀", "丰台", "石景山", "通州", "顺义", "大兴", "昌平"};

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
        long rows = fillList(context, agency, n);
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

    /**
     * Requests received over the past 400 days: four in five answered, one in three handled by "bench-clerk". The rows
     * are written straight into the query side's request table, as its projection writes them: this benchmark measures
     * the list, and appending and projecting 100,000 histories through Kafka (the report benchmark's subject) would
     * take longer than what it measures.
     */
    private static long fillList(ConfigurableApplicationContext context, String agency, int n) {
        JdbcTemplate sql = new JdbcTemplate(new DriverManagerDataSource(
                context.getEnvironment().getProperty("foi.query.datasource.url"),
                context.getEnvironment().getProperty("foi.query.datasource.username"),
                context.getEnvironment().getProperty("foi.query.datasource.password")));
        WorkingDayCalendar calendar = WorkingDayCalendar.national();
        Random random = new Random(42);
        Outcome[] outcomes = Outcome.values();
        Channel[] channels = Channel.values();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate received = today.minusDays(random.nextInt(400));
            boolean firm = random.nextInt(5) == 0;
            String name = firm ? FIRMS[random.nextInt(FIRMS.length)]
                    : SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String description = "申请公开" + PLACES[random.nextInt(PLACES.length)] + "区"
                    + YEARS[random.nextInt(YEARS.length)] + SUBJECTS[random.nextInt(SUBJECTS.length)] + "及相关附件";
            LocalDate due = calendar.addWorkingDays(received, 20);
            String handler = random.nextInt(3) == 0 ? "bench-clerk" : null;
            LocalDate decided = calendar.addWorkingDays(received, 1 + random.nextInt(25));
            boolean closed = random.nextInt(5) != 0 && decided.isBefore(today);
            batch.add(new Object[] {String.format(Locale.ROOT, "list-%07d", i), agency, agency + "-" + i,
                firm ? ApplicantCategory.C2.name() : ApplicantCategory.C1.name(), name,
                channels[random.nextInt(channels.length)].name(), Date.valueOf(received), description,
                Date.valueOf(due), "第 20 个工作日", closed ? outcomes[random.nextInt(outcomes.length)].name() : null,
                closed ? Date.valueOf(decided) : null, closed ? Date.valueOf(decided) : null, handler, now, now});
            if (batch.size() == 2000 || i == n - 1) {
                sql.batchUpdate("insert into request_summary (id, agency_code, case_no, applicant_category, "
                        + "applicant_name, channel, received_on, description, due_date, due_explanation, outcome, "
                        + "decided_on, closed_on, handler, last_sequence, registered_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?)", batch);
                batch.clear();
            }
        }
        sql.execute("analyze request_summary");
        return n;
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
