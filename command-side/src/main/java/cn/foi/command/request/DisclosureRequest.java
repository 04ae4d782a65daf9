package cn.foi.command.request;

import static cn.foi.command.request.InputChecks.checked;
import static cn.foi.command.request.InputChecks.notBefore;
import static cn.foi.command.request.InputChecks.notInFuture;
import static cn.foi.command.request.InputChecks.requiredText;
import static cn.foi.command.request.InputChecks.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.foi.command.access.HandlerDirectory;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.attachment.AttachmentCommands.AddAttachment;
import cn.foi.command.attachment.AttachmentCommands.RemoveAttachment;
import cn.foi.command.attachment.Attachments;
import cn.foi.command.calendar.CalendarCommands.RecomputeDueDate;
import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.notice.NoticeCommands.IssueNotice;
import cn.foi.command.notice.NoticeCommands.ServeNotice;
import cn.foi.command.notice.NoticeCommands.VoidNotice;
import cn.foi.command.notice.Notices;
import cn.foi.command.request.RequestCommands.AssignHandler;
import cn.foi.command.request.RequestCommands.CheckDeadline;
import cn.foi.command.request.RequestCommands.LinkToEarlierRequest;
import cn.foi.command.request.RequestCommands.CorrectDecision;
import cn.foi.command.request.RequestCommands.CorrectRegistration;
import cn.foi.command.request.RequestCommands.DecideLawsuit;
import cn.foi.command.request.RequestCommands.DecideReconsideration;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.ExtendAnswerPeriod;
import cn.foi.command.request.RequestCommands.FileLawsuit;
import cn.foi.command.request.RequestCommands.FileReconsideration;
import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RecordFeeLapse;
import cn.foi.command.request.RequestCommands.RecordFeePayment;
import cn.foi.command.request.RequestCommands.RecordSupplement;
import cn.foi.command.request.RequestCommands.RecordSupplementLapse;
import cn.foi.command.request.RequestCommands.RedecideRequest;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.command.request.RequestCommands.AskForSupplement;
import cn.foi.command.request.RequestCommands.SetLaterAnswerDate;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.command.request.RequestCommands.WithdrawRequest;
import cn.foi.command.shared.RuleViolation;
import cn.foi.events.access.Role;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentRemoved;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.FeePaymentDeadlinePassed;
import cn.foi.events.request.LaterAnswerDateSet;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.RequestLinkedToEarlier;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementDeadlinePassed;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import cn.foi.platform.decision.OutcomePreconditions;
import cn.foi.platform.limits.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One request for government information, from its receipt to the last court ruling (domain §1).
 *
 * <p>One aggregate, because its rules span the phases: a 补正 awaited keeps the answer period from running, a
 * consultation or an unpaid fee stops the clock, every date is checked against the request's history. Each phase keeps
 * its own rules and state in a file named as the law names it, which the handlers here ask before they apply the event:
 * {@link AnswerPeriod}, {@link Supplement} (补正), {@link Consultations} (征求意见), {@link Fee} (收费),
 * {@link OutcomePreconditions} (the answer, a policy the query side asks too), {@link Appeal} (行政复议, 行政诉讼),
 * {@link NoticesOnFile} (文书) and {@link AttachmentsOnFile} (附件). What stays here: the command handlers, the identity and registration, the rules
 * that join the phases (the clock, the deadlines watched, which notice is called for) and the answer.
 *
 * <p>Guards first, then the event; state changes only in the event sourcing handlers. Every refusal names the rule.
 */
@Aggregate(cache = "disclosureRequestCache")
public class DisclosureRequest {

    @AggregateIdentifier
    private String requestId;
    private String agencyCode;
    private String caseNo;
    private LocalDate receivedOn;
    /** The latest business date recorded on the request: nothing may be dated before it once it is answered. */
    private LocalDate latestDate;
    /** The earliest date recorded after the receipt: a corrected receipt date must not pass it. */
    private LocalDate firstLaterDate;

    /** The 补正 notices and what came of the last one, with their rules ({@link Supplement}). */
    private Supplement supplement = Supplement.NONE;

    /** The answer period: its start, its 条例, extension, standstill, due date announced ({@link AnswerPeriod}). */
    private AnswerPeriod period;
    /** The due date the system found passed with the request open, so that it records the overdue once. */
    private LocalDate overdueFor;

    /** The notices issued, by number, with the rules of serving, voiding and a 送达回证 ({@link NoticesOnFile}). */
    private NoticesOnFile issuedNotices = NoticesOnFile.NONE;

    /** The consultations, by number, with their rules and how long they hold the clock ({@link Consultations}). */
    private Consultations consultations = Consultations.NONE;
    /** The last fee notice and what came of it, with its rules and how long it holds the clock ({@link Fee}). */
    private Fee fee = Fee.NONE;

    private Outcome outcome;
    private LocalDate closedOn;
    /** The handler (承办人) the request is given to, or null. */
    private String handler;

    /**
     * The reconsiderations and lawsuits against the answer, by their number among those of their kind: entities of the
     * request that keep their own decision ({@link Appeal}). Axon would offer every event to every entity; each map names
     * the event property that carries its number, so that a decision reaches only the appeal of its kind and number
     * ({@code ReconsiderationDecided} has no {@code lawsuitNo}, {@code LawsuitDecided} no {@code reconsiderationNo}). The
     * request files them (ADR 0032).
     */
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class, routingKey = "reconsiderationNo")
    private final Map<Integer, Appeal> reconsiderations = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class, routingKey = "lawsuitNo")
    private final Map<Integer, Appeal> lawsuits = new HashMap<>();
    /** The files kept with the request and those removed: what adding and removing one is checked against. */
    private AttachmentsOnFile attachments = AttachmentsOnFile.NONE;

    /** The earlier requests this one is linked to (重复申请): a second link to the same one would say nothing new. */
    private final Set<String> linkedEarlier = new HashSet<>();

    protected DisclosureRequest() {
        // for Axon: the state is rebuilt from the events
    }

    @CommandHandler
    public DisclosureRequest(RegisterRequest command, AgencyCounting rules, Clock clock,
                             CaseNumberRegistry caseNumbers, AgencyDirectory agencies) {
        if (!agencies.exists(command.agencyCode())) {
            throw RuleViolation.notFound("AGENCY_UNKNOWN", "本系统中没有编码为 " + command.agencyCode() + " 的机关");
        }
        Registration registration = command.registration().resolveReceipt();
        notInFuture(registration.receivedOn(), "receivedOn", "收到申请日期", clock);
        notInFuture(registration.submittedOn(), "submittedOn", "提交日期", clock);
        // Checked as given: a channel that needs no confirmation drops it, but a date that has not come is a slip.
        notInFuture(command.registration().confirmedOn(), "confirmedOn", "确认日期", clock);
        caseNumbers.claim(command.agencyCode(), registration.caseNo(), command.requestId());
        apply(new RequestReceived(command.requestId(), command.agencyCode(), registration.caseNo(),
                registration.applicant(), registration.channel(), registration.submittedOn(),
                registration.confirmedOn(), registration.receivedOn(), registration.description(),
                registration.itemCount(), registration.requestedForm()));
        // Events applied in a constructor reach the state only after it returns: compute from the command here.
        AnswerPeriod.DueDate due = AnswerPeriod.fromReceipt(registration.receivedOn())
                .due(rules.forAgency(command.agencyCode()));
        apply(new AnswerDueDateChanged(command.requestId(), due.on(), DueDateReason.RECEIVED, due.explanation()));
    }

    @CommandHandler
    public void handle(CorrectRegistration command, AgencyCounting rules, Clock clock,
                       CaseNumberRegistry caseNumbers) {
        String reason = requiredText(TextField.REGISTRATION_CORRECTION_REASON, command.reason(), "更正登记须写明更正原因");
        Registration registration = command.registration().resolveReceipt();
        notInFuture(registration.receivedOn(), "receivedOn", "收到申请日期", clock);
        notInFuture(command.registration().submittedOn(), "submittedOn", "提交日期", clock);
        notInFuture(command.registration().confirmedOn(), "confirmedOn", "确认日期", clock);
        if (firstLaterDate != null && registration.receivedOn().isAfter(firstLaterDate)) {
            throw RuleViolation.invalid("DATE_AFTER_HISTORY", "receivedOn", "更正后的收到申请日期（"
                    + registration.receivedOn() + "）晚于该申请已登记的办理日期（" + firstLaterDate + "）");
        }
        if (!registration.caseNo().equals(caseNo)) {
            caseNumbers.reassign(agencyCode, caseNo, registration.caseNo(), requestId);
        }
        apply(new RegistrationCorrected(requestId, registration.caseNo(), registration.applicant(),
                registration.channel(), registration.submittedOn(), registration.confirmedOn(),
                registration.receivedOn(), registration.description(), registration.itemCount(),
                registration.requestedForm(), reason));
        announceDueDate(rules.forAgency(agencyCode), DueDateReason.REGISTRATION_CORRECTED);
    }

    @CommandHandler
    public void handle(AskForSupplement command, AgencyCounting rules, Clock clock) {
        requireOpen("补正");
        supplement.requireMayAskAgain();
        LocalDate requestedOn = checked(command.requestedOn(), "requestedOn", "补正告知日期", receivedOn, clock);
        LocalDate dueOn = Supplement.checkedDueOn(command.dueOn(), requestedOn);
        String items = requiredText(TextField.SUPPLEMENT_ITEMS, command.items(), "请写明需要补正的事项");
        boolean late = Supplement.late(requestedOn, receivedOn, rules.forAgency(agencyCode).calendar());
        apply(new SupplementRequested(requestId, requestedOn, dueOn, items, supplement.nextRound(), late));
    }

    @CommandHandler
    public void handle(RecordSupplement command, AgencyCounting rules, Clock clock) {
        requireOpen("登记补正");
        LocalDate received = supplement.checkedReceipt(command.receivedOn(), receivedOn, clock);
        apply(new SupplementReceived(requestId, received, supplement.rounds()));
        announceDueDate(rules.forAgency(agencyCode), DueDateReason.SUPPLEMENT_RECEIVED);
    }

    @CommandHandler
    public void handle(RecordSupplementLapse command, Clock clock) {
        requireOpen("登记逾期未补正");
        LocalDate lapsedOn = supplement.checkedLapse(command.lapsedOn(), receivedOn, clock);
        apply(new SupplementLapseRecorded(requestId, lapsedOn, supplement.rounds()));
    }

    @CommandHandler
    public void handle(ExtendAnswerPeriod command, AgencyCounting rules, Clock clock) {
        requireOpen("延期");
        period.requireExtensibleBy(command.workingDays());
        LocalDate extendedOn = checked(command.extendedOn(), "extendedOn", "延期告知日期", receivedOn, clock);
        String reason = text(TextField.EXTENSION_REASON, command.reason());
        AgencyCounting.Counting counting = rules.forAgency(agencyCode);
        period.requireNotExpiredOn(counting, extendedOn, period.paused() ? pauseHeldUntil(counting) : null);
        settleClock(counting, extendedOn);
        apply(new AnswerPeriodExtended(requestId, extendedOn, command.workingDays(), reason));
        announceDueDate(counting, DueDateReason.EXTENDED);
    }

    @CommandHandler
    public int handle(StartConsultation command, AgencyCounting rules, Clock clock) {
        requireOpen("征求意见");
        Consultations.Start start = Consultations.checkedStart(command, receivedOn, clock);
        int number = consultations.nextNumber();
        stopClock(rules.forAgency(agencyCode), start.startedOn(), "CONSULTATION");
        apply(new ConsultationStarted(requestId, number, start.party(), start.addressee(), start.startedOn(),
                start.deliveredOn()));
        return number;
    }

    @CommandHandler
    public void handle(EndConsultation command, AgencyCounting rules, Clock clock) {
        AgencyCounting.Counting counting = rules.forAgency(agencyCode);
        Consultations.End end = consultations.checkedEnd(command, receivedOn, clock, counting.calendar());
        apply(new ConsultationEnded(requestId, end.number(), end.endedOn(), end.ending(), end.opinion()));
        resumeClockIfNothingHoldsIt(counting, "征求意见");
    }

    @CommandHandler
    public void handle(IssueFeeNotice command, AgencyCounting rules, Clock clock) {
        requireOpen("收费");
        fee.requireNoNoticeUnpaid();
        Fee.Notice notice = Fee.checkedNotice(command, receivedOn, clock);
        AgencyCounting.Counting counting = rules.forAgency(agencyCode);
        if (counting.feePausesClock()) {
            stopClock(counting, notice.noticeOn(), "FEE");
        }
        apply(new FeeNoticeIssued(requestId, notice.noticeOn(), notice.amount(), notice.method(), notice.quoted(),
                notice.reason().isEmpty() ? null : notice.reason()));
    }

    @CommandHandler
    public void handle(RecordFeePayment command, AgencyCounting rules, Clock clock) {
        requireOpenFeeNotice();
        LocalDate paidOn = fee.checkedPayment(command.paidOn(), receivedOn, clock);
        apply(new FeePaid(requestId, paidOn));
        resumeClockIfNothingHoldsIt(rules.forAgency(agencyCode), "收费通知至缴费");
    }

    @CommandHandler
    public void handle(RecordFeeLapse command, AgencyCounting rules, Clock clock) {
        requireOpenFeeNotice();
        LocalDate lapsedOn = fee.checkedLapse(command.lapsedOn(), receivedOn, clock,
                rules.forAgency(agencyCode).calendar());
        apply(new FeeLapseRecorded(requestId, lapsedOn));
    }

    @CommandHandler
    public void handle(SetLaterAnswerDate command, AgencyCounting rules, Clock clock) {
        requireOpen("确定答复期限");
        LocalDate setOn = checked(command.setOn(), "setOn", "告知日期", receivedOn, clock);
        LocalDate answerBy = period.checkedLaterAnswerDate(command.answerBy(), setOn);
        String reason = requiredText(TextField.LATER_ANSWER_REASON, command.reason(), "请写明延后答复的理由");
        apply(new LaterAnswerDateSet(requestId, setOn, answerBy, reason));
        announceDueDate(rules.forAgency(agencyCode), DueDateReason.LATER_DATE_SET);
    }

    /**
     * A handler is a clerk or supervisor of the request's own agency; a closed request may still change hands (its
     * appeals need someone). Giving it to whoever already has it changes nothing.
     */
    @CommandHandler
    public void handle(AssignHandler command, HandlerDirectory users, Clock clock) {
        String wanted = command.handler() == null || command.handler().isBlank() ? null : command.handler().strip();
        String next = null;
        if (wanted != null) {
            HandlerDirectory.Candidate candidate = users.find(wanted).orElseThrow(() -> RuleViolation.invalid(
                    "HANDLER_UNKNOWN", "handler", "承办人“" + wanted + "”不是本系统的用户"));
            if (candidate.role() != Role.CLERK && candidate.role() != Role.SUPERVISOR) {
                throw RuleViolation.invalid("HANDLER_NOT_STAFF", "handler",
                        "承办人须为本机关的经办人或主管，“" + wanted + "”是系统管理员");
            }
            if (!agencyCode.equals(candidate.agencyCode())) {
                throw RuleViolation.conflict("HANDLER_OF_OTHER_AGENCY", "承办人“" + wanted + "”不是本机关（"
                        + agencyCode + "）的用户，不能承办本机关的申请");
            }
            if (!candidate.active()) {
                throw RuleViolation.conflict("HANDLER_INACTIVE", "用户“" + wanted + "”已停用，不能指定为承办人");
            }
            next = candidate.username();
        }
        if (java.util.Objects.equals(next, handler)) {
            return;
        }
        apply(new RequestAssigned(requestId, next, command.assignedBy(), LocalDate.now(clock)));
    }

    @CommandHandler
    public void handle(DecideRequest command, AgencyCounting rules, Clock clock) {
        if (outcome != null) {
            throw RuleViolation.conflict("ALREADY_DECIDED", "该申请已于 " + closedOn + " 办结（" + outcome.fullLabel()
                    + "），每件申请只有一个办理结果；如登记有误，请使用“更正答复”并写明原因");
        }
        Decision decision = decision(command.outcome(), command.decidedOn(), command.servedOn(), command.note(),
                rules.forAgency(agencyCode), clock);
        apply(new RequestDecided(requestId, decision.outcome(), decision.decidedOn(), decision.servedOn(),
                decision.note()));
    }

    @CommandHandler
    public void handle(CorrectDecision command, AgencyCounting rules, Clock clock) {
        if (outcome == null) {
            throw RuleViolation.conflict("NOT_DECIDED", "该申请尚未办结，没有可更正的答复");
        }
        String reason = requiredText(TextField.DECISION_CORRECTION_REASON, command.reason(), "更正答复须写明更正原因");
        Decision decision = decision(command.outcome(), command.decidedOn(), command.servedOn(), command.note(),
                rules.forAgency(agencyCode), clock);
        Appeal.requireAnswerNotAfter(decision.decidedOn(), reconsiderations.values(), "申请行政复议");
        Appeal.requireAnswerNotAfter(decision.decidedOn(), lawsuits.values(), "提起行政诉讼");
        apply(new DecisionCorrected(requestId, decision.outcome(), decision.decidedOn(), decision.servedOn(),
                decision.note(), reason));
    }

    @CommandHandler
    public void handle(WithdrawRequest command, Clock clock) {
        requireOpen("撤回");
        LocalDate withdrawnOn = checked(command.withdrawnOn(), "withdrawnOn", "撤回日期", receivedOn, clock);
        apply(new RequestWithdrawn(requestId, withdrawnOn, text(TextField.WITHDRAWAL_NOTE, command.note())));
    }

    @CommandHandler
    public void handle(LinkToEarlierRequest command) {
        String earlier = command.earlierRequestId();
        if (earlier == null || earlier.isBlank()) {
            throw RuleViolation.invalid("LINK_INVALID", "earlierRequestId", "请选择要关联的既往申请");
        }
        if (earlier.equals(requestId)) {
            throw RuleViolation.invalid("LINK_INVALID", "earlierRequestId", "不能将申请与其自身关联");
        }
        if (linkedEarlier.contains(earlier)) {
            throw RuleViolation.conflict("ALREADY_LINKED", "该申请已与受理编号 " + command.earlierCaseNo()
                    + " 的申请关联");
        }
        apply(new RequestLinkedToEarlier(requestId, earlier, command.earlierCaseNo(),
                text(TextField.LINK_REASON, command.reason())));
    }

    @CommandHandler
    public int handle(FileReconsideration command, Clock clock) {
        requireAnswered(AppealKind.RECONSIDERATION.label());
        LocalDate filedOn = Appeal.checkedFilingDate(AppealKind.RECONSIDERATION, command.filedOn(), receivedOn,
                closedOn, clock);
        int number = reconsiderations.size() + 1;
        apply(new ReconsiderationFiled(requestId, number, filedOn));
        return number;
    }

    @CommandHandler
    public void handle(DecideReconsideration command, Clock clock) {
        LocalDate decidedOn = Appeal.named(reconsiderations, AppealKind.RECONSIDERATION, command.reconsiderationNo())
                .checkedDecisionDate(command.decidedOn(), receivedOn, clock);
        apply(new ReconsiderationDecided(requestId, command.reconsiderationNo(),
                Appeal.requiredResult(command.result()), decidedOn));
    }

    @CommandHandler
    public int handle(FileLawsuit command, Clock clock) {
        requireAnswered(AppealKind.LAWSUIT.label());
        LocalDate filedOn = Appeal.checkedFilingDate(AppealKind.LAWSUIT, command.filedOn(), receivedOn, closedOn,
                clock);
        int reconsiderationNo = command.afterReconsideration()
                ? Appeal.reconsiderationBefore(filedOn, reconsiderations.values()).number() : 0;
        int number = lawsuits.size() + 1;
        apply(new LawsuitFiled(requestId, number, filedOn, command.afterReconsideration(), reconsiderationNo));
        return number;
    }

    @CommandHandler
    public void handle(DecideLawsuit command, Clock clock) {
        LocalDate decidedOn = Appeal.named(lawsuits, AppealKind.LAWSUIT, command.lawsuitNo())
                .checkedDecisionDate(command.decidedOn(), receivedOn, clock);
        apply(new LawsuitDecided(requestId, command.lawsuitNo(), Appeal.requiredResult(command.result()), decidedOn));
    }

    /**
     * A new answer (重新答复) ordered by a reconsideration or a court that corrected the answer (条例 51; 行政复议法, 行政诉讼法:
     * 责令重新答复). It answers the earliest corrected appeal not yet answered anew, once. The request stays closed as
     * first closed: no due date, no clock, and Table 三 keeps counting it in the year and row of its first answer.
     */
    @CommandHandler
    public void handle(RedecideRequest command, AgencyCounting rules, Clock clock) {
        requireAnswered("重新答复");
        Appeal ordering = Appeal.awaitingNewAnswer(reconsiderations.values(), lawsuits.values());
        Decision decision = decision(command.outcome(), command.decidedOn(), command.servedOn(), command.note(),
                rules.forAgency(agencyCode), clock);
        notBefore(decision.decidedOn(), ordering.decidedOn(), "decidedOn", "重新答复日期",
                ordering.label() + "的决定日期");
        apply(new RequestRedecided(requestId, decision.outcome(), decision.decidedOn(), decision.servedOn(),
                decision.note(), ordering.kind(), ordering.number()));
    }

    /** A calendar change may move the due date of an open request; a closed request keeps its history as it is. */
    @CommandHandler
    public void handle(RecomputeDueDate command, AgencyCounting rules) {
        if (closedOn != null) {
            return;
        }
        announceDueDate(rules.forAgency(agencyCode), DueDateReason.CALENDAR_CHANGED,
                "因" + command.cause() + "重新计算：");
    }

    /**
     * A watched deadline has come. The scheduler may ask early (a date it could not know, a calendar changed since) or
     * more than once: the request's own state decides, so a deadline is recorded once, and only when it really passed.
     */
    @CommandHandler
    public LocalDate handle(CheckDeadline command, AgencyCounting rules, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (closedOn != null) {
            return null;
        }
        return switch (command.kind()) {
            case ANSWER -> checkAnswerPeriod(rules.forAgency(agencyCode), today);
            case SUPPLEMENT -> checkSupplementDeadline(today);
            case FEE -> checkFeeDeadline(rules.forAgency(agencyCode), today);
        };
    }

    /**
     * While a 补正 is awaited or the clock stands still the period does not run: what ends that watches again. A
     * consultation nobody answers holds the clock only until its fifteenth working day (条例 32, 34), even while it is
     * still open: past that day the clock runs again here, so the request can become overdue; until then the check
     * names the day after it.
     */
    private LocalDate checkAnswerPeriod(AgencyCounting.Counting counting, LocalDate today) {
        if (period.dueOn() == null || supplement.awaited()) {
            return null;
        }
        if (period.paused()) {
            settleClock(counting, today);
            if (period.paused()) {
                LocalDate heldUntil = pauseHeldUntil(counting);
                return heldUntil == null ? null : later(heldUntil, today).plusDays(1);
            }
        }
        LocalDate dueOn = period.dueOn();
        if (dueOn.equals(overdueFor)) {
            return null;
        }
        if (!today.isAfter(dueOn)) {
            return dueOn.plusDays(1);
        }
        apply(new RequestBecameOverdue(requestId, dueOn));
        return null;
    }

    private LocalDate checkSupplementDeadline(LocalDate today) {
        if (!supplement.deadlineWatched()) {
            return null;
        }
        if (!today.isAfter(supplement.dueOn())) {
            return supplement.dueOn().plusDays(1);
        }
        apply(new SupplementDeadlinePassed(requestId, supplement.rounds(), supplement.dueOn()));
        return null;
    }

    private LocalDate checkFeeDeadline(AgencyCounting.Counting counting, LocalDate today) {
        if (!fee.deadlineWatched()) {
            return null;
        }
        LocalDate payBy = fee.payBy(counting.calendar());
        if (!today.isAfter(payBy)) {
            return payBy.plusDays(1);
        }
        apply(new FeePaymentDeadlinePassed(requestId, fee.noticeOn(), payBy));
        return null;
    }

    // ---- guards shared by several commands

    private void requireOpen(String action) {
        if (closedOn != null) {
            throw RuleViolation.conflict("ALREADY_ANSWERED",
                    "该申请已于 " + closedOn + " 办结（" + outcome.fullLabel() + "），办结后不能再" + action);
        }
    }

    private void requireAnswered(String appeal) {
        if (closedOn == null) {
            throw RuleViolation.conflict("NOT_ANSWERED", "该申请尚未答复，答复之后才能登记" + appeal);
        }
    }

    private void requireOpenFeeNotice() {
        requireOpen("登记缴费");
        fee.requireNoticeUnpaid();
    }

    /**
     * A written notice, only when the request's state calls for its kind; {@link Notices} numbers, writes and keeps it.
     * It changes nothing in the request's state: a notice may be issued again (a lost letter, a voided one), each with
     * its number. A 送达回证 names the notice of this request it accompanies, which must not be voided.
     */
    @CommandHandler
    public NoticeIssued handle(IssueNotice command, Notices notices, Clock clock) {
        if (command.kind() == null) {
            throw RuleViolation.invalid("NOTICE_KIND_REQUIRED", "kind", "请选择文书种类（字段 kind）");
        }
        LocalDate issuedOn = checked(command.issuedOn(), "issuedOn", "出具日期", receivedOn, clock);
        String servesNumber = command.servesNumber() == null || command.servesNumber().isBlank() ? null
                : command.servesNumber().strip();
        if (command.kind() != NoticeKind.SERVICE && servesNumber != null) {
            throw RuleViolation.invalid("NOTICE_SERVES_ONLY_FOR_SERVICE", "servesNumber",
                    "只有《送达回证》需要填写所送达文书的文号（字段 servesNumber）");
        }
        LocalDate stepOn = command.kind() == NoticeKind.SERVICE ? issuedNotices.servedBy(servesNumber).issuedOn()
                : NoticesOnFile.calledFor(command.kind(), stepOfNotice(command.kind()));
        notBefore(issuedOn, stepOn, "issuedOn", "出具日期", command.kind() == NoticeKind.SERVICE ? "所送达文书的出具日期"
                : "该文书所记载的办理日期");
        NoticeIssued issued = notices.issue(requestId, agencyCode, command.kind(), issuedOn, servesNumber);
        apply(issued);
        return issued;
    }

    /**
     * A file kept with the request (ADR 20), whatever its state: a signed 送达回证 comes back after the answer. The
     * bytes are stored already; {@link Attachments} claims them in this command's transaction.
     */
    @CommandHandler
    public AttachmentAdded handle(AddAttachment command, Attachments store, Clock clock) {
        if (command.kind() == null) {
            throw RuleViolation.invalid("ATTACHMENT_KIND_REQUIRED", "kind", "请选择附件类别（字段 kind）");
        }
        attachments.requireNew(command.attachmentId());
        AttachmentAdded added = new AttachmentAdded(requestId, command.attachmentId(), command.kind(), command.name(),
                command.mediaType(), command.size(), command.sha256(), LocalDate.now(clock));
        store.keep(added);
        apply(added);
        return added;
    }

    /** Removing a kept file needs a reason, which the record keeps; the bytes are deleted. */
    @CommandHandler
    public AttachmentRemoved handle(RemoveAttachment command, Attachments store, Clock clock) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.invalid("REMOVAL_REASON_REQUIRED", "reason", "请填写删除附件的理由（字段 reason）");
        }
        String name = attachments.nameOfRemovable(command.attachmentId());
        AttachmentRemoved removed = new AttachmentRemoved(requestId, command.attachmentId(), name,
                command.reason().strip(), LocalDate.now(clock));
        store.discard(removed);
        apply(removed);
        return removed;
    }

    /**
     * The day of the step a notice of this kind tells of, or null when the request's state does not call for it. A
     * 送达回证 is called for once a notice it could accompany is on file.
     */
    private LocalDate stepOfNotice(NoticeKind kind) {
        return switch (kind) {
            case RECEIPT -> receivedOn;
            case SUPPLEMENT -> supplement.requestedOn();
            case EXTENSION -> period.extended() ? receivedOn : null;
            case CONSULTATION -> consultations.lastStartedOn();
            case FEE -> fee.noticeOn();
            case ANSWER -> outcome == null ? null : closedOn;
            case SERVICE -> issuedNotices.earliestServable();
        };
    }

    /** The kinds of notice the request's state calls for now, in the order of {@link NoticeKind}: what the page offers. */
    public List<NoticeKind> noticeKindsCalledFor() {
        return Arrays.stream(NoticeKind.values()).filter(kind -> stepOfNotice(kind) != null).toList();
    }

    /**
     * 送达: the day, the way and who received the notice. Not before it was issued, not in the future, not for a voided
     * notice. A second record corrects the first and must say why (a wrong date typed, the postal receipt arrived).
     */
    @CommandHandler
    public void handle(ServeNotice command, Clock clock) {
        NoticesOnFile.Service service = issuedNotices.checkedService(command, clock);
        apply(new NoticeServed(requestId, command.number(), service.servedOn(), service.method(), service.recipient(),
                service.correction()));
    }

    /**
     * 作废: the notice must not be relied on. Its number stays taken (the series counter never goes back), its document
     * stays on file, and the same kind may be issued again under the next number.
     */
    @CommandHandler
    public void handle(VoidNotice command, Clock clock) {
        String reason = issuedNotices.checkedVoidingReason(command);
        apply(new NoticeVoided(requestId, command.number(), LocalDate.now(clock), reason));
    }

    private Map<Integer, Appeal> appealsOf(AppealKind kind) {
        return kind == AppealKind.RECONSIDERATION ? reconsiderations : lawsuits;
    }

    private record Decision(Outcome outcome, LocalDate decidedOn, LocalDate servedOn, String note) {
    }

    /**
     * The checks of an answer, shared by the first decision, its correction and a new answer; what its outcome needs
     * recorded before is the shared policy {@link OutcomePreconditions}; 其他处理·其他 needs its reason written down.
     */
    private Decision decision(Outcome chosen, LocalDate decidedOn, LocalDate servedOn, String note,
                              AgencyCounting.Counting counting, Clock clock) {
        if (chosen == null) {
            throw RuleViolation.invalid("OUTCOME_REQUIRED", "outcome", "请选择办理结果");
        }
        checked(decidedOn, "decidedOn", "答复日期", receivedOn, clock);
        if (outcome == null) {
            notBefore(decidedOn, latestDate, "decidedOn", "答复日期", "该申请最近一次办理日期");
        }
        notInFuture(servedOn, "servedOn", "送达日期", clock);
        notBefore(servedOn, decidedOn, "servedOn", "送达日期", "答复日期");
        OutcomePreconditions.refusal(chosen, decidedOn, new OutcomePreconditions.History(
                supplement.awaitedDueOn(), supplement.everReceived(), fee.unpaidPayBy(counting.calendar())))
                .ifPresent(refusal -> {
                    throw RuleViolation.conflict(refusal.code(), refusal.message());
                });
        if (chosen == Outcome.R3_6_3) {
            requiredText(TextField.DECISION_NOTE, note, "选择“其他处理·其他”时须写明具体原因（如申请人撤回）");
        }
        return new Decision(chosen, decidedOn, servedOn, text(TextField.DECISION_NOTE, note));
    }

    /**
     * The first consultation or an unpaid fee stops the clock; what starts while it stands keeps it stopped. A pause whose
     * holders all ended before this day (a consultation lapsed, not yet recorded) is over first: the clock ran between.
     */
    private void stopClock(AgencyCounting.Counting counting, LocalDate on, String cause) {
        settleClock(counting, on);
        if (!period.paused()) {
            apply(new AnswerClockPaused(requestId, on, cause));
        }
    }

    /**
     * The last day the current pause stands still by what is recorded: the latest reply or payment since it began, and
     * the fifteenth working day of every consultation still open. Null while an unpaid fee holds it (no end known).
     */
    private LocalDate pauseHeldUntil(AgencyCounting.Counting counting) {
        if (fee.holdsClock(counting)) {
            return null;
        }
        return fee.holdsUntil(consultations.holdUntil(period.pausedSince(), counting.calendar()), counting);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b.isAfter(a) ? b : a;
    }

    /** A consultation still open holds the clock at most until its fifteen working days end: after them it runs again. */
    private void settleClock(AgencyCounting.Counting counting, LocalDate on) {
        if (!period.paused()) {
            return;
        }
        LocalDate until = pauseHeldUntil(counting);
        if (until != null && until.isBefore(on)) {
            resumeClock(counting, until, "征求意见");
        }
    }

    /**
     * When the last thing holding the clock ends, the period is lengthened by the working days it stood still: those
     * after the day it stopped, up to and including the last day held (the reply, the payment, the fifteenth working
     * day of a consultation nobody answered in time). A consultation still open whose days run later keeps it stopped.
     */
    private void resumeClockIfNothingHoldsIt(AgencyCounting.Counting counting, String what) {
        if (!period.paused() || fee.holdsClock(counting)) {
            return;
        }
        LocalDate until = fee.holdsUntil(consultations.endedHoldUntil(period.pausedSince(), counting.calendar()),
                counting);
        if (consultations.openOneHoldsPast(until, counting.calendar())) {
            return;
        }
        resumeClock(counting, until, what);
    }

    /** The clock runs again: the period is lengthened by the working days it stood still (see {@link AnswerPeriod}). */
    private void resumeClock(AgencyCounting.Counting counting, LocalDate resumedOn, String what) {
        LocalDate stoppedOn = period.pausedSince();
        int standstill = period.standstillUntil(counting, resumedOn);
        apply(new AnswerClockResumed(requestId, stoppedOn, resumedOn, standstill));
        if (standstill > 0) {
            announceDueDate(counting, DueDateReason.CLOCK_RESUMED, what + "期间（" + stoppedOn + " 至 " + resumedOn
                    + "）不计入答复期限，顺延 " + standstill + " 个工作日；");
        }
    }

    /** Announces the due date that follows from the period, when it differs from the one announced before. */
    private void announceDueDate(AgencyCounting.Counting counting, DueDateReason reason) {
        announceDueDate(counting, reason, "");
    }

    private void announceDueDate(AgencyCounting.Counting counting, DueDateReason reason, String prefix) {
        AnswerPeriod.DueDate due = period.due(counting);
        if (!due.on().equals(period.dueOn())) {
            apply(new AnswerDueDateChanged(requestId, due.on(), reason, prefix + due.explanation()));
        }
    }

    // ---- state, rebuilt from the events

    @EventSourcingHandler
    void on(RequestReceived event) {
        requestId = event.requestId();
        agencyCode = event.agencyCode();
        caseNo = event.caseNo();
        receivedOn = event.receivedOn();
        period = AnswerPeriod.fromReceipt(receivedOn);
        latestDate = event.receivedOn();
    }

    @EventSourcingHandler
    void on(RegistrationCorrected event) {
        period = period.withReceiptCorrected(event.receivedOn());
        caseNo = event.caseNo();
        receivedOn = event.receivedOn();
        // With no step recorded after the receipt, the latest date is the corrected receipt, even an earlier one:
        // the mistyped date must not keep blocking an answer given on the true receipt day.
        if (firstLaterDate == null || latestDate.isBefore(receivedOn)) {
            latestDate = receivedOn;
        }
    }

    @EventSourcingHandler
    void on(AnswerDueDateChanged event) {
        period = period.announced(event.dueOn());
    }

    @EventSourcingHandler
    void on(RequestBecameOverdue event) {
        overdueFor = event.dueOn();
    }

    @EventSourcingHandler
    void on(SupplementDeadlinePassed event) {
        supplement = supplement.deadlinePassed(event.round());
    }

    @EventSourcingHandler
    void on(FeePaymentDeadlinePassed event) {
        fee = fee.deadlinePassedFound();
    }

    @EventSourcingHandler
    void on(AnswerClockPaused event) {
        period = period.pausedOn(event.pausedOn());
    }

    @EventSourcingHandler
    void on(AnswerClockResumed event) {
        period = period.resumedAfter(event.standstillWorkingDays());
    }

    @EventSourcingHandler
    void on(SupplementRequested event) {
        supplement = supplement.requested(event.round(), event.requestedOn(), event.dueOn());
        recorded(event.requestedOn());
    }

    @EventSourcingHandler
    void on(SupplementReceived event) {
        supplement = supplement.received(event.receivedOn());
        period = period.restartedOn(event.receivedOn());
        recorded(event.receivedOn());
    }

    @EventSourcingHandler
    void on(SupplementLapseRecorded event) {
        supplement = supplement.lapsed();
        recorded(event.lapsedOn());
    }

    @EventSourcingHandler
    void on(AnswerPeriodExtended event) {
        period = period.extendedBy(event.workingDays());
        recorded(event.extendedOn());
    }

    @EventSourcingHandler
    void on(ConsultationStarted event) {
        consultations = consultations.started(event.consultationNo(), event.startedOn(), event.deliveredOn());
        recorded(event.startedOn());
    }

    @EventSourcingHandler
    void on(ConsultationEnded event) {
        consultations = consultations.ended(event.consultationNo(), event.endedOn());
        recorded(event.endedOn());
    }

    @EventSourcingHandler
    void on(FeeNoticeIssued event) {
        fee = fee.noticeIssued(event.noticeOn());
        recorded(event.noticeOn());
    }

    @EventSourcingHandler
    void on(FeePaid event) {
        fee = fee.paid(event.paidOn());
        recorded(event.paidOn());
    }

    @EventSourcingHandler
    void on(FeeLapseRecorded event) {
        fee = fee.lapsed();
        recorded(event.lapsedOn());
    }

    @EventSourcingHandler
    void on(LaterAnswerDateSet event) {
        period = period.answeredBy(event.answerBy());
        recorded(event.setOn());
    }

    @EventSourcingHandler
    void on(RequestAssigned event) {
        handler = event.handler(); // work management: no business date of the law
    }

    @EventSourcingHandler
    void on(RequestDecided event) {
        outcome = event.outcome();
        closedOn = event.decidedOn();
        recorded(event.decidedOn());
    }

    @EventSourcingHandler
    void on(DecisionCorrected event) {
        outcome = event.outcome();
        closedOn = event.decidedOn();
    }

    @EventSourcingHandler
    void on(RequestWithdrawn event) {
        outcome = Outcome.R3_6_3;
        closedOn = event.withdrawnOn();
        recorded(event.withdrawnOn());
    }

    @EventSourcingHandler
    void on(RequestLinkedToEarlier event) {
        linkedEarlier.add(event.earlierRequestId());
    }

    @EventSourcingHandler
    void on(ReconsiderationFiled event) {
        reconsiderations.put(event.reconsiderationNo(),
                new Appeal(AppealKind.RECONSIDERATION, event.reconsiderationNo(), event.filedOn()));
        recorded(event.filedOn());
    }

    /** The reconsideration records its decision itself ({@link Appeal}); the request, the date. */
    @EventSourcingHandler
    void on(ReconsiderationDecided event) {
        recorded(event.decidedOn());
    }

    @EventSourcingHandler
    void on(LawsuitFiled event) {
        lawsuits.put(event.lawsuitNo(), new Appeal(AppealKind.LAWSUIT, event.lawsuitNo(), event.filedOn()));
        recorded(event.filedOn());
    }

    /** The lawsuit records its judgment itself ({@link Appeal}); the request, the date. */
    @EventSourcingHandler
    void on(LawsuitDecided event) {
        recorded(event.decidedOn());
    }

    /** The new answer settles the appeal that ordered it: it orders no other. */
    @EventSourcingHandler
    void on(RequestRedecided event) {
        Appeal ordering = appealsOf(event.orderedBy()).get(event.appealNo());
        if (ordering != null) {
            ordering.answeredAnew();
        }
        recorded(event.decidedOn());
    }

    @EventSourcingHandler
    void on(NoticeIssued event) {
        issuedNotices = issuedNotices.issued(event.number(), event.kind(), event.issuedOn(), event.servesNumber());
    }

    @EventSourcingHandler
    void on(NoticeServed event) {
        issuedNotices = issuedNotices.served(event.number(), event.servedOn());
    }

    @EventSourcingHandler
    void on(NoticeVoided event) {
        issuedNotices = issuedNotices.voided(event.number(), event.voidedOn());
    }

    private void recorded(LocalDate date) {
        if (date.isAfter(latestDate)) {
            latestDate = date;
        }
        if (firstLaterDate == null || date.isBefore(firstLaterDate)) {
            firstLaterDate = date;
        }
    }

    @EventSourcingHandler
    void on(AttachmentAdded event) {
        attachments = attachments.added(event.attachmentId(), event.name());
    }

    @EventSourcingHandler
    void on(AttachmentRemoved event) {
        attachments = attachments.removedOne(event.attachmentId());
    }
}
