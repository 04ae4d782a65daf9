package cn.foi.query.report;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request as the report sees it, by its business dates (domain §2.1): what Table 三 and the annex count it by.
 */
record CountedRequest(String id, String agencyCode, String caseNo, ApplicantCategory category, Channel channel,
                      LocalDate receivedOn, LocalDate closedOn, Outcome outcome, LocalDate dueDate, boolean extended,
                      boolean supplemented) {

    boolean closedBy(LocalDate day) {
        return closedOn != null && !closedOn.isAfter(day);
    }

    /** The agencies' requests the year concerns: received by its end and not closed before its start. */
    static List<CountedRequest> inScope(JdbcTemplate jdbc, List<String> agencies, LocalDate start, LocalDate end) {
        return jdbc.query("select id, agency_code, case_no, applicant_category, channel, received_on, closed_on, outcome, "
                        + "due_date, extended, supplement_rounds from request_summary where agency_code = any(?) "
                        + "and received_on <= ? and (closed_on is null or closed_on >= ?)",
                CountedRequest::of, agencies.toArray(String[]::new), Date.valueOf(end), Date.valueOf(start));
    }

    private static CountedRequest of(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Date closed = rs.getDate("closed_on");
        Date due = rs.getDate("due_date");
        return new CountedRequest(rs.getString("id"), rs.getString("agency_code"), rs.getString("case_no"),
                ApplicantCategory.valueOf(rs.getString("applicant_category")), Channel.valueOf(rs.getString("channel")),
                rs.getDate("received_on").toLocalDate(), closed == null ? null : closed.toLocalDate(),
                outcome == null ? null : Outcome.valueOf(outcome), due == null ? null : due.toLocalDate(),
                rs.getBoolean("extended"), rs.getInt("supplement_rounds") > 0);
    }
}
