package cn.foi.query.request;

import cn.foi.query.persistence.QueryDatabase;
import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An applicant's earlier requests to an agency, and among them those that may be the same request again (重复申请),
 * shown while a clerk registers a new one (ADR 0024).
 *
 * <p>The applicant is recognised by the name as typed, compared the way the index {@code request_summary_agency_applicant}
 * keys it (V22): NFKC, blanks removed, ASCII letters in lower case. Similar content is told by character bigrams (Dice's
 * coefficient): Chinese is written without spaces, and pg_trgm finds no trigrams in it on a database whose character
 * type is C, as the embedded PostgreSQL's is; bigrams of the whole text keep a reordered or lengthened sentence close to
 * the original. Only the applicant's own requests of the window are compared, which the agency-applicant index finds.
 */
@Component
public class EarlierRequests {

    /** At most this many earlier requests are listed; the total is given apart. */
    public static final int LIMIT = 20;

    /**
     * The applicant's name as it is compared, exactly the expression of the index {@code request_summary_agency_applicant}
     * (V22): PostgreSQL uses an expression index only for the same expression.
     */
    private static final String STORED_KEY = "lower(regexp_replace(normalize(applicant_name, NFKC), '\\s', '', 'g'))";

    /** The same for a name as typed. */
    private static final String KEY = "lower(regexp_replace(normalize(cast(? as text), NFKC), '\\s', '', 'g'))";

    private final JdbcTemplate jdbc;
    private final double threshold;

    public EarlierRequests(QueryDatabase database,
                           @Value("${foi.requests.similarity-threshold:0.4}") double threshold) {
        this.jdbc = database.jdbc();
        this.threshold = threshold;
    }

    /** One earlier request; {@code similarity} (0..1, two decimals) only among possible repeated requests. */
    public record Earlier(String id, String caseNo, LocalDate receivedOn, String applicantName, String description,
                          String status, String statusLabel, Double similarity) {
    }

    public record Found(List<Earlier> items, long total) {
    }

    /** The applicant's requests to the agency, newest first. */
    public Found ofApplicant(String agencyCode, String applicantName) {
        Long total = jdbc.queryForObject("select count(*) from request_summary where agency_code = ? and " + STORED_KEY + " = "
                + KEY, Long.class, agencyCode, applicantName);
        List<Earlier> items = jdbc.query("select id, case_no, received_on, applicant_name, description, status "
                        + "from request_summary where agency_code = ? and " + STORED_KEY + " = " + KEY
                        + " order by received_on desc, case_no desc limit " + LIMIT,
                (rs, n) -> earlier(rs.getString(1), rs.getString(2), rs.getDate(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), null),
                agencyCode, applicantName);
        return new Found(items, total == null ? 0 : total);
    }

    /**
     * The applicant's requests received in the twelve months up to {@code receivedOn} whose content is at least as
     * similar as the threshold, most similar first.
     */
    public List<Earlier> similar(String agencyCode, String applicantName, String description, LocalDate receivedOn) {
        Map<String, Integer> wanted = bigrams(description);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select id, case_no, received_on, applicant_name, description, status from request_summary "
                                + "where agency_code = ? and " + STORED_KEY + " = " + KEY
                                + " and received_on > ? and received_on <= ?",
                        (rs, n) -> earlier(rs.getString(1), rs.getString(2), rs.getDate(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), dice(wanted, bigrams(rs.getString(5)))),
                        agencyCode, applicantName, Date.valueOf(receivedOn.minusMonths(12)), Date.valueOf(receivedOn))
                .stream()
                .filter(found -> found.similarity() >= threshold)
                .sorted(Comparator.comparing(Earlier::similarity).reversed()
                        .thenComparing(Earlier::receivedOn, Comparator.reverseOrder()))
                .limit(LIMIT)
                .toList();
    }

    public double threshold() {
        return threshold;
    }

    private static Earlier earlier(String id, String caseNo, Date receivedOn, String name, String description,
                                   String status, Double similarity) {
        return new Earlier(id, caseNo, receivedOn.toLocalDate(), name, description, status,
                RequestQueries.statusLabels().get(status),
                similarity == null ? null : Math.round(similarity * 100) / 100.0);
    }

    /**
     * The text's character bigrams with their counts, after NFKC, in lower case, with only letters and digits kept:
     * punctuation and blanks say nothing about what was asked.
     */
    static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> bigrams = new HashMap<>();
        if (text == null) {
            return bigrams;
        }
        int[] kept = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase().codePoints()
                .filter(Character::isLetterOrDigit).toArray();
        for (int i = 0; i + 1 < kept.length; i++) {
            bigrams.merge(new String(kept, i, 2), 1, Integer::sum);
        }
        return bigrams;
    }

    /** Dice's coefficient of two bigram multisets: twice the shared bigrams over all bigrams; 0 when one is empty. */
    static double dice(Map<String, Integer> a, Map<String, Integer> b) {
        int sizeA = a.values().stream().mapToInt(Integer::intValue).sum();
        int sizeB = b.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeA == 0 || sizeB == 0) {
            return 0;
        }
        int shared = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            shared += Math.min(entry.getValue(), b.getOrDefault(entry.getKey(), 0));
        }
        return 2.0 * shared / (sizeA + sizeB);
    }
}
