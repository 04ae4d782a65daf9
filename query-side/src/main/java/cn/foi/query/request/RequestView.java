package cn.foi.query.request;

import cn.foi.platform.privacy.PersonalData;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as the API shows it: the list's row, and with its timeline the detail.
 *
 * <p>{@code workingDaysLeft} counts the working days of the agency's calendar from today to the due date: 0 on the
 * due date, negative when overdue; absent once the request is closed or while it has no due date. While the clock is
 * paused it is still counted to the current due date, which moves when the pause ends.
 *
 * <p>{@code dueDateProvisional} is true while the period up to the due date counts days of a year whose national notice
 * is not declared yet: those days rest on the statutory holidays derived from the law, and the due date is recomputed
 * once the notice is declared.
 *
 * <p>{@code handler}: the user name of the request's handler (承办人), absent while it has none.
 *
 * <p>{@code flags} (detail only): what the system noticed and did not refuse — appeals out of time, a fee apart from
 * the quote ({@link Flag}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(
        String id,
        String agencyCode,
        String caseNo,
        String status,
        String statusLabel,
        Applicant applicant,
        String channel,
        String channelKey,
        LocalDate submittedOn,
        LocalDate confirmedOn,
        LocalDate receivedOn,
        String description,
        int items,
        String requestedForm,
        LocalDate dueDate,
        String dueDateExplanation,
        Integer workingDaysLeft,
        boolean clockPaused,
        String pausedBecause,
        String pausedBecauseLabel,
        List<Reminder> reminders,
        int supplementRounds,
        LocalDate supplementDueOn,
        boolean extended,
        LocalDate laterAnswerDate,
        String outcome,
        String outcomeLabel,
        String outcomeNote,
        LocalDate decidedOn,
        LocalDate servedOn,
        LocalDate closedOn,
        int reconsiderations,
        int lawsuits,
        Instant registeredAt,
        Instant updatedAt,
        List<TimelineItem> timeline,
        List<DueDateChange> dueDateHistory,
        List<Redecision> redecisions,
        boolean dueDateProvisional,
        List<Flag> flags,
        String handler,
        List<RelatedRequest> relatedRequests) {

    /**
     * The applicant; {@code masked} says the ID number and contact are shown masked ({@link PersonalData}): in every
     * list, and on the request page for anyone but the users of the request's own agency.
     */
    public record Applicant(String category, String categoryKey, String name, String idType, String idNumber,
                            String contact, boolean masked) {

        public Applicant(String category, String categoryKey, String name, String idType, String idNumber,
                         String contact) {
            this(category, categoryKey, name, idType, idNumber, contact, false);
        }

        Applicant toMasked() {
            return masked ? this : new Applicant(category, categoryKey, name, idType,
                    PersonalData.maskIdNumber(idNumber), PersonalData.maskContact(contact), true);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineItem(long sequence, String type, String title, String detail, LocalDate businessDate,
                               Instant recordedAt, String recordedBy, Map<String, Object> data) {

        /** The event's data with the applicant's ID number and contact masked, if it carries an applicant. */
        TimelineItem toMasked() {
            if (data == null || !(data.get("applicant") instanceof Map<?, ?> applicant)) {
                return this;
            }
            Map<String, Object> maskedApplicant = new LinkedHashMap<>();
            applicant.forEach((key, value) -> maskedApplicant.put(String.valueOf(key), value));
            maskedApplicant.computeIfPresent("idNumber", (key, value) -> PersonalData.maskIdNumber(value.toString()));
            maskedApplicant.computeIfPresent("contact", (key, value) -> PersonalData.maskContact(value.toString()));
            Map<String, Object> maskedData = new LinkedHashMap<>(data);
            maskedData.put("applicant", maskedApplicant);
            return new TimelineItem(sequence, type, title, detail, businessDate, recordedAt, recordedBy, maskedData);
        }
    }

    /**
     * What the system found when a watched deadline passed and the clerk should act on: {@code OVERDUE},
     * {@code SUPPLEMENT_DEADLINE_PASSED} or {@code FEE_DEADLINE_PASSED}.
     */
    public record Reminder(String kind, String message) {
    }

    public record DueDateChange(LocalDate dueDate, String reason, String explanation, Instant recordedAt,
                                String recordedBy) {
    }

    /**
     * A new answer (重新答复) ordered by a reconsideration or a court whose result was 纠正. The request's own outcome and
     * dates stay those of its first closing, which the annual report counts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Redecision(String outcome, String outcomeLabel, String note, LocalDate decidedOn, LocalDate servedOn,
                             String orderedBy, String orderedByLabel, int appealNo, Instant recordedAt,
                             String recordedBy) {
    }

    /**
     * A request of the same agency this one is linked to (重复申请): {@code EARLIER} the one this request was linked to,
     * {@code LATER} a later request linked to this one. The link's reason, when and by whom it was made.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelatedRequest(String id, String caseNo, LocalDate receivedOn, String relation,
                                 String relationLabel, String reason, Instant linkedAt, String linkedBy) {
    }

    /** The detail's related requests (list rows have none). */
    RequestView withRelatedRequests(List<RelatedRequest> related) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, items, requestedForm, dueDate,
                dueDateExplanation, workingDaysLeft, clockPaused, pausedBecause, pausedBecauseLabel, reminders,
                supplementRounds, supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote,
                decidedOn, servedOn, closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, timeline,
                dueDateHistory, redecisions, dueDateProvisional, flags, handler, related);
    }

    /**
     * The same request with the applicant's ID number and contact masked, here and in the timeline's events that
     * carry them (a registration and its corrections).
     */
    public RequestView withPersonalDataMasked() {
        if (applicant != null && applicant.masked()) {
            return this;
        }
        List<TimelineItem> maskedTimeline = timeline == null ? null : timeline.stream().map(TimelineItem::toMasked)
                .toList();
        return new RequestView(id, agencyCode, caseNo, status, statusLabel,
                applicant == null ? null : applicant.toMasked(), channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, items, requestedForm, dueDate,
                dueDateExplanation, workingDaysLeft, clockPaused, pausedBecause, pausedBecauseLabel, reminders,
                supplementRounds, supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote,
                decidedOn, servedOn, closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, maskedTimeline,
                dueDateHistory, redecisions, dueDateProvisional, flags, handler, relatedRequests);
    }

    RequestView withHistory(List<TimelineItem> items, List<DueDateChange> history, List<Redecision> redecided) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, this.items, requestedForm, dueDate,
                dueDateExplanation, workingDaysLeft, clockPaused, pausedBecause, pausedBecauseLabel, reminders,
                supplementRounds,
                supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote, decidedOn, servedOn,
                closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, items, history, redecided,
                dueDateProvisional, flags, handler, relatedRequests);
    }

    RequestView withWorkingDaysLeft(Integer left, boolean provisional, List<Reminder> remindersToday) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, items, requestedForm, dueDate,
                dueDateExplanation, left, clockPaused, pausedBecause, pausedBecauseLabel, remindersToday,
                supplementRounds,
                supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote, decidedOn, servedOn,
                closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, timeline, dueDateHistory,
                redecisions, provisional, flags, handler, relatedRequests);
    }

    /** The detail's flags (list rows have none): see {@link RequestFlags}. */
    RequestView withFlags(List<Flag> found) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, items, requestedForm, dueDate,
                dueDateExplanation, workingDaysLeft, clockPaused, pausedBecause, pausedBecauseLabel, reminders,
                supplementRounds, supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote,
                decidedOn, servedOn, closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, timeline,
                dueDateHistory, redecisions, dueDateProvisional, found, handler, relatedRequests);
    }
}
