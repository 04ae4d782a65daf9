package cn.foi.query.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A request as the API shows it: the list's row, and with its timeline the detail.
 *
 * <p>{@code workingDaysLeft} counts the working days of the agency's calendar from today to the due date: 0 on the
 * due date, negative when overdue; absent once the request is closed or while it has no due date. While the clock is
 * paused it is still counted to the current due date, which moves when the pause ends.
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
        List<Flag> flags) {

    public record Applicant(String category, String categoryKey, String name, String idType, String idNumber,
                            String contact) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineItem(long sequence, String type, String title, String detail, LocalDate businessDate,
                               Instant recordedAt, String recordedBy, Map<String, Object> data) {
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

    RequestView withHistory(List<TimelineItem> items, List<DueDateChange> history) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, this.items, requestedForm, dueDate,
                dueDateExplanation, workingDaysLeft, clockPaused, pausedBecause, pausedBecauseLabel, reminders,
                supplementRounds,
                supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote, decidedOn, servedOn,
                closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, items, history, flags);
    }

    RequestView withWorkingDaysLeft(Integer left) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, items, requestedForm, dueDate,
                dueDateExplanation, left, clockPaused, pausedBecause, pausedBecauseLabel, reminders, supplementRounds,
                supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote, decidedOn, servedOn,
                closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, timeline, dueDateHistory, flags);
    }

    /** The detail's flags (list rows have none): see {@link RequestFlags}. */
    RequestView withFlags(List<Flag> found) {
        return new RequestView(id, agencyCode, caseNo, status, statusLabel, applicant, channel, channelKey,
                submittedOn, confirmedOn, receivedOn, description, items, requestedForm, dueDate,
                dueDateExplanation, workingDaysLeft, clockPaused, pausedBecause, pausedBecauseLabel, reminders,
                supplementRounds, supplementDueOn, extended, laterAnswerDate, outcome, outcomeLabel, outcomeNote,
                decidedOn, servedOn, closedOn, reconsiderations, lawsuits, registeredAt, updatedAt, timeline,
                dueDateHistory, found);
    }
}
