package cn.foi.query.report;

import cn.foi.query.report.AnnualReportView.FeesCollected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Section 六's 信息处理费 (domain §1.5): the fees paid in the year, by the day they were paid, whichever year the
 * notice or the request belongs to.
 *
 * @param amount        their sum
 * @param payments      how many were paid
 * @param amountUnknown how many of them have no amount (their notice was imported from a ledger without one), which
 *                      the sum cannot include
 */
record FeeTotals(BigDecimal amount, long payments, long amountUnknown) {

    static final FeeTotals NONE = new FeeTotals(BigDecimal.ZERO, 0, 0);

    /** Each agency's fees paid in the year, in one pass over the notices paid in it. */
    static Map<String, FeeTotals> byAgency(JdbcTemplate jdbc, List<String> agencies, LocalDate start, LocalDate end) {
        Map<String, FeeTotals> byAgency = new HashMap<>();
        jdbc.query("select s.agency_code, coalesce(sum(f.amount), 0), count(*), count(*) filter (where f.amount is null) "
                        + "from report_fee f join request_summary s on s.id = f.request_id "
                        + "where s.agency_code = any(?) and f.paid_on between ? and ? group by s.agency_code",
                rs -> {
                    byAgency.put(rs.getString(1), new FeeTotals(rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4)));
                }, agencies.toArray(String[]::new), Date.valueOf(start), Date.valueOf(end));
        return byAgency;
    }

    /** Several agencies' fees together. */
    static FeeTotals sum(List<FeeTotals> fees) {
        BigDecimal amount = BigDecimal.ZERO;
        long payments = 0;
        long unknown = 0;
        for (FeeTotals agency : fees) {
            amount = amount.add(agency.amount());
            payments += agency.payments();
            unknown += agency.amountUnknown();
        }
        return new FeeTotals(amount, payments, unknown);
    }

    /** As section 六 states it: in 元 to the 分. */
    FeesCollected collected() {
        return new FeesCollected(amount.setScale(2, RoundingMode.HALF_UP), Math.toIntExact(payments));
    }
}
