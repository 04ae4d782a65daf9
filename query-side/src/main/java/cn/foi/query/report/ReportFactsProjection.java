package cn.foi.query.report;

import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.RequestProjection;
import java.sql.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The appeals and fees of every request, for Table 四 and the fees collected (section 六). Part of the request
 * projection's processor, so both are rebuilt together and stay consistent with each other.
 *
 * <p>Idempotent: cases and notices are keyed by their number or their place in the request's stream; a decision or a
 * payment only sets what it names. Written in batches ({@link BatchedWrites}), in each request's order: a payment
 * follows its notice.
 */
@Component
@ProcessingGroup(RequestProjection.PROCESSING_GROUP)
@AllowReplay
public class ReportFactsProjection {

    /**
     * The answer an appeal is brought against, as the request's summary holds it when the appeal is filed (the
     * summary's writes for the same request run before, in the history's order): what {@link RemedyTimeLimits} measures.
     */
    private static final String ANSWER_COLUMNS = "answer_outcome, answer_decided_on, answer_served_on, answer_withdrawn";
    private static final String ANSWER_VALUES = "s.outcome, s.decided_on, s.served_on, s.withdrawn";
    /** One row even without a summary (its event parked): Table 四 counts the appeal whatever the flags can tell. */
    private static final String ANSWER_SOURCE = " from (values (1)) one left join request_summary s on s.id = ?";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public ReportFactsProjection(QueryDatabase database, BatchedWrites writes) {
        this.jdbc = database.jdbc();
        this.writes = writes;
    }

    @EventHandler
    void on(ReconsiderationFiled event) {
        writes.write(event.requestId(), "insert into report_appeal (request_id, kind, number, filed_on, "
                        + ANSWER_COLUMNS + ") select ?, 'RECONSIDERATION', ?, ?, " + ANSWER_VALUES
                        + ANSWER_SOURCE + " on conflict do nothing", event.requestId(),
                event.reconsiderationNo(), Date.valueOf(event.filedOn()), event.requestId());
    }

    @EventHandler
    void on(ReconsiderationDecided event) {
        writes.write(event.requestId(),
                "update report_appeal set result = ?, decided_on = ? where request_id = ? "
                        + "and kind = 'RECONSIDERATION' and number = ?", event.result().name(),
                Date.valueOf(event.decidedOn()), event.requestId(), event.reconsiderationNo());
    }

    @EventHandler
    void on(LawsuitFiled event) {
        writes.write(event.requestId(),
                "insert into report_appeal (request_id, kind, number, after_reconsideration, filed_on, "
                        + ANSWER_COLUMNS + ", reconsideration_decided_on) select ?, 'LAWSUIT', ?, ?, ?, "
                        + ANSWER_VALUES + ", (select r.decided_on from report_appeal r where r.request_id = ? "
                        + "and r.kind = 'RECONSIDERATION' and r.number = ?) "
                        + ANSWER_SOURCE + " on conflict do nothing", event.requestId(),
                event.lawsuitNo(), event.afterReconsideration(), Date.valueOf(event.filedOn()), event.requestId(),
                event.reconsiderationNo(), event.requestId());
    }

    @EventHandler
    void on(LawsuitDecided event) {
        writes.write(event.requestId(),
                "update report_appeal set result = ?, decided_on = ? where request_id = ? and kind = 'LAWSUIT' "
                + "and number = ?", event.result().name(), Date.valueOf(event.decidedOn()), event.requestId(),
                event.lawsuitNo());
    }

    @EventHandler
    void on(FeeNoticeIssued event, @SequenceNumber long sequence) {
        writes.write(event.requestId(), "insert into report_fee (request_id, notice_sequence, notice_on, amount, "
                        + "quoted_amount, reduction_reason) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                event.requestId(), sequence, Date.valueOf(event.noticeOn()), event.amount(), event.quotedAmount(),
                event.reductionReason());
    }

    /** A payment settles the latest notice before it, so that delivering it again cannot settle a later notice. */
    @EventHandler
    void on(FeePaid event, @SequenceNumber long sequence) {
        writes.write(event.requestId(),
                "update report_fee set paid_on = ? where request_id = ? and notice_sequence = "
                        + "(select max(notice_sequence) from report_fee where request_id = ? and notice_sequence < ?)",
                Date.valueOf(event.paidOn()), event.requestId(), event.requestId(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_appeal, report_fee");
    }
}
