package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.checked;
import static cn.foi.command.request.InputChecks.notBefore;
import static cn.foi.command.request.InputChecks.notInFuture;
import static cn.foi.command.request.InputChecks.text;

import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.platform.limits.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * 征求意见 (条例 32, 34; docs/domain.md §1.4), as a value of the request: the consultations of a third party or another
 * agency, by their number. The consulted party has fifteen working days from the delivery, or from the sending when
 * the delivery date is not known; the clock stands still until the reply or the end of those days, whichever comes
 * first. The request decides when the clock stops and runs again; this value tells it how long the consultations hold
 * it. The request replaces it in its event sourcing handlers; each step returns a new value.
 *
 * @param count    the number of the last consultation started, 0 before the first
 * @param byNumber the consultations started, by number (unmodifiable)
 */
record Consultations(int count, Map<Integer, Consultation> byNumber) {

    /** A request nobody was consulted on. */
    static final Consultations NONE = new Consultations(0, Map.of());

    /**
     * One consultation. A reply later than its fifteen working days is kept but does not lengthen the standstill.
     *
     * @param endedOn the day of the reply, or of the clerk recording that none came, or null while it is open
     */
    record Consultation(LocalDate startedOn, LocalDate deliveredOn, LocalDate endedOn) {

        boolean open() {
            return endedOn == null;
        }

        /** The last of its fifteen working days, counted from the delivery, or from the sending when not known. */
        LocalDate repliesDueBy(WorkingDayCalendar calendar) {
            return calendar.addWorkingDays(deliveredOn != null ? deliveredOn : startedOn, Regulation.CONSULTATION_PERIOD);
        }

        /** The last day it holds the clock: its reply, or the last of its fifteen days, or that day while it is open. */
        LocalDate holdsUntil(WorkingDayCalendar calendar) {
            LocalDate due = repliesDueBy(calendar);
            return open() || endedOn.isAfter(due) ? due : endedOn;
        }
    }

    /** A consultation as the clerk starts it, checked. */
    record Start(ConsultedParty party, String addressee, LocalDate startedOn, LocalDate deliveredOn) {
    }

    /** The end of a consultation as the clerk records it, checked, with how it ended by its fifteen days. */
    record End(int number, LocalDate endedOn, ConsultationEnding ending, String opinion) {
    }

    /** The start as given, checked in the order of the form: whom, when sent, when delivered (not before sent). */
    static Start checkedStart(StartConsultation command, LocalDate requestReceivedOn, Clock clock) {
        if (command.party() == null) {
            throw RuleViolation.invalid("PARTY_REQUIRED", "party", "请选择征求意见对象：第三方（THIRD_PARTY）或其他机关（OTHER_AGENCY）");
        }
        LocalDate startedOn = checked(command.startedOn(), "startedOn", "征求意见日期", requestReceivedOn, clock);
        notInFuture(command.deliveredOn(), "deliveredOn", "送达日期", clock);
        notBefore(command.deliveredOn(), startedOn, "deliveredOn", "送达日期", "征求意见日期");
        String addressee = text(TextField.CONSULTATION_ADDRESSEE, command.addressee());
        return new Start(command.party(), addressee, startedOn, command.deliveredOn());
    }

    /** The number the next consultation gets. */
    int nextNumber() {
        return count + 1;
    }

    /**
     * The end as given, checked: of a consultation open, not before it started. A reply after the fifteen working days
     * is late; "no reply" (LAPSED) may be recorded only once those days are over.
     */
    End checkedEnd(EndConsultation command, LocalDate requestReceivedOn, Clock clock, WorkingDayCalendar calendar) {
        int number = command.consultationNo();
        Consultation consultation = byNumber.get(number);
        if (consultation == null || !consultation.open()) {
            throw number >= 1 && number <= count
                    ? RuleViolation.conflict("CONSULTATION_ALREADY_ENDED", "第 " + number + " 次征求意见已经结束")
                    : RuleViolation.notFound("CONSULTATION_UNKNOWN", "该申请没有第 " + number + " 次征求意见");
        }
        LocalDate endedOn = checked(command.endedOn(), "endedOn", "征求意见结束日期", requestReceivedOn, clock);
        notBefore(endedOn, consultation.startedOn(), "endedOn", "征求意见结束日期", "征求意见日期");
        String opinion = text(TextField.CONSULTATION_OPINION, command.opinion());
        LocalDate repliesDueBy = consultation.repliesDueBy(calendar);
        ConsultationEnding ending;
        if (command.ending() == ConsultationEnding.LAPSED) {
            if (endedOn.isBefore(repliesDueBy)) {
                throw RuleViolation.conflict("CONSULTATION_NOT_LAPSED", "第 " + number
                        + " 次征求意见的答复期限至 " + repliesDueBy + " 止（自" + (consultation.deliveredOn() != null
                        ? "送达" : "发出") + "之日起 " + Regulation.CONSULTATION_PERIOD
                        + " 个工作日），期限届满之前不能登记逾期未答复");
            }
            ending = ConsultationEnding.LAPSED;
        } else {
            ending = endedOn.isAfter(repliesDueBy) ? ConsultationEnding.REPLIED_LATE : ConsultationEnding.REPLIED;
        }
        return new End(number, endedOn, ending, opinion);
    }

    /** The day the last consultation was started, or null when there was none: what its notice tells of. */
    LocalDate lastStartedOn() {
        return count == 0 ? null : byNumber.get(count).startedOn();
    }

    /** The last day a pause held since {@code since} stands by the consultations, open ones to their fifteenth day. */
    LocalDate holdUntil(LocalDate since, WorkingDayCalendar calendar) {
        return holdUntil(since, calendar, false);
    }

    /** The same, counting only those ended: what has surely stopped holding the clock. */
    LocalDate endedHoldUntil(LocalDate since, WorkingDayCalendar calendar) {
        return holdUntil(since, calendar, true);
    }

    private LocalDate holdUntil(LocalDate since, WorkingDayCalendar calendar, boolean endedOnly) {
        LocalDate until = since;
        for (Consultation consultation : byNumber.values()) {
            if (endedOnly && consultation.open()) {
                continue;
            }
            LocalDate held = consultation.holdsUntil(calendar);
            until = held.isAfter(until) ? held : until;
        }
        return until;
    }

    /** Whether a consultation still open has days left after the given one: it keeps the clock stopped. */
    boolean openOneHoldsPast(LocalDate day, WorkingDayCalendar calendar) {
        return byNumber.values().stream()
                .anyMatch(consultation -> consultation.open() && consultation.repliesDueBy(calendar).isAfter(day));
    }

    // ---- the value after each event

    Consultations started(int number, LocalDate startedOn, LocalDate deliveredOn) {
        return with(number, number, new Consultation(startedOn, deliveredOn, null));
    }

    Consultations ended(int number, LocalDate endedOn) {
        Consultation started = byNumber.get(number);
        return started == null ? this
                : with(count, number, new Consultation(started.startedOn(), started.deliveredOn(), endedOn));
    }

    private Consultations with(int newCount, int number, Consultation consultation) {
        Map<Integer, Consultation> next = new HashMap<>(byNumber);
        next.put(number, consultation);
        return new Consultations(newCount, Collections.unmodifiableMap(next));
    }
}
