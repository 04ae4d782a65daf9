package cn.foi.command.ledger;

import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of a ledger as real files write them: dates in the forms offices use, outcomes by key or by label
 * with the quotes, spaces and numbering that Word and Excel put around them. Writes them back in one plain form.
 */
final class LedgerValues {

    /** 2025-03-02, 2025/3/2, 2025.3.2, 2025年3月2日, with an optional time that Excel adds ("2025/3/2 0:00"). */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    /** What surrounds a label without changing it: spaces, quotes of every width and curl, separators. */
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Z}\"'“”‘’「」『』〝〞·•・\\-—–_、,，.。:：;；]");
    private static final Pattern GROUP_NUMBER = Pattern.compile("^\\([一二三四五六七八九十]+\\)");
    private static final Pattern ITEM_NUMBER = Pattern.compile("^\\d+[.、．]?");
    private static final String[] GROUPS = {"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"};
    /** Short names offices write for the long labels of （六）. */
    private static final Map<String, Outcome> OUTCOME_ALIASES = Map.of(
            "逾期不补正", Outcome.R3_6_1,
            "逾期未缴费", Outcome.R3_6_2,
            "逾期不缴费", Outcome.R3_6_2);
    private static final Map<String, Channel> CHANNEL_ALIASES = Map.ofEntries(
            Map.entry("当面提交", Channel.IN_PERSON), Map.entry("现场", Channel.IN_PERSON),
            Map.entry("挂号信", Channel.REGISTERED_MAIL), Map.entry("挂号", Channel.REGISTERED_MAIL),
            Map.entry("EMS", Channel.REGISTERED_MAIL), Map.entry("邮政快递", Channel.REGISTERED_MAIL),
            Map.entry("平常信函", Channel.ORDINARY_MAIL), Map.entry("信函", Channel.ORDINARY_MAIL),
            Map.entry("互联网", Channel.ONLINE), Map.entry("网上申请", Channel.ONLINE), Map.entry("在线申请", Channel.ONLINE),
            Map.entry("电子邮件", Channel.ONLINE), Map.entry("网络申请", Channel.ONLINE));

    private LedgerValues() {
    }

    /** A cell's text that cannot be read as its column's kind; the message says what the column accepts. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** The value of a non-blank cell, typed by its column. */
    static Object read(LedgerColumn column, String text) throws Unreadable {
        String value = text.strip();
        return switch (column.kind()) {
            case TEXT -> unescapeFormula(value);
            case DATE -> date(value, column);
            case CATEGORY -> ApplicantCategory.fromText(compact(value)).orElseThrow(() -> new Unreadable(
                    "申请人类型“" + value + "”无效，可选：" + ApplicantCategory.allowedValues() + "（或 C1..C6）"));
            case CHANNEL -> channel(value);
            case OUTCOME -> outcome(value).orElseThrow(() -> new Unreadable("办理结果“" + value
                    + "”无法识别：请填写 R3_1..R3_6_3，或《年度报告》表三的结果名称（如 予以公开、属于国家秘密、本机关不掌握相关政府信息），"
                    + "申请人撤回填“撤回”"));
            case APPEAL_RESULT -> AppealResult.fromText(compact(value)).orElseThrow(() -> new Unreadable(
                    column.chineseName() + "“" + value + "”无效，可选：维持、纠正、其他；尚未审结的请留空"));
            case LAWSUIT_KIND -> lawsuitAfterReconsideration(value);
            case WORKING_DAYS -> workingDays(value);
            case PARTY -> ConsultedParty.fromText(compact(value)).orElseThrow(() -> new Unreadable(
                    "征求意见对象“" + value + "”无效，可选：第三方、其他机关"));
            case AMOUNT -> amount(value);
            // What the export counted (notices, attachments): the documents themselves do not travel in a ledger.
            case COUNT -> value;
            case FEE_METHOD -> FeeMethod.fromText(compact(value)).orElseThrow(() -> new Unreadable(
                    "收费方式“" + value + "”无效，可选：按件、按量"));
        };
    }

    /** The text a ledger holds for a value, as an export writes it and an import reads it back. */
    static String write(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof ApplicantCategory category) {
            return category.label();
        }
        if (value instanceof Channel channel) {
            return channel.label();
        }
        if (value instanceof LedgerOutcome outcome) {
            return outcome.text();
        }
        if (value instanceof AppealResult result) {
            return result.shortLabel(); // 维持 / 纠正 / 其他, the ledger's form
        }
        if (value instanceof Boolean afterReconsideration) {
            return afterReconsideration ? "复议后起诉" : "直接起诉";
        }
        if (value instanceof ConsultedParty party) {
            return party.label();
        }
        if (value instanceof FeeMethod method) {
            return method.label();
        }
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        return value.toString(); // dates as ISO, texts and numbers as they are
    }

    /**
     * A text cell as a CSV must hold it so that no spreadsheet runs it as a formula (OWASP's CSV injection advice): a
     * text beginning with = + - @, a tab or a carriage return gets a leading single quote, which Excel and LibreOffice
     * show as text. A text that already begins with a quote gets one more, so that the import can tell the quote the
     * export added from one the clerk typed ({@link #unescapeFormula}): the round trip gives back the text as stored.
     * Only texts are escaped: dates, amounts and counts are written as they are and stay numbers.
     */
    static String escapeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return FORMULA_STARTS.indexOf(first) >= 0 || first == '\'' ? "'" + text : text;
    }

    /**
     * A text cell as the export wrote it, back to the text: one leading quote is removed when what follows it is one
     * the export escapes (a formula's first character, or another quote). Any other leading quote is the clerk's.
     * A hand-written cell that begins with a quote before = (as Excel users type to keep a formula as text) is read as
     * the text after the quote, which is what its writer meant.
     */
    static String unescapeFormula(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\''
                && (FORMULA_STARTS.indexOf(text.charAt(1)) >= 0 || text.charAt(1) == '\'')) {
            return text.substring(1);
        }
        return text;
    }

    /** The first characters with which a spreadsheet reads a cell as a formula (OWASP: = + - @ tab CR). */
    static final String FORMULA_STARTS = "=+-@\t\r";

    static LocalDate date(String text, LedgerColumn column) throws Unreadable {
        Matcher m = DATE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
        if (!m.matches()) {
            throw new Unreadable(column.chineseName() + "“" + text
                    + "”不是日期：请写成 2025-03-02、2025/3/2、2025.3.2 或 2025年3月2日");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new Unreadable(column.chineseName() + "“" + text + "”不是有效的日期（没有这一天）");
        }
    }

    /**
     * An outcome by key (R3_3_1), label (属于国家秘密), the label with its group and number as Table 三 prints it
     * （（三）不予公开 1.属于国家秘密）, any quotes around 三安全一稳定, or a short name (撤回, 逾期不补正).
     */
    static Optional<LedgerOutcome> outcome(String text) {
        String raw = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String key = raw.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equals(key)) {
                return Optional.of(new LedgerOutcome(outcome, false));
            }
        }
        String label = labelForm(raw);
        if (label.equals(LedgerOutcome.WITHDRAWAL) || label.equals("申请人撤回") || label.equals("撤回申请")) {
            return Optional.of(new LedgerOutcome(Outcome.R3_6_3, true));
        }
        if (OUTCOME_ALIASES.containsKey(label)) {
            return Optional.of(new LedgerOutcome(OUTCOME_ALIASES.get(label), false));
        }
        return Arrays.stream(Outcome.values())
                .filter(o -> labelForm(o.label()).equals(label))
                .findFirst()
                .map(o -> new LedgerOutcome(o, false));
    }

    /** A label stripped of what does not tell outcomes apart: noise, the group's number and name, the item's number. */
    private static String labelForm(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]", "");
        s = GROUP_NUMBER.matcher(s).replaceFirst("");
        for (String group : GROUPS) {
            if (s.startsWith(group) && s.length() > group.length()) {
                s = s.substring(group.length());
                break;
            }
        }
        s = s.replaceFirst("^[·•・\\-—–_:：]+", "");
        s = ITEM_NUMBER.matcher(s).replaceFirst("");
        return NOISE.matcher(s).replaceAll("");
    }

    private static Channel channel(String value) throws Unreadable {
        String compact = compact(value);
        Optional<Channel> channel = Channel.fromText(compact);
        if (channel.isPresent()) {
            return channel.get();
        }
        Channel alias = CHANNEL_ALIASES.get(compact.toUpperCase(Locale.ROOT).equals("EMS") ? "EMS" : compact);
        if (alias != null) {
            return alias;
        }
        throw new Unreadable("申请方式“" + value + "”无效，可选：" + Channel.allowedValues());
    }

    private static Boolean lawsuitAfterReconsideration(String value) throws Unreadable {
        String compact = compact(value);
        if (compact.equals("直接起诉") || compact.equals("未经复议直接起诉") || compact.equals("直接")) {
            return false;
        }
        if (compact.equals("复议后起诉") || compact.equals("复议后")) {
            return true;
        }
        throw new Unreadable("起诉方式“" + value + "”无效，可选：直接起诉、复议后起诉");
    }

    private static Integer workingDays(String value) throws Unreadable {
        try {
            BigDecimal days = new BigDecimal(compact(value));
            return days.intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Unreadable("延长工作日数“" + value + "”须为整数（1 至 20）");
        }
    }

    private static BigDecimal amount(String value) throws Unreadable {
        try {
            return new BigDecimal(compact(value).replace("元", "").replace(",", "").replace("¥", ""));
        } catch (NumberFormatException e) {
            throw new Unreadable("收费金额“" + value + "”须为数字（单位：元）");
        }
    }

    /** A cell without spaces and without the quotes Word and Excel put around a label (“维持”, 「按件」). */
    private static String compact(String value) {
        return QUOTES_AROUND.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]", ""))
                .replaceAll("");
    }

    private static final Pattern QUOTES_AROUND = Pattern.compile("^[\"'“”‘’「」『』〝〞]+|[\"'“”‘’「」『』〝〞]+$");
}
