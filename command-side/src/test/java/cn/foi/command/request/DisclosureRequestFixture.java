package cn.foi.command.request;

import static org.hamcrest.Matchers.containsString;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.threeten.extra.MutableClock;

/**
 * What the tests of one request's life share (docs/domain.md §1): the Given-When-Then fixture with the agency's
 * calendar and settings, the history most tests start from, and the check of a refusal. "Today" is 2026-06-30 in
 * Beijing; the request used by most tests was handed in on Monday 2026-05-11, so its twenty working days end on Monday
 * 2026-06-08 (端午 2026-06-19 is later). Each behaviour has its own test class extending this one.
 */
abstract class DisclosureRequestFixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    static final String ID = "req-0001";
    static final String AGENCY = "xh-fgw";
    static final String OTHER_AGENCY = "xh-tqjd";
    static final String CASE_NO = "西发改依〔2026〕1号";
    static final Applicant PERSON =
            new Applicant(ApplicantCategory.C1, "张三", "居民身份证", "110102199001011234", "13800000000");
    static final Applicant FIRM =
            new Applicant(ApplicantCategory.C2, "北京某科技有限公司", "统一社会信用代码", "91110102MA00000000", null);
    static final String DESCRIPTION = "2025年西城区某地块规划许可文件";
    static final String ITEMS = "请写明所需规划许可的地块名称或文号";

    /** The calendar the request's agency works by; a test may change it, as an administrator would. */
    WorkingDayCalendar calendar;
    /** The agency's settings; the defaults unless a test chooses otherwise. */
    boolean countFromReceiptDay = false;
    boolean feePausesClock = true;
    static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    static final LocalDate DUE = LocalDate.of(2026, 6, 8);
    static final LocalDate SUPPLEMENT_NOTICE = LocalDate.of(2026, 5, 14);
    static final LocalDate SUPPLEMENT_DUE = LocalDate.of(2026, 5, 29);
    static final LocalDate SUPPLEMENT_RECEIVED = LocalDate.of(2026, 5, 22);
    static final LocalDate FEE_NOTICE = LocalDate.of(2026, 5, 20);
    /** Twenty working days after the fee notice. */
    static final LocalDate PAY_BY = LocalDate.of(2026, 6, 17);
    static final LocalDate CONSULTED = LocalDate.of(2026, 5, 15);
    static final LocalDate DECIDED = LocalDate.of(2026, 6, 1);
    static final LocalDate SERVED = LocalDate.of(2026, 6, 2);

    FixtureConfiguration<DisclosureRequest> fixture;
    /** The office clock, whose day a test sets (at the fixed time of day), as the scheduler's checks come on different days. */
    MutableClock clock;
    InMemoryCaseNumbers caseNumbers;

    @BeforeEach
    void setUp() {
        Set<String> agencies = Set.of(AGENCY, OTHER_AGENCY);
        caseNumbers = new InMemoryCaseNumbers();
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        calendar = WorkingDayCalendar.national();
        fixture.registerInjectableResource((AgencyCounting) agency -> new AgencyCounting.Counting(calendar,
                countFromReceiptDay, feePausesClock));
        clock = MutableClock.of(CLOCK.instant(), CLOCK.getZone());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(caseNumbers);
        fixture.registerInjectableResource((AgencyDirectory) agencies::contains);
    }


    // ---- the history the tests start from

    /** The national calendar with one more day off, as a region's festival would add. */
    static WorkingDayCalendar nationalWithHoliday(LocalDate festival) {
        Set<LocalDate> holidays = new HashSet<>(WorkingDayCalendar.national().holidays());
        holidays.add(festival);
        return new WorkingDayCalendar(holidays, WorkingDayCalendar.national().makeUpWorkdays());
    }

    TestExecutor<DisclosureRequest> givenReceived(Object... later) {
        List<Object> events = new ArrayList<>(received());
        events.addAll(List.of(later));
        return fixture.given(events);
    }

    static List<Object> received() {
        return List.of(new RequestReceived(ID, AGENCY, CASE_NO, PERSON, Channel.IN_PERSON, RECEIVED, null, RECEIVED,
                        DESCRIPTION, 2, RequestedForm.ELECTRONIC),
                dueOnReceipt(RECEIVED, DUE));
    }

    static Registration inPerson(LocalDate on) {
        return new Registration(CASE_NO, PERSON, Channel.IN_PERSON, on, null, null, DESCRIPTION, 2,
                RequestedForm.ELECTRONIC);
    }

    static AnswerDueDateChanged dueOnReceipt(LocalDate receivedOn, LocalDate dueOn) {
        return new AnswerDueDateChanged(ID, dueOn, DueDateReason.RECEIVED,
                "自收到申请之日（" + receivedOn + "）次日起第 20 个工作日");
    }

    static SupplementRequested supplementRequested() {
        return new SupplementRequested(ID, SUPPLEMENT_NOTICE, SUPPLEMENT_DUE, ITEMS, 1, false);
    }

    static SupplementReceived supplementReceived() {
        return new SupplementReceived(ID, SUPPLEMENT_RECEIVED, 1);
    }

    /** Twenty working days from the day after the supplement arrived: 端午 (2026-06-19) is skipped. */
    static AnswerDueDateChanged supplementDueDate() {
        return new AnswerDueDateChanged(ID, LocalDate.of(2026, 6, 22), DueDateReason.SUPPLEMENT_RECEIVED,
                "自收到补正之日（2026-05-22）次日起第 20 个工作日");
    }

    static SupplementLapseRecorded supplementLapsed() {
        return new SupplementLapseRecorded(ID, SUPPLEMENT_DUE.plusDays(1), 1);
    }

    static ConsultationStarted consultationStarted() {
        return new ConsultationStarted(ID, 1, ConsultedParty.THIRD_PARTY, "北京某科技有限公司", CONSULTED);
    }

    static FeeNoticeIssued feeNotice() {
        return new FeeNoticeIssued(ID, FEE_NOTICE, new BigDecimal("200.00"), FeeMethod.PER_PAGE);
    }

    static RequestDecided decided() {
        return decidedAs(Outcome.R3_1);
    }

    static RequestDecided decidedAs(Outcome outcome) {
        return new RequestDecided(ID, outcome, DECIDED, SERVED, "");
    }

    static RequestWithdrawn withdrawn() {
        return new RequestWithdrawn(ID, LocalDate.of(2026, 5, 20), "申请人书面申请撤回");
    }

    // ---- refusals

    /** A refused command: a {@link RuleViolation} of the rule, its message in the clerk's words, nothing stored. */
    static void expectRefusal(ResultValidator<DisclosureRequest> result, Kind kind, String rule,
                                      String inWords) {
        result.expectException(RuleViolation.class)
                .expectException(violation(kind, rule))
                .expectExceptionMessage(containsString(inWords))
                .expectNoEvents();
    }

    static Matcher<RuleViolation> violation(Kind kind, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind && rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " violation of " + rule);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was a " + violation.kind() + " violation of " + violation.rule());
            }
        };
    }

    /** The agency's case numbers in memory: enough to see a claim refused and a correction move the number. */
    static final class InMemoryCaseNumbers implements CaseNumberRegistry {

        private final Set<String> taken = new HashSet<>();

        @Override
        public void claim(String agencyCode, String caseNo, String requestId) {
            if (!taken.add(key(agencyCode, caseNo))) {
                throw RuleViolation.conflict("CASE_NO_TAKEN", "受理编号 " + caseNo + " 已被本机关使用，请核对编号");
            }
        }

        @Override
        public void reassign(String agencyCode, String oldCaseNo, String newCaseNo, String requestId) {
            claim(agencyCode, newCaseNo, requestId);
            taken.remove(key(agencyCode, oldCaseNo));
        }

        boolean isTaken(String agencyCode, String caseNo) {
            return taken.contains(key(agencyCode, caseNo));
        }

        private static String key(String agencyCode, String caseNo) {
            return agencyCode + "\n" + caseNo;
        }
    }
}
