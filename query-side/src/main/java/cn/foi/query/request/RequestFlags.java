package cn.foi.query.request;

import cn.foi.events.request.Outcome;
import cn.foi.query.persistence.QueryDatabase;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The flags of a request (its appeals' time limits, its fee notices) and their counts over a year, both computed from
 * the same rows by the same rules, so the request page and the report annex agree.
 */
@Component
public class RequestFlags {

    private static final String APPEALS = "select a.request_id, a.kind, a.number, a.after_reconsideration, a.filed_on, "
            + "a.answer_outcome, a.answer_decided_on, a.answer_served_on, a.answer_withdrawn, "
            + "a.reconsideration_decided_on from report_appeal a ";
    private static final String FEES = "select f.request_id, f.notice_on, f.amount, f.quoted_amount, "
            + "f.reduction_reason from report_fee f ";

    private final JdbcTemplate jdbc;

    public RequestFlags(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** A request's flags: its appeals' in the order they were filed, then its fee notices'. */
    public List<Flag> forRequest(String requestId) {
        List<Flag> flags = new ArrayList<>();
        jdbc.query(APPEALS + "where a.request_id = ? order by a.filed_on, a.kind desc, a.number",
                rs -> {
                    flags.addAll(RemedyTimeLimits.flags(appeal(rs)));
                }, requestId);
        jdbc.query(FEES + "where f.request_id = ? order by f.notice_sequence",
                rs -> {
                    flags.addAll(feeFlags(rs));
                }, requestId);
        return flags;
    }

    /**
     * How many flags of each code each agency's year holds: appeals filed in it, fee notices dated in it, every code
     * listed, zeros included; an agency without a flag has no entry. What an annual report keeps per agency and adds
     * up for a roll-up.
     */
    public Map<String, Map<String, Long>> countsByAgency(List<String> agencies, LocalDate start, LocalDate end) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        String[] codes = agencies.toArray(String[]::new);
        String scope = ", s.agency_code from %s join request_summary s on s.id = %s.request_id "
                + "where s.agency_code = any(cast(? as varchar[])) and %s between ? and ?";
        jdbc.query(APPEALS.replace(" from report_appeal a ", scope.formatted("report_appeal a", "a", "a.filed_on")),
                rs -> {
                    count(counts, rs.getString("agency_code"), RemedyTimeLimits.flags(appeal(rs)));
                }, codes, Date.valueOf(start), Date.valueOf(end));
        jdbc.query(FEES.replace(" from report_fee f ", scope.formatted("report_fee f", "f", "f.notice_on")),
                rs -> {
                    count(counts, rs.getString("agency_code"), feeFlags(rs));
                }, codes, Date.valueOf(start), Date.valueOf(end));
        return counts;
    }

    /** Every code, at zero, in the codes' order. */
    public static Map<String, Long> noCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Flag.Code.values()).forEach(code -> counts.put(code.name(), 0L));
        return counts;
    }

    private static void count(Map<String, Map<String, Long>> counts, String agency, List<Flag> flags) {
        if (!flags.isEmpty()) {
            Map<String, Long> ofAgency = counts.computeIfAbsent(agency, a -> noCounts());
            flags.forEach(flag -> ofAgency.merge(flag.code(), 1L, Long::sum));
        }
    }

    private static RemedyTimeLimits.Appeal appeal(ResultSet rs) throws SQLException {
        String outcome = rs.getString("answer_outcome");
        return new RemedyTimeLimits.Appeal("LAWSUIT".equals(rs.getString("kind")), rs.getInt("number"),
                rs.getBoolean("after_reconsideration"), localDate(rs, "filed_on"),
                outcome == null ? null : Outcome.valueOf(outcome), localDate(rs, "answer_decided_on"),
                localDate(rs, "answer_served_on"), rs.getBoolean("answer_withdrawn"),
                localDate(rs, "reconsideration_decided_on"));
    }

    /** A notice whose amount was not recorded (ledger import), or that differs from the quote the clerk was shown. */
    static List<Flag> feeFlags(LocalDate noticeOn, BigDecimal amount, BigDecimal quoted, String reason) {
        if (amount == null) {
            return List.of(Flag.Code.FEE_AMOUNT_UNKNOWN.flag("收费通知（" + noticeOn
                    + "）的金额未记录（台账导入时未填写），请补录"));
        }
        if (quoted != null && amount.compareTo(quoted) != 0) {
            return List.of(Flag.Code.FEE_DIFFERS_FROM_QUOTE.flag("收费通知（" + noticeOn + "）的金额 "
                    + amount.toPlainString() + " 元与按国办函〔2020〕109号标准计算的 " + quoted.toPlainString()
                    + " 元不同；减免理由：" + reason));
        }
        return List.of();
    }

    private static List<Flag> feeFlags(ResultSet rs) throws SQLException {
        return feeFlags(localDate(rs, "notice_on"), rs.getBigDecimal("amount"), rs.getBigDecimal("quoted_amount"),
                rs.getString("reduction_reason"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
