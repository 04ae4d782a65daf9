package cn.foi.platform.report;

import cn.foi.events.report.PublishedReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The fingerprint of a report's content. Both sides compute it: the query side shows it with the report a supervisor
 * checks, the command side compares it when the report is published, so that a report is published only as it was
 * seen, and a correction only when something really changed.
 *
 * <p>The fingerprint is SHA-256 over {@link #canonicalText(PublishedReport)}: keys sorted, numbers without trailing
 * zeros ({@code 1.50} and {@code 1.5} are the same amount), texts prefixed with their length so that no text can pass
 * for the end of one field and the start of the next. Changing this form changes every fingerprint: don't.
 *
 * <p>The events carry the fingerprint as a plain hex text ({@code contentHash}); how it is computed is a rule both
 * sides share, not part of the event contract, so it lives here beside the other shared rules.
 */
public final class ReportContent {

    private ReportContent() {
    }

    /** Lower-case hexadecimal SHA-256 of the report's canonical text. */
    public static String hash(PublishedReport report) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalText(report).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The text the fingerprint is computed over; public so that a differing fingerprint can be explained. */
    public static String canonicalText(PublishedReport report) {
        StringBuilder text = new StringBuilder();
        map(text, "table2", report.table2(), ReportContent::plain);
        map(text, "table3", report.table3(), ReportContent::numbers);
        map(text, "table4", report.table4(), ReportContent::numbers);
        text.append("table4Rule=").append(text(report.table4Rule())).append('\n');
        text.append("feesCollected=").append(plain(report.feesCollected())).append('\n');
        text.append("overview=").append(text(report.overview())).append('\n');
        text.append("problems=").append(text(report.problems())).append('\n');
        text.append("otherMatters=").append(text(report.otherMatters())).append('\n');
        return text.toString();
    }

    /** A number as the fingerprint and the events spell it: plain digits, no exponent, no trailing zeros. */
    public static String plain(BigDecimal number) {
        return number == null ? "null" : number.stripTrailingZeros().toPlainString();
    }

    /**
     * The same number with no trailing zeros but never an exponent: stored figures compare equal whatever way they
     * were typed (3, 3.0, 3.00).
     */
    public static BigDecimal normalized(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static <V> void map(StringBuilder text, String name, Map<String, V> entries, Function<V, String> value) {
        // A missing table and an empty one carry the same content.
        Map<String, V> sorted = entries == null ? Map.of() : new TreeMap<>(entries);
        text.append(name).append(':').append(sorted.size()).append('\n');
        sorted.forEach((key, v) -> text.append(text(key)).append('=').append(value.apply(v)).append('\n'));
    }

    private static String numbers(List<Long> row) {
        if (row == null) {
            return "null";
        }
        StringBuilder numbers = new StringBuilder("[");
        for (int i = 0; i < row.size(); i++) {
            numbers.append(i == 0 ? "" : ",").append(row.get(i));
        }
        return numbers.append(']').toString();
    }

    private static String text(String value) {
        return value == null ? "null" : value.length() + ":" + value;
    }
}
