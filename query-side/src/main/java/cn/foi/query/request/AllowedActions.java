package cn.foi.query.request;

import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.Outcome;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.platform.decision.OutcomePreconditions;
import cn.foi.platform.fees.FeePolicy;
import cn.foi.query.request.RequestView.TimelineItem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The steps the command side would accept now on a request (docs/domain.md §1, DisclosureRequest's guards), read from
 * the request's projection so that the web UI offers a clerk only what the law allows and does not re-derive the rules
 * from the timeline itself (ADR 0029). Each action's {@code key} is the last segment of its command's path
 * ({@code POST /api/requests/{id}/{key}}, with {@code /{no}/end} or {@code /{no}/result} for the numbered ones, whose
 * {@code targets} list the consultations or appeals it may apply to). The command side checks again: a step offered on
 * a stale page may still be refused with 409 and the rule it breaks.
 *
 * <p>逾期未补正 and 逾期未缴费 are offered only once their deadline has passed today (the 补正 deadline the notice set; the
 * last day to pay, {@link FeePolicy#payBy}): no date the clerk could give before then would be accepted. Steps whose
 * date the clerk may give in the past (an extension decided in time and entered late) are offered while the state
 * allows them; the command side checks the date given and refuses with its reason.
 */
public final class AllowedActions {

    /** Where the button goes: 办理 (while open), 复议诉讼 (after the answer), 更正. */
    public enum Group {
        HANDLING("办理"), APPEALS("复议诉讼"), CORRECTION("更正");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One numbered item an action may apply to (a consultation, a reconsideration, a lawsuit), described. */
    public record Target(String kind, int no, String label) {
    }

    /** An outcome of Table 三 the command side would refuse on this request today, and why, in the clerk's words. */
    public record Exclusion(String key, String reason) {
    }

    /**
     * One step offered. {@code excluded} (only on the steps that record an outcome) lists the outcomes the command
     * side would refuse for every date the clerk could give today.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(String key, String label, String group, String groupLabel, List<Target> targets,
                         List<Exclusion> excluded) {

        static Action of(String key, String label, Group group) {
            return new Action(key, label, group.name(), group.label(), List.of(), List.of());
        }

        static Action of(String key, String label, Group group, List<Target> targets) {
            return new Action(key, label, group.name(), group.label(), targets, List.of());
        }

        Action excluding(List<Exclusion> outcomes) {
            return new Action(key, label, group, groupLabel, targets, outcomes);
        }
    }

    private AllowedActions() {
    }

    /**
     * The actions a user who may act on the request's agency may take now; the view must carry its timeline.
     *
     * @param today    the office's date
     * @param calendar the agency's working-day calendar, for the last day to pay a fee
     */
    public static List<Action> of(RequestView view, LocalDate today, WorkingDayCalendar calendar) {
        Facts facts = new Facts(view.timeline() == null ? List.of() : view.timeline());
        boolean closed = "CLOSED".equals(view.status()) || view.closedOn() != null;
        boolean supplementOpen = "AWAITING_SUPPLEMENT".equals(view.status())
                || facts.last("SupplementRequested") > facts.last("SupplementReceived");
        boolean supplementLapsed = facts.last("SupplementLapseRecorded") > facts.last("SupplementRequested");
        boolean supplementDeadlinePassed = view.supplementDueOn() != null && today.isAfter(view.supplementDueOn());
        boolean feeOpen = facts.count("FeeNoticeIssued") > facts.count("FeePaid");
        boolean feeLapsed = facts.last("FeeLapseRecorded") > facts.last("FeeNoticeIssued");
        LocalDate lastNoticeOn = facts.lastDate("FeeNoticeIssued", "noticeOn");
        LocalDate payBy = feeOpen && lastNoticeOn != null ? FeePolicy.payBy(lastNoticeOn, calendar) : null;
        boolean paymentPeriodPassed = payBy != null && today.isAfter(payBy);
        List<Exclusion> excludedOutcomes = excludedOutcomes(facts, supplementOpen ? view.supplementDueOn() : null,
                payBy, today);
        List<Target> openConsultations = facts.openConsultations();
        List<Target> pendingReconsiderations = facts.appeals("ReconsiderationFiled", "ReconsiderationDecided",
                "reconsiderationNo", "RECONSIDERATION", false);
        List<Target> decidedReconsiderations = facts.appeals("ReconsiderationFiled", "ReconsiderationDecided",
                "reconsiderationNo", "RECONSIDERATION", true);
        List<Target> pendingLawsuits = facts.appeals("LawsuitFiled", "LawsuitDecided", "lawsuitNo", "LAWSUIT", false);

        List<Action> actions = new ArrayList<>();
        if (!closed) {
            if (!supplementOpen) {
                actions.add(Action.of("supplement-request", "告知补正", Group.HANDLING));
            } else {
                actions.add(Action.of("supplement", "收到补正", Group.HANDLING));
                if (!supplementLapsed && supplementDeadlinePassed) {
                    actions.add(Action.of("supplement-lapse", "逾期未补正", Group.HANDLING));
                }
            }
            if (!view.extended()) {
                actions.add(Action.of("extension", "延长期限", Group.HANDLING));
            }
            actions.add(Action.of("consultations", "征求意见", Group.HANDLING));
        }
        if (!openConsultations.isEmpty()) {
            actions.add(Action.of("consultation-end", "结束征求意见", Group.HANDLING, openConsultations));
        }
        if (!closed) {
            if (!feeOpen) {
                actions.add(Action.of("fee-notice", "收费通知", Group.HANDLING));
            } else {
                actions.add(Action.of("fee-payment", "缴费", Group.HANDLING));
                if (!feeLapsed && paymentPeriodPassed) {
                    actions.add(Action.of("fee-lapse", "逾期未缴费", Group.HANDLING));
                }
            }
            actions.add(Action.of("later-answer-date", "依第三十五条延后", Group.HANDLING));
            if (view.outcome() == null) {
                actions.add(Action.of("decision", "作出答复", Group.HANDLING).excluding(excludedOutcomes));
            }
            actions.add(Action.of("withdrawal", "撤回", Group.HANDLING));
        }
        if (closed) {
            actions.add(Action.of("reconsiderations", "行政复议", Group.APPEALS));
        }
        if (!pendingReconsiderations.isEmpty()) {
            actions.add(Action.of("reconsideration-result", "复议结果", Group.APPEALS, pendingReconsiderations));
        }
        if (closed) {
            // A lawsuit after reconsideration follows a decided one: those are its targets (none: only a direct one).
            actions.add(Action.of("lawsuits", "行政诉讼", Group.APPEALS, decidedReconsiderations));
        }
        if (!pendingLawsuits.isEmpty()) {
            actions.add(Action.of("lawsuit-result", "判决", Group.APPEALS, pendingLawsuits));
        }
        List<Target> awaitingNewAnswer = facts.awaitingNewAnswer();
        if (closed && !awaitingNewAnswer.isEmpty()) {
            actions.add(Action.of("redecision", "重新答复", Group.APPEALS, awaitingNewAnswer)
                    .excluding(excludedOutcomes));
        }
        actions.add(Action.of("registration-correction", "更正登记", Group.CORRECTION));
        if (view.outcome() != null) {
            actions.add(Action.of("decision-correction", "更正答复", Group.CORRECTION).excluding(excludedOutcomes));
        }
        return List.copyOf(actions);
    }

    /**
     * The outcomes that an answer dated today could not have, each with the words the command side would refuse it in:
     * the shared policy {@link OutcomePreconditions} (docs/domain.md §1.6) asked with today as the day of the answer. An
     * answer dated earlier would be refused as well, since a deadline that has not passed today had not passed then.
     * Every outcome is asked: which of them have preconditions is the policy's to say.
     */
    private static List<Exclusion> excludedOutcomes(Facts facts, LocalDate supplementDueOn, LocalDate payBy,
                                                    LocalDate today) {
        OutcomePreconditions.History history = new OutcomePreconditions.History(
                supplementDueOn, facts.count("SupplementReceived") > 0, payBy);
        return Arrays.stream(Outcome.values())
                .flatMap(outcome -> OutcomePreconditions.refusal(outcome, today, history).stream()
                        .map(refusal -> new Exclusion(outcome.name(), refusal.message())))
                .toList();
    }

    /** What the timeline says that the row's columns do not: which numbered items are open, in what order. */
    private record Facts(List<TimelineItem> timeline) {

        long last(String type) {
            return timeline.stream().filter(is(type)).mapToLong(TimelineItem::sequence).max().orElse(-1);
        }

        /** A date of the last entry of that type (from its data, else its business date), or null when there is none. */
        LocalDate lastDate(String type, String key) {
            return timeline.stream().filter(is(type)).max(Comparator.comparingLong(TimelineItem::sequence))
                    .map(t -> data(t).get(key) != null ? LocalDate.parse(data(t).get(key).toString())
                            : t.businessDate())
                    .orElse(null);
        }

        long count(String type) {
            return timeline.stream().filter(is(type)).count();
        }

        List<Target> openConsultations() {
            Set<Integer> ended = numbers("ConsultationEnded", "consultationNo");
            return timeline.stream().filter(is("ConsultationStarted"))
                    .filter(t -> !ended.contains(number(t, "consultationNo")))
                    .map(t -> {
                        Object addressee = data(t).get("addressee");
                        String party = Arrays.stream(ConsultedParty.values())
                                .filter(p -> p.name().equals(String.valueOf(data(t).get("party"))))
                                .map(ConsultedParty::label).findFirst().orElse("");
                        return new Target("CONSULTATION", number(t, "consultationNo"), "第 " + number(t, "consultationNo")
                                + " 次：" + party + (addressee == null || addressee.toString().isBlank() ? ""
                                : "（" + addressee + "）") + "，" + date(t, "startedOn") + " 发出");
                    }).toList();
        }

        List<Target> appeals(String filed, String decided, String key, String kind, boolean wantDecided) {
            Set<Integer> decidedNumbers = numbers(decided, key);
            String verb = kind.equals("LAWSUIT") ? " 起诉" : " 申请";
            return timeline.stream().filter(is(filed))
                    .filter(t -> decidedNumbers.contains(number(t, key)) == wantDecided)
                    .map(t -> new Target(kind, number(t, key),
                            "第 " + number(t, key) + " 件，" + date(t, "filedOn") + verb)).toList();
        }

        /**
         * Appeals decided 纠正 not yet answered anew, the earliest decided first: the command side answers that one
         * (DisclosureRequest#appealAwaitingNewAnswer).
         */
        List<Target> awaitingNewAnswer() {
            Set<String> answered = new HashSet<>();
            timeline.stream().filter(is("RequestRedecided"))
                    .forEach(t -> answered.add(data(t).get("orderedBy") + "#" + number(t, "appealNo")));
            record Corrected(String kind, int no, String decidedOn, String name) {
            }
            List<Corrected> corrected = new ArrayList<>();
            timeline.stream().filter(is("ReconsiderationDecided")).filter(this::corrected)
                    .forEach(t -> corrected.add(new Corrected("RECONSIDERATION", number(t, "reconsiderationNo"),
                            date(t, "decidedOn"), "行政复议")));
            timeline.stream().filter(is("LawsuitDecided")).filter(this::corrected)
                    .forEach(t -> corrected.add(new Corrected("LAWSUIT", number(t, "lawsuitNo"),
                            date(t, "decidedOn"), "行政诉讼")));
            return corrected.stream().filter(c -> !answered.contains(c.kind() + "#" + c.no()))
                    .sorted(Comparator.comparing(Corrected::decidedOn)
                            .thenComparing(c -> c.kind().equals("RECONSIDERATION") ? 0 : 1)
                            .thenComparing(Corrected::no))
                    .map(c -> new Target(c.kind(), c.no(), "第 " + c.no() + " 件" + c.name() + "于 " + c.decidedOn()
                            + " 作出纠正决定")).toList();
        }

        private boolean corrected(TimelineItem t) {
            return "CORRECTED".equals(String.valueOf(data(t).get("result")));
        }

        private Set<Integer> numbers(String type, String key) {
            Set<Integer> found = new HashSet<>();
            timeline.stream().filter(is(type)).forEach(t -> found.add(number(t, key)));
            return found;
        }

        private static Predicate<TimelineItem> is(String type) {
            return t -> type.equals(t.type());
        }

        private static Map<String, Object> data(TimelineItem t) {
            return t.data() == null ? Map.of() : t.data();
        }

        private static int number(TimelineItem t, String key) {
            Object value = data(t).get(key);
            return value instanceof Number n ? n.intValue() : value == null ? -1 : Integer.parseInt(value.toString());
        }

        private static String date(TimelineItem t, String key) {
            Object value = data(t).get(key);
            return Objects.toString(value != null ? value : t.businessDate(), "—");
        }
    }
}
