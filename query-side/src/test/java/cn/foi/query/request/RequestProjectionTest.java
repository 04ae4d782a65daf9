package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.embedded.EmbeddedPostgresServer;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementRequested;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request projection on a real PostgreSQL: what each event changes, and that a second delivery changes nothing. */
class RequestProjectionTest {

    private static final String ID = "request-1";
    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static QueryDatabase database;
    private static RequestProjection projection;
    private static RequestQueries queries;

    @BeforeAll
    static void database() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        postgres.createDatabaseIfMissing("projection_test");
        database = new QueryDatabase(postgres.jdbcUrl("projection_test"), postgres.username(), postgres.password(), 2);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        projection = new RequestProjection(database, new BatchedWrites(database), json);
        queries = new RequestQueries(database, json, new AgencyCalendars(database),
                Clock.fixed(AT, ZoneId.of("Asia/Shanghai")));
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    @BeforeEach
    void empty() {
        projection.reset();
    }

    private static final List<RequestEvent> HISTORY = List.of(
            new RequestReceived(ID, "JD01", "2026-001", new Applicant(ApplicantCategory.C3, "某研究所", null, null, null),
                    Channel.ONLINE, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2),
                    "申请公开某规划文件", 2, RequestedForm.ELECTRONIC),
            new AnswerDueDateChanged(ID, LocalDate.of(2026, 3, 30), DueDateReason.RECEIVED, "自收到申请之日次日起第 20 个工作日"),
            new SupplementRequested(ID, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 13), "请明确文件名称", 1, false),
            new ConsultationStarted(ID, 1, ConsultedParty.OTHER_AGENCY, "某局", LocalDate.of(2026, 3, 4)),
            new RequestDecided(ID, Outcome.R3_3_4, LocalDate.of(2026, 3, 20), null, ""),
            new DecisionCorrected(ID, Outcome.R3_2, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 21), "", "录入错误"));

    private static void deliver(List<RequestEvent> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            projection.on(events.get(sequence), sequence, AT.plusSeconds(sequence), "clerk");
        }
    }

    @Test
    void eachEventShowsInTheSummaryAndTheTimeline() {
        deliver(HISTORY.subList(0, 4));
        RequestView open = queries.find(ID).orElseThrow();
        assertThat(open.status()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(open.applicant().categoryKey()).isEqualTo("C3");
        assertThat(open.dueDate()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(open.supplementDueOn()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(open.timeline()).extracting(RequestView.TimelineItem::title)
                .containsExactly("收到申请", "答复期限", "告知补正", "征求意见");
        assertThat(open.timeline().get(0).recordedBy()).isEqualTo("clerk");

        deliver(HISTORY);
        RequestView closed = queries.find(ID).orElseThrow();
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.outcome()).isEqualTo("R3_2");
        assertThat(closed.servedOn()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(closed.timeline()).hasSize(6);
        assertThat(closed.dueDateHistory()).hasSize(1);
    }

    @Test
    void aNewAnswerAfterACorrectedReconsiderationShowsBesideTheFirstClosingWithoutReplacingIt() {
        List<RequestEvent> history = new java.util.ArrayList<>(HISTORY);
        history.add(new ReconsiderationFiled(ID, 1, LocalDate.of(2026, 4, 1)));
        history.add(new ReconsiderationDecided(ID, 1, AppealResult.CORRECTED, LocalDate.of(2026, 5, 20)));
        history.add(new RequestRedecided(ID, Outcome.R3_1, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3), "",
                AppealKind.RECONSIDERATION, 1));
        deliver(history);
        deliver(history); // delivered twice: still one new answer

        RequestView view = queries.find(ID).orElseThrow();
        assertThat(view.outcome()).isEqualTo("R3_2");
        assertThat(view.decidedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(view.closedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(view.redecisions()).singleElement().satisfies(redecision -> {
            assertThat(redecision.outcome()).isEqualTo("R3_1");
            assertThat(redecision.outcomeLabel()).isEqualTo(Outcome.R3_1.fullLabel());
            assertThat(redecision.decidedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(redecision.servedOn()).isEqualTo(LocalDate.of(2026, 6, 3));
            assertThat(redecision.orderedBy()).isEqualTo("RECONSIDERATION");
            assertThat(redecision.orderedByLabel()).isEqualTo("行政复议");
            assertThat(redecision.appealNo()).isEqualTo(1);
            assertThat(redecision.recordedBy()).isEqualTo("clerk");
        });
        RequestView.TimelineItem last = view.timeline().get(view.timeline().size() - 1);
        assertThat(last.title()).isEqualTo("重新答复");
        assertThat(last.detail()).isEqualTo("重新答复：" + Outcome.R3_1.fullLabel()
                + "，2026-06-03 送达（根据第 1 件行政复议的纠正结果；首次办结的年度和办理结果不变）");
        assertThat(last.businessDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void deliveringTheSameEventsAgainChangesNothing() {
        deliver(HISTORY);
        List<Map<String, Object>> once = rows();
        deliver(HISTORY);
        deliver(HISTORY.subList(0, 3));
        assertThat(rows()).isEqualTo(once);
    }

    @Test
    void theListFiltersAnAgencysRequests() {
        deliver(HISTORY);
        assertThat(queries.list("JD01", new RequestQueries.Filter("2026-001", null, null, null, null, null, null, null,
                null), 0, 10).total()).isEqualTo(1);
        assertThat(queries.list("JD01", new RequestQueries.Filter(null, "CLOSED", ApplicantCategory.C3, Channel.ONLINE,
                Outcome.R3_2, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "研究", false), 0, 10).items())
                .hasSize(1);
        assertThat(queries.list("JD01", new RequestQueries.Filter(null, "IN_PROGRESS", null, null, null, null, null,
                null, null), 0, 10).total()).isZero();
        assertThat(queries.list("OTHER", new RequestQueries.Filter(null, null, null, null, null, null, null, null,
                null), 0, 10).total()).isZero();
    }

    private static List<Map<String, Object>> rows() {
        JdbcTemplate jdbc = database.jdbc();
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.queryForList("select * from request_summary"));
        rows.addAll(jdbc.queryForList("select * from request_timeline order by sequence"));
        return rows;
    }
}
