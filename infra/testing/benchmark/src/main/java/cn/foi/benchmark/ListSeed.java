package cn.foi.benchmark;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One agency's request list as the list benchmarks need it: requests received over the past 400 days, four in five
 * answered, one in three handled by the given user, with Chinese names and contents composed from phrase pools, so that
 * the bigram index of the search meets text like an office's. The rows are written straight into the query side's
 * request table, as its projection writes them: the benchmarks measure the list, and appending and projecting 100,000
 * histories through Kafka (the report benchmark's subject) would take longer than what they measure.
 */
final class ListSeed {

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

    private ListSeed() {
    }

    /**
     * Writes {@code n} requests of {@code agency} (ids "list-AGENCY-0000000"…, case numbers "AGENCY-0"…), a third of
     * them handled by {@code handler}, and vacuums and analyzes the table; the same seed gives the same rows in every run.
     */
    static long fill(ConfigurableApplicationContext context, String agency, int n, String handler) {
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
            String handledBy = random.nextInt(3) == 0 ? handler : null;
            LocalDate decided = calendar.addWorkingDays(received, 1 + random.nextInt(25));
            boolean closed = random.nextInt(5) != 0 && decided.isBefore(today);
            batch.add(new Object[] {String.format(Locale.ROOT, "list-%s-%07d", agency, i), agency, agency + "-" + i,
                firm ? ApplicantCategory.C2.name() : ApplicantCategory.C1.name(), name,
                channels[random.nextInt(channels.length)].name(), Date.valueOf(received), description,
                Date.valueOf(due), "第 20 个工作日", closed ? outcomes[random.nextInt(outcomes.length)].name() : null,
                closed ? Date.valueOf(decided) : null, closed ? Date.valueOf(decided) : null, handledBy, now, now});
            if (batch.size() == 2000 || i == n - 1) {
                sql.batchUpdate("insert into request_summary (id, agency_code, case_no, applicant_category, "
                        + "applicant_name, channel, received_on, description, due_date, due_explanation, outcome, "
                        + "decided_on, closed_on, handler, last_sequence, registered_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?)", batch);
                batch.clear();
            }
        }
        // As autovacuum leaves a table soon after a bulk insert: statistics gathered and the visibility map set, so that
        // the covering indexes answer without reading the rows (a table fresh from inserts would not).
        sql.execute("vacuum analyze request_summary");
        return n;
    }
}
