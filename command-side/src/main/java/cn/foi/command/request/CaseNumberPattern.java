package cn.foi.command.request;

import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.limits.TextField;
import java.time.LocalDate;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an agency's case numbers (受理编号) are written, to suggest the next one at registration. Placeholders: {年} the
 * year of the receipt, {序号} the place in the year's series, {序号:3} the same padded with zeros to three digits; every
 * other character is written as it stands. The default, {年}-{序号:3}, writes 2025-001.
 *
 * <p>A suggestion only: the clerk may keep or change it, and the case-number registry still refuses a number in use.
 * Numbers that do not follow the pattern (imported from a ledger, typed by hand) are ignored when the series is read.
 */
public final class CaseNumberPattern {

    public static final String DEFAULT = "{年}-{序号:3}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(年|序号)(?::(\\d{1,2}))?}");

    private final String pattern;

    private CaseNumberPattern(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern, refused unless it holds {年} and {序号} once each: without them no series can be told. */
    public static CaseNumberPattern of(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern == null ? "" : pattern);
        int years = 0;
        int sequences = 0;
        while (m.find()) {
            if (m.group(1).equals("年")) {
                years++;
            } else {
                sequences++;
            }
        }
        if (years != 1 || sequences != 1) {
            throw new IllegalArgumentException("受理编号格式须各包含一次 {年} 和 {序号}（如 " + DEFAULT + "），现为：" + pattern);
        }
        return new CaseNumberPattern(pattern);
    }

    /**
     * A pattern a user entered, refused with the clerk's words under {@code field}: it must be one line without control
     * characters, hold {年} and {序号} once each, and write numbers that registration can store (a case number has at
     * most {@link TextField#CASE_NO}'s length, so {序号:99} or a pattern of 100 characters could never be used).
     */
    public static CaseNumberPattern checked(String pattern, String field) {
        if (pattern == null || pattern.isBlank()) {
            throw RuleViolation.invalid("CASE_NO_PATTERN_REQUIRED", field, "请填写受理编号格式，例如 " + DEFAULT);
        }
        if (TextField.CASE_NO.fault(pattern).isPresent()) {
            throw RuleViolation.invalid("CASE_NO_PATTERN_INVALID", field, "受理编号格式须为一行，最多 "
                    + TextField.CASE_NO.maxLength() + " 个字符，不能含换行、制表符或其他控制字符");
        }
        CaseNumberPattern parsed;
        try {
            parsed = of(pattern);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("CASE_NO_PATTERN_INVALID", field, e.getMessage());
        }
        // The widest number of a year: the sequence's padding and every literal character count.
        String longest = parsed.format(9999, 99_999);
        if (longest.codePointCount(0, longest.length()) > TextField.CASE_NO.maxLength()) {
            throw RuleViolation.invalid("CASE_NO_PATTERN_TOO_LONG", field, "按此格式写出的受理编号（如 "
                    + parsed.format(9999, 1) + "）超过 " + TextField.CASE_NO.maxLength() + " 个字符，请缩短格式或序号位数");
        }
        return parsed;
    }

    /**
     * The year of the series a request received on {@code receivedOn} is numbered in; refused for a day before the
     * first 条例 came into force or in a year still to come.
     */
    public static int seriesYear(LocalDate receivedOn, LocalDate today) {
        if (receivedOn.isBefore(Regulation.firstDay()) || receivedOn.getYear() > today.getYear()) {
            throw RuleViolation.invalid("CASE_NO_YEAR", "receivedOn", "收到申请日期（" + receivedOn
                    + "）须在《政府信息公开条例》施行之日（" + Regulation.firstDay() + "）至本年度之间");
        }
        return receivedOn.getYear();
    }

    /** The number of the given place in the year's series. */
    public String format(int year, long sequence) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("年")) {
                value = Integer.toString(year);
            } else {
                int width = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                value = width == 0 ? Long.toString(sequence) : String.format("%0" + width + "d", sequence);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return CaseNumbers.normalize(out.toString());
    }

    /** The highest place among the numbers of the year's series; empty when none follows the pattern. */
    public OptionalLong highestSequence(int year, Collection<String> caseNumbers) {
        Pattern series = series(year);
        OptionalLong highest = OptionalLong.empty();
        for (String caseNo : caseNumbers) {
            Matcher m = series.matcher(caseNo);
            // A run of digits too long for a long is nobody's sequence: a typing error, ignored.
            if (m.matches() && m.group(1).length() <= 18) {
                long place = Long.parseLong(m.group(1));
                if (highest.isEmpty() || place > highest.getAsLong()) {
                    highest = OptionalLong.of(place);
                }
            }
        }
        return highest;
    }

    /** The next number of the year's series: one past the highest in use, or the first. */
    public String next(int year, Collection<String> caseNumbers) {
        return format(year, highestSequence(year, caseNumbers).orElse(0) + 1);
    }

    /**
     * A regular expression matching the year's numbers, the sequence as its one group. It reads the same in Java and
     * in PostgreSQL: literal characters other than letters and digits are escaped with a backslash, which both take as
     * the character itself (\Q…\E would be Java's alone).
     */
    public String seriesRegex(int year) {
        String normalized = CaseNumbers.normalize(pattern);
        Matcher m = PLACEHOLDER.matcher(normalized);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            literal(regex, normalized.substring(last, m.start()));
            regex.append(m.group(1).equals("年") ? Integer.toString(year) : "([0-9]+)");
            last = m.end();
        }
        literal(regex, normalized.substring(last));
        return regex.append('$').toString();
    }

    private static void literal(StringBuilder regex, String text) {
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                regex.append('\\');
            }
            regex.appendCodePoint(c);
        });
    }

    private Pattern series(int year) {
        return Pattern.compile(seriesRegex(year));
    }

    @Override
    public String toString() {
        return pattern;
    }
}
