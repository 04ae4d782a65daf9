package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.ExtendAnswerPeriod;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RecordFeePayment;
import cn.foi.command.request.RequestCommands.RecordSupplement;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.command.request.RequestCommands.AskForSupplement;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestedForm;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.platform.fees.FeePolicy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.Test;

/**
 * Random legal histories against a reference written from the law, not from the aggregate's period code: the answer
 * period is the N-th working day after the start (receipt or supplement) that no consultation or unpaid fee held,
 * N being 20 (15 under the 2008 条例) plus the extension; a consultation holds the days after its sending up to its
 * reply or its fifteenth working day from delivery (or sending), whichever is first; a fee holds the days after its
 * notice up to its payment. The reference counts on its own over the official dates the tests use.
 *
 * <p>After every step whose date leaves nothing holding the clock, the due date the aggregate announced must be the
 * reference's; every command the law allows must be accepted, every extension after the period expired refused. A
 * history left waiting ends in its answer: a 补正 never supplied in 逾期不补正, a fee never paid in 逾期未缴费, each
 * accepted only when dated after its deadline (the 补正 deadline given; the twentieth working day after the fee notice,
 * 国办函〔2020〕109号) and refused on or before it.
 * {@code -Dfoi.histories=N -Dfoi.seed=S} to run more or others.
 */
class DisclosureRequestDueDatePropertyTest {

    private static final int HISTORIES = Integer.getInteger("foi.histories", 2000);
    private static final long SEED = Long.getLong("foi.seed", 20251126L);
    private static final String ID = "req-p";
    private static final String AGENCY = "xh-fgw";
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 2);
    private static final LocalDate LAST = LocalDate.of(2026, 6, 30);

    /** The law's counting, on its own: the official dates only, no code of the system. */
    private static final class Law {
        private final Set<LocalDate> holidays;
        private final Set<LocalDate> workdays;

        Law(Set<LocalDate> holidays, Set<LocalDate> workdays) {
            this.holidays = holidays;
            this.workdays = workdays;
        }

        boolean working(LocalDate day) {
            if (holidays.contains(day)) {
                return false;
            }
            return workdays.contains(day)
                    || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
        }

        /** The n-th working day after the day given. */
        LocalDate nth(LocalDate from, int n) {
            LocalDate day = from;
            while (n > 0) {
                day = day.plusDays(1);
                if (working(day)) {
                    n--;
                }
            }
            return day;
        }

        /** The n-th working day after the start that no span (after its first day, up to its last) held. */
        LocalDate due(LocalDate start, int n, List<LocalDate[]> spans) {
            LocalDate day = start;
            while (n > 0) {
                day = day.plusDays(1);
                if (day.getYear() > 2100) {
                    return LocalDate.MAX; // an unpaid fee holds the clock for good
                }
                if (working(day) && !held(day, spans)) {
                    n--;
                }
            }
            return day;
        }

        private static boolean held(LocalDate day, List<LocalDate[]> spans) {
            for (LocalDate[] span : spans) {
                if (day.isAfter(span[0]) && !day.isAfter(span[1])) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One command of a history, with what the law says of it. */
    private record Step(LocalDate on, int seq, Object command, boolean legal, Item item, boolean ends) {
    }

    /** A consultation or a fee: what holds the clock, from its start to its end (null: never recorded). */
    private static final class Item {
        final LocalDate start;
        final LocalDate end;
        boolean started;
        boolean ended;

        Item(LocalDate start, LocalDate end) {
            this.start = start;
            this.end = end;
        }
    }

    private final WorkingDayCalendar calendar = WorkingDayCalendar.national();
    private final Law law = new Law(Set.copyOf(calendar.holidays()), Set.copyOf(calendar.makeUpWorkdays()));
    private boolean feePausesClock;
    private FixtureConfiguration<DisclosureRequest> fixture;

    @Test
    void randomLegalHistoriesHaveTheDueDatesOfTheLaw() {
        fixture = new AggregateTestFixture<>(DisclosureRequest.class);
        fixture.registerInjectableResource((AgencyCounting) agency -> new AgencyCounting.Counting(calendar, false,
                feePausesClock));
        fixture.registerInjectableResource(
                java.time.Clock.fixed(Instant.parse("2027-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        fixture.registerInjectableResource((AgencyDirectory) AGENCY::equals);
        fixture.registerInjectableResource(new DisclosureRequestFixture.InMemoryCaseNumbers()); // numbers differ by history
        Random random = new Random(SEED);
        int compared = 0;
        for (int h = 0; h < HISTORIES; h++) {
            compared += runHistory(h, random);
        }
        assertThat(compared).isGreaterThan(HISTORIES);
    }

    private int runHistory(int number, Random random) {
        feePausesClock = random.nextInt(4) != 0;
        LocalDate received = FIRST.plusDays(random.nextInt((int) (LAST.toEpochDay() - FIRST.toEpochDay())));
        boolean old = received.isBefore(LocalDate.of(2019, 5, 15));
        int answerDays = old ? 15 : 20;
        int maxExtension = old ? 15 : 20;

        List<Step> steps = new ArrayList<>();
        int seq = 0;
        LocalDate start = received;
        // The deadline of a 补正 never supplied: the history has nothing more until its answer.
        LocalDate supplementDue = null;
        if (random.nextInt(10) < 3) {
            LocalDate asked = received.plusDays(random.nextInt(8));
            steps.add(new Step(asked, seq++, new AskForSupplement(ID, asked, asked.plusDays(15), "请明确所需信息"),
                    true, null, false));
            if (random.nextInt(4) == 0) {
                supplementDue = asked.plusDays(15);
            } else {
                LocalDate supplied = asked.plusDays(random.nextInt(11));
                steps.add(new Step(supplied, seq++, new RecordSupplement(ID, supplied), true, null, false));
                start = supplied;
            }
        }
        List<Item> items = new ArrayList<>();
        List<Step> pending = new ArrayList<>();
        LocalDate feeFree = start;
        // The date of a fee notice never paid.
        LocalDate unpaidNotice = null;
        int count = supplementDue != null ? 0 : random.nextInt(5);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) > 0) {
                LocalDate sent = start.plusDays(random.nextInt(40));
                LocalDate delivered = random.nextInt(10) < 4 ? sent.plusDays(random.nextInt(7)) : null;
                LocalDate lastDay = law.nth(delivered != null ? delivered : sent, 15);
                int no = seq; // the start's place in the history, numbered as the request will once sorted
                int kind = random.nextInt(20);
                LocalDate endedOn;
                ConsultationEnding ending;
                if (kind < 10) {
                    endedOn = sent.plusDays(random.nextInt((int) (lastDay.toEpochDay() - sent.toEpochDay()) + 12));
                    ending = ConsultationEnding.REPLIED;
                } else if (kind < 18) {
                    endedOn = lastDay.plusDays(random.nextInt(5));
                    ending = ConsultationEnding.LAPSED;
                } else {
                    endedOn = null;
                    ending = null;
                }
                // Unrecorded, it still held the clock no longer than its fifteen working days.
                LocalDate heldUntil = endedOn == null || endedOn.isAfter(lastDay) ? lastDay : endedOn;
                Item item = new Item(sent, heldUntil);
                items.add(item);
                pending.add(new Step(sent, seq++, new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "某公司", sent,
                        delivered), true, item, false));
                LocalDate probeBefore = endedOn == null || lastDay.isBefore(endedOn) ? lastDay : endedOn;
                if (random.nextInt(4) == 0 && sent.isBefore(probeBefore)) {
                    LocalDate early = sent.plusDays(random.nextInt((int) (probeBefore.toEpochDay() - sent.toEpochDay())));
                    pending.add(new Step(early, seq++, new EndConsultation(ID, no, early, ConsultationEnding.LAPSED, ""),
                            false, null, false));
                }
                if (endedOn != null) {
                    pending.add(new Step(endedOn, seq++, new EndConsultation(ID, no, endedOn, ending, ""), true, item,
                            true));
                }
            } else {
                LocalDate notice = feeFree.plusDays(random.nextInt(25));
                if (notice.isBefore(FeePolicy.IN_FORCE_FROM)) {
                    continue; // no fee could be charged before 国办函〔2020〕109号 (a refused notice is not a legal step)
                }
                LocalDate paid = random.nextInt(10) == 0 ? null : notice.plusDays(random.nextInt(29));
                Item item = new Item(notice, paid);
                if (feePausesClock) {
                    items.add(item);
                }
                pending.add(new Step(notice, seq++, new IssueFeeNotice(ID, notice, new BigDecimal("100"),
                        FeeMethod.PER_PAGE), true, feePausesClock ? item : null, false));
                if (paid == null) {
                    unpaidNotice = notice;
                    feeFree = LocalDate.MAX;
                    break;
                }
                pending.add(new Step(paid, seq++, new RecordFeePayment(ID, paid), true, feePausesClock ? item : null,
                        true));
                feeFree = paid;
            }
        }
        int extension = 0;
        if (supplementDue == null && random.nextBoolean()) {
            LocalDate extendedOn = start.plusDays(random.nextInt(70));
            int days = 1 + random.nextInt(maxExtension);
            List<LocalDate[]> spans = spansOf(items, true);
            boolean legal = !extendedOn.isAfter(law.due(start, answerDays, spans));
            pending.add(new Step(extendedOn, seq++, new ExtendAnswerPeriod(ID, extendedOn, days, ""), legal, null,
                    false));
            extension = legal ? days : 0;
        }
        pending.sort(Comparator.comparing(Step::on).thenComparing(Step::seq));
        // The request numbers its consultations in the order they start: end the one the history means.
        java.util.Map<Integer, Integer> numbers = new java.util.HashMap<>();
        for (Step step : pending) {
            if (step.command() instanceof StartConsultation) {
                numbers.put(step.seq(), numbers.size() + 1);
            }
        }
        for (Step step : pending) {
            if (step.command() instanceof EndConsultation end) {
                int startSeq = end.consultationNo();
                steps.add(new Step(step.on(), step.seq(), new EndConsultation(ID, numbers.get(startSeq),
                        end.endedOn(), end.ending(), end.opinion()), step.legal(), step.item(), step.ends()));
            } else {
                steps.add(step);
            }
        }

        List<Object> history = new ArrayList<>();
        Result registered = run(history, new RegisterRequest(ID, AGENCY, new Registration("P-" + number,
                new Applicant(ApplicantCategory.C1, "张三", null, null, null), Channel.IN_PERSON, received, null, null,
                "某信息", 1, RequestedForm.ELECTRONIC)));
        assertThat(registered.error()).as("history %d: registration", number).isNull();
        history.addAll(registered.events());
        LocalDate due = dueIn(registered.events(), null);
        assertThat(due).as("history %d: received %s", number, received)
                .isEqualTo(law.due(received, answerDays, List.of()));
        int extended = 0;
        int compared = 1;
        LocalDate periodStart = received;
        LocalDate latest = received;
        for (Step step : steps) {
            Result result = run(history, step.command());
            String where = "history " + number + " (seed " + SEED + ", received " + received + ", fee pauses "
                    + feePausesClock + "): " + step.command() + " after " + history;
            if (!step.legal()) {
                assertThat(result.error()).as(where).isInstanceOf(RuleViolation.class);
                continue;
            }
            assertThat(result.error()).as(where).isNull();
            history.addAll(result.events());
            latest = step.on().isAfter(latest) ? step.on() : latest;
            due = dueIn(result.events(), due);
            if (step.command() instanceof RecordSupplement supplement) {
                periodStart = supplement.receivedOn();
            }
            if (step.command() instanceof ExtendAnswerPeriod extend) {
                extended = extend.workingDays();
            }
            if (step.item() != null) {
                if (step.ends()) {
                    step.item().ended = true;
                } else {
                    step.item().started = true;
                }
            }
            if (items.stream().anyMatch(item -> item.started && !item.ended)) {
                continue; // the clock stands still: the due date is known when it runs again
            }
            LocalDate expected = law.due(periodStart, answerDays + extended, spansOf(items, false));
            assertThat(due).as(where).isEqualTo(expected);
            compared++;
        }
        assertThat(extended).isEqualTo(extension);
        if (supplementDue != null) {
            compared += answerAfter(number, history, latest, Outcome.R3_6_1, supplementDue,
                    "SUPPLEMENT_DEADLINE_NOT_PASSED", random);
        } else if (unpaidNotice != null) {
            compared += answerAfter(number, history, latest, Outcome.R3_6_2, law.nth(unpaidNotice, 20),
                    "PAYMENT_DEADLINE_NOT_PASSED", random);
        }
        return compared;
    }

    /**
     * The answer that ends a history left waiting, dated within a few days of the deadline and not before the last step:
     * accepted when dated after the deadline, refused by the rule named on or before it.
     */
    private int answerAfter(int number, List<Object> history, LocalDate latest, Outcome outcome, LocalDate deadline,
                            String rule, Random random) {
        LocalDate answeredOn = deadline.plusDays(random.nextInt(7) - 3);
        if (answeredOn.isBefore(latest)) {
            answeredOn = latest;
        }
        Result result = run(history, new DecideRequest(ID, outcome, answeredOn, null, null));
        String where = "history " + number + " (seed " + SEED + "): " + outcome + " on " + answeredOn
                + ", deadline " + deadline + ", after " + history;
        if (answeredOn.isAfter(deadline)) {
            assertThat(result.error()).as(where).isNull();
            assertThat(result.events()).as(where).singleElement()
                    .isEqualTo(new RequestDecided(ID, outcome, answeredOn, null, ""));
        } else {
            assertThat(result.error()).as(where).isInstanceOfSatisfying(RuleViolation.class,
                    violation -> assertThat(violation.rule()).isEqualTo(rule));
        }
        return 1;
    }

    /** The spans that held the clock: all of them, or those recorded as started and ended. */
    private static List<LocalDate[]> spansOf(List<Item> items, boolean all) {
        List<LocalDate[]> spans = new ArrayList<>();
        for (Item item : items) {
            if (all || (item.started && item.ended)) {
                spans.add(new LocalDate[] {item.start, item.end == null ? LocalDate.MAX : item.end});
            }
        }
        return spans;
    }

    private static LocalDate dueIn(List<Object> events, LocalDate before) {
        LocalDate due = before;
        for (Object event : events) {
            if (event instanceof AnswerDueDateChanged changed) {
                due = changed.dueOn();
            }
        }
        return due;
    }

    private record Result(List<Object> events, Throwable error) {
    }

    private Result run(List<Object> history, Object command) {
        List<Object> events = new ArrayList<>();
        Throwable[] error = new Throwable[1];
        ResultValidator<DisclosureRequest> result = history.isEmpty()
                ? fixture.givenNoPriorActivity().when(command)
                : fixture.given(history).when(command);
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AssertionError refused) {
            result.expectException(new Capture<Object>(item -> error[0] = (Throwable) item));
            return new Result(List.of(), error[0]);
        }
        result.expectEventsMatching(new Capture<List<EventMessage<?>>>(item -> {
            for (Object message : (List<?>) item) {
                events.add(((EventMessage<?>) message).getPayload());
            }
        }));
        return new Result(error[0] == null ? events : List.of(), error[0]);
    }

    /** A matcher that only looks. */
    private static final class Capture<T> extends BaseMatcher<T> {
        private final java.util.function.Consumer<Object> look;

        Capture(java.util.function.Consumer<Object> look) {
            this.look = look;
        }

        @Override
        public boolean matches(Object item) {
            look.accept(item);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything");
        }
    }
}
