package cn.foi.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.foi.events.access.Role;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.calendar.RegionalDaysDeclared;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.ApiProblemHandler;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.TestFixtures;
import cn.foi.query.calendar.CalendarProjection;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.deadline.DeadlineBoard;
import cn.foi.query.deadline.DeadlineQueries;
import cn.foi.query.deadline.DeadlineState;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.RequestProjection;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The deadline board on a real PostgreSQL, through its controller with plain objects and a fixed clock: who sees which
 * agencies, the state of each request, the counts and the order.
 *
 * <p>Today is Thursday 2020-01-16. The next working days are Fri 17th, the make-up Sunday 19th, Mon 20th and Tue 21st;
 * the Spring Festival holidays run from the 24th to 2 February.
 */
class DeadlineBoardTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 1, 16);
    private static final Instant AT = Instant.parse("2020-01-02T02:00:00Z");

    private static QueryDatabase database;
    private static AgencyCalendars calendar;
    private static DirectoryProjection directory;

    @BeforeAll
    static void history() {
        database = TestFixtures.database("deadline_board_test");
        calendar = new AgencyCalendars(database);
        directory = new DirectoryProjection(database, change -> { });
        RequestProjection requests = new RequestProjection(database, new BatchedWrites(database), TestFixtures.json());
        CalendarProjection calendarDays = new CalendarProjection(database);
        requests.reset();
        directory.reset();
        calendarDays.reset();

        // 市 → 甲区 → 甲区一街道, and 乙区 beside 甲区.
        directory.on(new AgencyRegistered("CITY", "某市人民政府", null));
        directory.on(new AgencyRegistered("DIST_A", "甲区人民政府", "CITY"));
        directory.on(new AgencyRegistered("STREET_A1", "甲区一街道办事处", "DIST_A"));
        directory.on(new AgencyRegistered("DIST_B", "乙区人民政府", "CITY"));
        TestFixtures.nationalYears().forEach(calendarDays::on);
        // 乙区 rests on Monday 20th: its request due on the 21st has one working day fewer than 甲区's.
        calendarDays.on(new RegionalDaysDeclared("DIST_B", 2020, List.of(LocalDate.of(2020, 1, 20)), List.of(),
                "地方节日"));

        open(requests, "a-overdue", "DIST_A", "A-003", LocalDate.of(2020, 1, 14));
        open(requests, "a-today", "DIST_A", "A-001", TODAY);
        open(requests, "a-sunday", "DIST_A", "A-002", LocalDate.of(2020, 1, 19));
        open(requests, "a-tuesday", "DIST_A", "A-000", LocalDate.of(2020, 1, 21));
        open(requests, "a-later", "DIST_A", "A-004", LocalDate.of(2020, 2, 20));
        open(requests, "a-tomorrow", "DIST_A", "A-008", LocalDate.of(2020, 1, 17));
        open(requests, "a-consulting", "DIST_A", "A-005", LocalDate.of(2020, 1, 15),
                new ConsultationStarted("a-consulting", 1, ConsultedParty.OTHER_AGENCY, "某局",
                        LocalDate.of(2020, 1, 8)));
        open(requests, "a-closed", "DIST_A", "A-007", LocalDate.of(2020, 1, 10),
                new RequestDecided("a-closed", Outcome.R3_1, LocalDate.of(2020, 1, 9), LocalDate.of(2020, 1, 9), ""));
        deliver(requests, TestFixtures.received("a-no-due", "DIST_A", "A-006", "无期限", LocalDate.of(2020, 1, 15)));
        open(requests, "s-tomorrow", "STREET_A1", "S-001", LocalDate.of(2020, 1, 17));
        open(requests, "c-overdue", "CITY", "C-001", LocalDate.of(2020, 1, 15));
        open(requests, "b-tuesday", "DIST_B", "B-001", LocalDate.of(2020, 1, 21));
    }

    private static void open(RequestProjection requests, String id, String agency, String caseNo, LocalDate due,
                             RequestEvent... more) {
        deliver(requests, TestFixtures.received(id, agency, caseNo, "申请人" + caseNo, LocalDate.of(2019, 12, 10)),
                new AnswerDueDateChanged(id, due, DueDateReason.RECEIVED, "第 20 个工作日"));
        deliver(requests, 2, more);
    }

    private static void deliver(RequestProjection requests, RequestEvent... events) {
        deliver(requests, 0, events);
    }

    private static void deliver(RequestProjection requests, int firstSequence, RequestEvent... events) {
        for (int i = 0; i < events.length; i++) {
            requests.on(events[i], firstSequence + i, AT, "clerk");
        }
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static DeadlineBoardController controllerOn(LocalDate today) {
        return new DeadlineBoardController(new DeadlineQueries(database, calendar, TestFixtures.clockOn(today)),
                directory, new ReadAccess(directory));
    }

    private static void signIn(Role role, String agencyCode) {
        FoiUser user = new FoiUser("user", "", role, agencyCode);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private static DeadlineBoard board(Role role, String userAgency, String asked, int within) {
        signIn(role, userAgency);
        return controllerOn(TODAY).deadlines(asked, within);
    }

    private static List<String> caseNos(DeadlineBoard board) {
        return board.requests().stream().map(DeadlineBoard.Item::caseNo).toList();
    }

    @Test
    void aSupervisorSeesTheOpenRequestsOfTheAgencyAndThoseUnderItMostUrgentFirst() {
        DeadlineBoard board = board(Role.SUPERVISOR, "DIST_A", "DIST_A", 5);

        assertThat(board.agency()).isEqualTo("DIST_A");
        assertThat(board.today()).isEqualTo(TODAY);
        assertThat(board.within()).isEqualTo(5);
        assertThat(caseNos(board)).containsExactly("A-003", "A-005", "A-001", "A-008", "S-001", "A-002", "A-000",
                "A-004", "A-006");
        assertThat(board.requests()).extracting(DeadlineBoard.Item::workingDaysLeft)
                .containsExactly(-2, -1, 0, 1, 1, 2, 4, 20, null);
        assertThat(board.requests()).extracting(DeadlineBoard.Item::state).containsExactly(
                DeadlineState.OVERDUE, DeadlineState.PAUSED, DeadlineState.DUE_SOON, DeadlineState.DUE_SOON,
                DeadlineState.DUE_SOON, DeadlineState.DUE_SOON, DeadlineState.DUE_SOON, DeadlineState.NORMAL,
                DeadlineState.NORMAL);
        assertThat(board.counts()).containsExactly(Map.entry(DeadlineState.NORMAL, 2),
                Map.entry(DeadlineState.DUE_SOON, 5), Map.entry(DeadlineState.OVERDUE, 1),
                Map.entry(DeadlineState.PAUSED, 1));
    }

    @Test
    void eachItemNamesItsAgencyAndItsStateInWords() {
        List<DeadlineBoard.Item> items = board(Role.SUPERVISOR, "DIST_A", "DIST_A", 5).requests();

        DeadlineBoard.Item paused = items.get(1);
        assertThat(paused.stateLabel()).isEqualTo("已暂停（征求意见中）");
        assertThat(paused.pausedBecause()).isEqualTo("CONSULTATION");
        assertThat(items.get(0).stateLabel()).isEqualTo("已逾期");
        assertThat(items.get(2).stateLabel()).isEqualTo("即将到期");
        assertThat(items.get(7).stateLabel()).isEqualTo("正常");
        assertThat(items.get(7).pausedBecause()).isNull();
        DeadlineBoard.Item street = items.get(4);
        assertThat(street.id()).isEqualTo("s-tomorrow");
        assertThat(street.agencyCode()).isEqualTo("STREET_A1");
        assertThat(street.agencyName()).isEqualTo("甲区一街道办事处");
        assertThat(street.applicantName()).isEqualTo("申请人S-001");
        assertThat(street.receivedOn()).isEqualTo(LocalDate.of(2019, 12, 10));
        assertThat(street.dueDate()).isEqualTo(LocalDate.of(2020, 1, 17));
    }

    @Test
    void withinDecidesHowFarAheadADueDateIsDueSoon() {
        DeadlineBoard today = board(Role.SUPERVISOR, "DIST_A", "DIST_A", 0);
        assertThat(today.requests()).filteredOn(item -> item.state() == DeadlineState.DUE_SOON)
                .extracting(DeadlineBoard.Item::caseNo).containsExactly("A-001");
        assertThat(today.counts()).containsEntry(DeadlineState.NORMAL, 6);

        DeadlineBoard month = board(Role.SUPERVISOR, "DIST_A", "DIST_A", 60);
        assertThat(month.counts()).containsEntry(DeadlineState.DUE_SOON, 6).containsEntry(DeadlineState.NORMAL, 1);
    }

    @Test
    void aSupervisorOfAParentAgencySeesTheRequestsOfEveryAgencyUnderItEachOnItsOwnCalendar() {
        DeadlineBoard board = board(Role.SUPERVISOR, "CITY", "CITY", 5);

        assertThat(caseNos(board)).containsExactly("A-003", "A-005", "C-001", "A-001", "A-008", "S-001", "A-002",
                "B-001", "A-000", "A-004", "A-006");
        assertThat(board.requests()).filteredOn(item -> item.dueDate() != null
                        && item.dueDate().equals(LocalDate.of(2020, 1, 21)))
                .extracting(DeadlineBoard.Item::agencyCode, DeadlineBoard.Item::workingDaysLeft)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DIST_B", 3),
                        org.assertj.core.groups.Tuple.tuple("DIST_A", 4));
        assertThat(caseNos(board(Role.SUPERVISOR, "CITY", "STREET_A1", 5))).containsExactly("S-001");
        assertThat(caseNos(board(Role.ADMIN, null, "DIST_B", 5))).containsExactly("B-001");
    }

    @Test
    void aClerkSeesOnlyTheirOwnAgencyAndNeverTheParents() {
        DeadlineBoard street = board(Role.CLERK, "STREET_A1", "STREET_A1", 5);
        assertThat(caseNos(street)).containsExactly("S-001");
        assertThat(street.counts()).containsExactly(Map.entry(DeadlineState.NORMAL, 0),
                Map.entry(DeadlineState.DUE_SOON, 1), Map.entry(DeadlineState.OVERDUE, 0),
                Map.entry(DeadlineState.PAUSED, 0));

        assertThatThrownBy(() -> board(Role.CLERK, "STREET_A1", "DIST_A", 5))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(caseNos(board(Role.CLERK, "DIST_A", "DIST_A", 5))).doesNotContain("S-001").contains("A-001");
    }

    @Test
    void aSupervisorMayNotLookAboveOrBesideTheirAgency() {
        assertThatThrownBy(() -> board(Role.SUPERVISOR, "DIST_A", "CITY", 5))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> board(Role.SUPERVISOR, "DIST_A", "DIST_B", 5))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> board(Role.SUPERVISOR, null, "DIST_B", 5))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdministratorAskingForAnUnknownAgencyIsToldItDoesNotExist() {
        assertThatThrownBy(() -> board(Role.ADMIN, null, "NOWHERE", 5)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRequestIsOverdueOnTheWeekendAfterItsDueDateThoughNoWorkingDayHasPassed() {
        signIn(Role.CLERK, "STREET_A1");
        DeadlineBoard saturday = controllerOn(LocalDate.of(2020, 1, 18)).deadlines("STREET_A1", 5);

        assertThat(saturday.requests()).singleElement()
                .satisfies(item -> {
                    assertThat(item.workingDaysLeft()).isZero();
                    assertThat(item.state()).isEqualTo(DeadlineState.OVERDUE);
                });
    }

    @Test
    void withinOutsideZeroToSixtyIsRejectedNamingTheField() {
        for (int within : new int[] {-1, DeadlineBoardController.MAX_WITHIN + 1}) {
            assertThatThrownBy(() -> board(Role.SUPERVISOR, "DIST_A", "DIST_A", within))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("within"));
        }
    }

    @Test
    void overHttpABadWithinIsA400ProblemAndTheBoardHasItsJsonShape() throws Exception {
        MockMvc http = MockMvcBuilders.standaloneSetup(controllerOn(TODAY))
                .setControllerAdvice(new ApiProblemHandler())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(
                        // Spring's builder, as the application's: it knows how to write a ProblemDetail's properties.
                        Jackson2ObjectMapperBuilder.json().featuresToDisable(
                                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
        signIn(Role.SUPERVISOR, "DIST_A");

        http.perform(get("/api/agencies/DIST_A/deadlines").param("within", "61"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("within"));
        http.perform(get("/api/agencies/DIST_A/deadlines").param("within", "五"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("within"));
        http.perform(get("/api/agencies/STREET_A1/deadlines"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value("STREET_A1"))
                .andExpect(jsonPath("$.today").value("2020-01-16"))
                .andExpect(jsonPath("$.within").value(5))
                .andExpect(jsonPath("$.counts.NORMAL").value(0))
                .andExpect(jsonPath("$.counts.DUE_SOON").value(1))
                .andExpect(jsonPath("$.counts.OVERDUE").value(0))
                .andExpect(jsonPath("$.counts.PAUSED").value(0))
                .andExpect(jsonPath("$.requests[0].caseNo").value("S-001"))
                .andExpect(jsonPath("$.requests[0].workingDaysLeft").value(1))
                .andExpect(jsonPath("$.requests[0].state").value("DUE_SOON"))
                .andExpect(jsonPath("$.requests[0].stateLabel").value("即将到期"))
                .andExpect(jsonPath("$.requests[0].dueDate").value("2020-01-17"));
    }
}
