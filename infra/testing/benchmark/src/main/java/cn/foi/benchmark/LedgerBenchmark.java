package cn.foi.benchmark;

import cn.foi.allinone.AllInOneApplication;
import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;

/**
 * The ledger import at scale: a generated ledger of N requests (default 15,000, about four events each) uploaded over
 * HTTP to the all-in-one running in this JVM. Prints rows per second until the import returns (all rows checked by the
 * aggregate and stored in one transaction) and until every projection has caught up (through the Kafka publisher), and
 * the peak heap of the JVM during the import. Measures; asserts nothing.
 *
 * <p>Run with the heap the goal names, for instance {@code -Xmx512m -Dn=100000}.
 */
public final class LedgerBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final String[] OUTCOMES = {"予以公开", "予以公开", "予以公开", "部分公开", "本机关不掌握相关政府信息",
            "R3_3_4", "属于国家秘密", "重复申请", "信访举报投诉类申请", "危及“三安全一稳定”", "撤回"};
    private static final String[] CATEGORIES = {"自然人", "自然人", "自然人", "商业企业", "科研机构", "社会公益组织",
            "法律服务机构", "其他"};
    private static final String[] CHANNELS = {"网络", "网络", "当面", "邮寄", "平信", "传真"};

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("n", "15000"));
        Path data = Files.createTempDirectory("foi-ledger-bench");
        System.out.printf("starting the all-in-one in this JVM (data in %s)...%n", data);
        try (AllInOneApplication.Running running = AllInOneApplication.start(data, 0,
                Map.of("server.port", "0", "FOI_ADMIN_PASSWORD", ADMIN_PASSWORD, "logging.level.root", "WARN",
                        "logging.level.cn.foi.command.ledger", "INFO", "foi.ledger.max-size", "256MB"))) {
            run(running.context(), running.port(), n);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int port, int n) throws Exception {
        FoiApi admin = FoiApi.anonymous("http://localhost:" + port).as("admin", ADMIN_PASSWORD);
        admin.post("/api/agencies", Map.of("code", "BENCH", "name", "基准测试街道办事处")).expect(201);
        admin.awaitCaughtUp(Duration.ofMinutes(1));
        byte[] ledger = ledger(n);
        System.out.printf("ledger of %d rows generated: %.1f MB CSV%n", n, ledger.length / 1e6);
        JdbcTemplate commandDb = new JdbcTemplate(context.getBean(DataSource.class));
        long eventsBefore = count(commandDb);

        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler();
        sampler.start();

        long start = System.nanoTime();
        FoiApi.Response response = admin.upload("/api/agencies/BENCH/ledger", "台账.csv", ledger);
        double returned = seconds(start);
        long peakAtReturn = sampler.peak.get();
        if (response.status() != 200) {
            System.out.println("import refused: HTTP " + response.status() + " " + response.body()
                    .substring(0, Math.min(2000, response.body().length())));
            return;
        }
        JsonNode answer = response.json();
        long events = count(commandDb) - eventsBefore;
        System.out.printf(Locale.ROOT, "import returned after %.1f s: %d rows imported, %d events stored%n", returned,
                answer.get("imported").asInt(), events);
        if (!Boolean.parseBoolean(System.getProperty("projections", "true"))) {
            System.out.printf(Locale.ROOT, "%.0f rows/s until the import returned, peak heap %d MiB (projections not "
                    + "awaited)%n", n / returned, peakAtReturn / (1024 * 1024));
            return;
        }
        admin.awaitCaughtUp(Duration.ofMinutes(60));
        double projected = seconds(start);
        sampler.interrupt();
        long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

        System.out.println();
        System.out.println("== Ledger import benchmark: all-in-one in one JVM, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB ==");
        System.out.printf(Locale.ROOT, "rows / events                        : %d / %d%n", n, events);
        System.out.printf(Locale.ROOT, "until the import returned (stored)   : %.1f s, %.0f rows/s, %.0f events/s%n",
                returned, n / returned, events / returned);
        System.out.printf(Locale.ROOT, "until every projection caught up     : %.1f s, %.0f rows/s, %.0f events/s   "
                + "(goal < 60 s: %s)%n", projected, n / projected, events / projected, projected < 60 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  of which publishing and projecting : %.1f s after the import returned, "
                + "%.0f events/s%n", projected - returned, events / Math.max(0.001, projected - returned));
        System.out.printf(Locale.ROOT, "peak heap used (sampled every 20 ms) : %d MiB until the import returned, %d MiB "
                + "until projected%n", peakAtReturn / (1024 * 1024), sampler.peak.get() / (1024 * 1024));
        System.out.printf(Locale.ROOT, "peak heap (sum of the pools' peaks)  : %d MiB (an upper bound: pools peak at "
                + "different times)%n", poolPeaks / (1024 * 1024));
    }

    /** A ledger of valid histories received over two years, most answered, some with 补正, extensions, fees, appeals. */
    static byte[] ledger(int n) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(n * 120);
        csv.append("受理编号,申请人类型,申请人,申请方式,收到日期,补正告知日期,补正收到日期,延期告知日期,收费通知日期,缴费日期,收费金额,"
                + "办理结果,办结日期,行政复议申请日期,行政复议结果,行政复议决定日期,行政诉讼起诉日期,起诉方式,行政诉讼结果,行政诉讼判决日期\r\n");
        LocalDate first = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < n; i++) {
            LocalDate received = first.plusDays(random.nextInt(640));
            String supplementAsked = "";
            String supplementReceived = "";
            String extended = "";
            String feeNotice = "";
            String feePaid = "";
            String amount = "";
            LocalDate closed = received.plusDays(3 + random.nextInt(20));
            int kind = random.nextInt(20);
            if (kind < 2) {
                supplementAsked = received.plusDays(2).toString();
                supplementReceived = received.plusDays(5).toString();
                closed = received.plusDays(8 + random.nextInt(15));
            } else if (kind == 2) {
                extended = received.plusDays(10).toString();
                closed = received.plusDays(35 + random.nextInt(10));
            } else if (kind == 3) {
                feeNotice = received.plusDays(3).toString();
                feePaid = received.plusDays(8).toString();
                amount = "100";
                closed = received.plusDays(10 + random.nextInt(15));
            }
            boolean open = random.nextInt(12) == 0;
            String outcome = open ? "" : OUTCOMES[random.nextInt(OUTCOMES.length)];
            String reconsideration = ",,";
            String lawsuit = ",,,";
            if (!open && random.nextInt(30) == 0) {
                reconsideration = closed.plusDays(10) + ",维持," + closed.plusDays(60);
                if (random.nextBoolean()) {
                    lawsuit = closed.plusDays(70) + ",复议后起诉,,";
                }
            } else if (!open && random.nextInt(50) == 0) {
                lawsuit = closed.plusDays(20) + ",直接起诉,纠正," + closed.plusDays(120);
            }
            csv.append("BENCH-").append(i).append(',').append(CATEGORIES[random.nextInt(CATEGORIES.length)])
                    .append(",申请人").append(i).append(',').append(CHANNELS[random.nextInt(CHANNELS.length)])
                    .append(',').append(received).append(',').append(supplementAsked).append(',')
                    .append(supplementReceived).append(',').append(extended).append(',').append(feeNotice).append(',')
                    .append(feePaid).append(',').append(amount).append(',').append(outcome).append(',')
                    .append(open ? "" : closed.toString()).append(',').append(reconsideration).append(',')
                    .append(lawsuit).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(JdbcTemplate db) {
        Long events = db.queryForObject("select count(*) from domain_event_entry", Long.class);
        return events == null ? 0 : events;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The heap in use, sampled: the JVM's own peaks add pools that peak at different moments. */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
