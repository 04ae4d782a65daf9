package cn.foi.query.request;

import cn.foi.events.json.EventTypeRenames;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentRemoved;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.FeePaymentDeadlinePassed;
import cn.foi.events.request.LaterAnswerDateSet;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.RequestLinkedToEarlier;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementDeadlinePassed;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The request list and each request's detail with its timeline.
 *
 * <p>Idempotent: a timeline row is keyed by the event's place in its request's stream, and the summary only takes an
 * event newer than the last it applied. Delivering an event twice, or replaying the whole topic over existing tables,
 * changes nothing. The writes of a processor batch go to PostgreSQL together ({@link BatchedWrites}): a request's
 * summary in the order of its events, its timeline rows in any order.
 */
@Component
@ProcessingGroup(RequestProjection.PROCESSING_GROUP)
@AllowReplay
public class RequestProjection {

    public static final String PROCESSING_GROUP = "requests";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final ObjectMapper json;

    public RequestProjection(QueryDatabase database, BatchedWrites writes, ObjectMapper json) {
        this.jdbc = database.jdbc();
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    public void on(RequestEvent event, @SequenceNumber long sequence,
                   @org.axonframework.eventhandling.Timestamp Instant recordedAt,
                   @MetaDataValue("actor") String actor) {
        TimelineEntry entry = TimelineEntry.of(event);
        // The timeline's type is an API value the UI keys on: a renamed event keeps the name it had (ADR 30).
        String type = EventTypeRenames.formerSimpleName(event.getClass());
        writes.writeUnordered("insert into request_timeline (request_id, sequence, event_type, title, detail, "
                        + "business_date, recorded_at, recorded_by, data) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) "
                        + "on conflict (request_id, sequence) do nothing",
                event.requestId(), sequence, type, entry.title(), entry.detail(),
                date(entry.businessDate()), Timestamp.from(recordedAt), actor, toJson(event));
        if (event instanceof RequestReceived received) {
            insertSummary(received, sequence, recordedAt);
        } else {
            Change change = change(event);
            List<Object> arguments = new ArrayList<>(change.arguments());
            arguments.add(sequence);
            arguments.add(Timestamp.from(recordedAt));
            arguments.add(event.requestId());
            arguments.add(sequence);
            String assignments = change.assignments().isEmpty() ? "" : change.assignments() + ", ";
            writes.write(event.requestId(), "update request_summary set " + assignments
                    + "last_sequence = ?, updated_at = ? where id = ? and last_sequence < ?", arguments.toArray());
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("truncate request_summary, request_timeline");
    }

    private void insertSummary(RequestReceived e, long sequence, Instant recordedAt) {
        writes.write(e.requestId(), "insert into request_summary (id, agency_code, case_no, applicant_category, "
                        + "applicant_name, applicant_id_type, applicant_id_number, applicant_contact, channel, "
                        + "submitted_on, confirmed_on, received_on, description, item_count, requested_form, "
                        + "last_sequence, registered_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
                e.requestId(), e.agencyCode(), e.caseNo(), e.applicant().category().name(), e.applicant().name(),
                e.applicant().idType(), e.applicant().idNumber(), e.applicant().contact(), e.channel().name(),
                date(e.submittedOn()), date(e.confirmedOn()), date(e.receivedOn()), e.description(), e.itemCount(),
                e.requestedForm().name(), sequence, Timestamp.from(recordedAt), Timestamp.from(recordedAt));
    }

    /** The columns an event changes; the caller adds the idempotency guard. */
    private record Change(String assignments, List<Object> arguments) {
        static Change of(String assignments, Object... arguments) {
            return new Change(assignments, Arrays.asList(arguments)); // values may be null: a date not given
        }

        static Change none() {
            return new Change("", List.of());
        }
    }

    private static Change change(RequestEvent event) {
        if (event instanceof RegistrationCorrected e) {
            return Change.of("case_no = ?, applicant_category = ?, applicant_name = ?, applicant_id_type = ?, "
                            + "applicant_id_number = ?, applicant_contact = ?, channel = ?, submitted_on = ?, "
                            + "confirmed_on = ?, received_on = ?, description = ?, item_count = ?, requested_form = ?",
                    e.caseNo(), e.applicant().category().name(), e.applicant().name(), e.applicant().idType(),
                    e.applicant().idNumber(), e.applicant().contact(), e.channel().name(), date(e.submittedOn()),
                    date(e.confirmedOn()), date(e.receivedOn()), e.description(), e.itemCount(),
                    e.requestedForm().name());
        } else if (event instanceof AnswerDueDateChanged e) {
            // A new due date ends an overdue found for an earlier one; if it has passed too, that is found anew.
            return Change.of("due_date = ?, due_explanation = ?, overdue_due_date = null", date(e.dueOn()),
                    e.explanation());
        } else if (event instanceof RequestBecameOverdue e) {
            return Change.of("overdue_due_date = ?", date(e.dueOn()));
        } else if (event instanceof SupplementRequested e) {
            return Change.of("supplement_rounds = ?, supplement_open = true, supplement_due_on = ?, "
                    + "supplement_deadline_passed = false", e.round(), date(e.dueOn()));
        } else if (event instanceof SupplementDeadlinePassed) {
            return Change.of("supplement_deadline_passed = true");
        } else if (event instanceof SupplementReceived) {
            return Change.of("supplement_open = false, supplement_deadline_passed = false");
        } else if (event instanceof AnswerPeriodExtended) {
            return Change.of("extended = true");
        } else if (event instanceof ConsultationStarted) {
            return Change.of("open_consultations = open_consultations + 1");
        } else if (event instanceof ConsultationEnded) {
            return Change.of("open_consultations = open_consultations - 1");
        } else if (event instanceof FeeNoticeIssued) {
            return Change.of("fee_open = true, fee_pay_by_passed = null");
        } else if (event instanceof FeePaymentDeadlinePassed e) {
            return Change.of("fee_pay_by_passed = ?", date(e.payBy()));
        } else if (event instanceof FeePaid) {
            return Change.of("fee_open = false, fee_pay_by_passed = null");
        } else if (event instanceof LaterAnswerDateSet e) {
            return Change.of("later_answer_date = ?", date(e.answerBy()));
        } else if (event instanceof RequestDecided e) {
            return decided(e.outcome(), e.decidedOn(), e.servedOn(), e.note(), false);
        } else if (event instanceof DecisionCorrected e) {
            return decided(e.outcome(), e.decidedOn(), e.servedOn(), e.note(), false);
        } else if (event instanceof RequestWithdrawn e) {
            return decided(Outcome.R3_6_3, e.withdrawnOn(), null, e.note().isEmpty() ? "申请人撤回" : e.note(), true);
        } else if (event instanceof ReconsiderationFiled) {
            return Change.of("reconsiderations = reconsiderations + 1");
        } else if (event instanceof LawsuitFiled) {
            return Change.of("lawsuits = lawsuits + 1");
        } else if (event instanceof SupplementLapseRecorded || event instanceof FeeLapseRecorded
                || event instanceof AnswerClockPaused || event instanceof AnswerClockResumed
                || event instanceof ReconsiderationDecided || event instanceof LawsuitDecided
                || event instanceof NoticeIssued || event instanceof NoticeServed || event instanceof NoticeVoided
                || event instanceof AttachmentAdded || event instanceof AttachmentRemoved
                || event instanceof RequestLinkedToEarlier) {
            return Change.none(); // in the timeline only
        } else if (event instanceof RequestAssigned e) {
            return Change.of("handler = ?", e.handler());
        } else if (event instanceof RequestRedecided) {
            // The request stays closed as first answered: the summary's outcome and dates are what Table 三 counts.
            return Change.none();
        }
        throw new IllegalArgumentException("unhandled request event " + event.getClass().getName());
    }

    private static Change decided(Outcome outcome, LocalDate decidedOn, LocalDate servedOn, String note,
                                  boolean withdrawn) {
        return Change.of("outcome = ?, decided_on = ?, served_on = ?, closed_on = ?, outcome_note = ?, withdrawn = ?",
                outcome.name(), date(decidedOn), date(servedOn), date(decidedOn), note, withdrawn);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private String toJson(RequestEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event as JSON", e);
        }
    }
}
