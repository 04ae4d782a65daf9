package cn.foi.command.ledger;

import static cn.foi.command.ledger.LedgerColumn.*;

import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentRemoved;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An agency's requests as a ledger in the format the import reads, one row per request, from the event store (the
 * record, not a projection that may lag behind). Each request's history is folded into its row.
 *
 * <p>A row holds one round of each step, so a history with more is written as the ledger can say it [choice]: the
 * latest 补正 round, fee notice, reconsideration and lawsuit; consultations as one span from the first start to the last
 * reply (the time the clock stood still when they overlap). A 条例 35 later answer date and the registration's
 * submission and confirmation dates have no column and are not exported. Corrections are exported as corrected.
 */
@Component
public class LedgerExport {

    public enum Format { XLSX, CSV }

    private final EventStore events;
    private final JdbcTemplate jdbc;

    public LedgerExport(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /** Writes the agency's ledger to {@code out}; returns the number of requests written. */
    public int write(String agencyCode, Format format, OutputStream out) throws IOException {
        int[] count = {0};
        try (LedgerWriter writer = format == Format.XLSX ? LedgerWriter.xlsx(out) : LedgerWriter.csv(out)) {
            IOException[] failure = {null};
            jdbc.query("select request_id from case_registry where agency_code = ? order by case_no",
                    rs -> {
                        if (failure[0] != null) {
                            return;
                        }
                        try {
                            writer.row(row(rs.getString(1)));
                            count[0]++;
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }, agencyCode);
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return count[0];
    }

    /** A request's history folded into its ledger row. */
    LedgerRow row(String requestId) {
        Fold fold = new Fold();
        events.readEvents(requestId, 0).asStream().forEach(message -> fold.on(message.getPayload()));
        fold.values.putIfAbsent(NOTICES, 0);
        fold.values.putIfAbsent(ATTACHMENTS, 0);
        return new LedgerRow(0, fold.values);
    }

    private static final class Fold {
        private final Map<LedgerColumn, Object> values = new EnumMap<>(LedgerColumn.class);
        private final Map<Integer, LocalDate> openConsultations = new HashMap<>();
        private LocalDate lastConsultationEnd;

        void on(Object event) {
            if (event instanceof NoticeIssued) {
                values.merge(NOTICES, 1, (a, b) -> (Integer) a + (Integer) b);
            } else if (event instanceof AttachmentAdded) {
                values.merge(ATTACHMENTS, 1, (a, b) -> (Integer) a + (Integer) b);
            } else if (event instanceof AttachmentRemoved) {
                values.merge(ATTACHMENTS, -1, (a, b) -> (Integer) a + (Integer) b);
            } else if (event instanceof RequestReceived e) {
                registration(e.caseNo(), e.applicant(), e.channel(), e.receivedOn(), e.description());
            } else if (event instanceof RegistrationCorrected e) {
                registration(e.caseNo(), e.applicant(), e.channel(), e.receivedOn(), e.description());
            } else if (event instanceof SupplementRequested e) {
                values.put(SUPPLEMENT_REQUESTED_ON, e.requestedOn());
                values.put(SUPPLEMENT_DUE_ON, e.dueOn());
                values.remove(SUPPLEMENT_RECEIVED_ON);
            } else if (event instanceof SupplementReceived e) {
                values.put(SUPPLEMENT_RECEIVED_ON, e.receivedOn());
            } else if (event instanceof AnswerPeriodExtended e) {
                values.put(EXTENDED_ON, e.extendedOn());
                values.put(EXTENSION_DAYS, e.workingDays());
            } else if (event instanceof ConsultationStarted e) {
                values.putIfAbsent(CONSULTATION_STARTED_ON, e.startedOn());
                values.putIfAbsent(CONSULTATION_PARTY, e.party());
                openConsultations.put(e.consultationNo(), e.startedOn());
                values.remove(CONSULTATION_ENDED_ON);
            } else if (event instanceof ConsultationEnded e) {
                openConsultations.remove(e.consultationNo());
                if (lastConsultationEnd == null || e.endedOn().isAfter(lastConsultationEnd)) {
                    lastConsultationEnd = e.endedOn();
                }
                if (openConsultations.isEmpty()) {
                    values.put(CONSULTATION_ENDED_ON, lastConsultationEnd);
                }
            } else if (event instanceof FeeNoticeIssued e) {
                values.put(FEE_NOTICE_ON, e.noticeOn());
                if (e.hasAmount()) {
                    values.put(FEE_AMOUNT, e.amount());
                } else {
                    values.remove(FEE_AMOUNT); // left blank: an import reads it back as 金额未记录
                }
                values.put(FEE_METHOD, e.method());
                values.remove(FEE_PAID_ON);
            } else if (event instanceof FeePaid e) {
                values.put(FEE_PAID_ON, e.paidOn());
            } else if (event instanceof RequestDecided e) {
                decision(new LedgerOutcome(e.outcome(), false), e.decidedOn(), e.servedOn(), e.note());
            } else if (event instanceof DecisionCorrected e) {
                decision(new LedgerOutcome(e.outcome(), false), e.decidedOn(), e.servedOn(), e.note());
            } else if (event instanceof RequestWithdrawn e) {
                decision(new LedgerOutcome(cn.foi.events.request.Outcome.R3_6_3, true), e.withdrawnOn(), null, e.note());
            // A RequestRedecided (重新答复 after 纠正) leaves the answer columns as they are: the ledger, like Table 三,
            // records the request's first closing, and an import of that row must not answer the request anew.
            } else if (event instanceof ReconsiderationFiled e) {
                values.put(RECONSIDERATION_FILED_ON, e.filedOn());
                values.remove(RECONSIDERATION_RESULT);
                values.remove(RECONSIDERATION_DECIDED_ON);
            } else if (event instanceof ReconsiderationDecided e) {
                values.put(RECONSIDERATION_RESULT, e.result());
                values.put(RECONSIDERATION_DECIDED_ON, e.decidedOn());
            } else if (event instanceof LawsuitFiled e) {
                values.put(LAWSUIT_FILED_ON, e.filedOn());
                values.put(LAWSUIT_KIND, e.afterReconsideration());
                values.remove(LAWSUIT_RESULT);
                values.remove(LAWSUIT_DECIDED_ON);
            } else if (event instanceof LawsuitDecided e) {
                values.put(LAWSUIT_RESULT, e.result());
                values.put(LAWSUIT_DECIDED_ON, e.decidedOn());
            }
        }

        private void registration(String caseNo, Applicant applicant, Channel channel, LocalDate receivedOn,
                                  String description) {
            values.put(CASE_NO, caseNo);
            values.put(APPLICANT_CATEGORY, applicant.category());
            values.put(APPLICANT_NAME, applicant.name());
            values.put(CHANNEL, channel);
            values.put(RECEIVED_ON, receivedOn);
            put(DESCRIPTION, description);
        }

        private void decision(LedgerOutcome outcome, LocalDate closedOn, LocalDate servedOn, String note) {
            values.put(OUTCOME, outcome);
            values.put(CLOSED_ON, closedOn);
            put(SERVED_ON, servedOn);
            put(OUTCOME_NOTE, note);
        }

        private void put(LedgerColumn column, Object value) {
            if (value == null || value instanceof String text && text.isBlank()) {
                values.remove(column);
            } else {
                values.put(column, value);
            }
        }
    }
}
