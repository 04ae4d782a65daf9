package cn.foi.command.notice;

import cn.foi.events.request.NoticeKind;

/**
 * How a notice's number is printed. The pattern's placeholders: {机关简称} the agency's short name (its name while
 * agencies have no short name), {类别} the kind's mark (补, 延, …; empty for the answer), {年} the series' year,
 * {序号} the place in the series. The mark keeps the series of one agency and year apart: without it the receipt and
 * the answer would both be 某街道依申公〔2025〕1号.
 */
final class NoticeNumbers {

    static final String DEFAULT_PATTERN = "{机关简称}依申公{类别}〔{年}〕{序号}号";

    private NoticeNumbers() {
    }

    static String format(String pattern, String agencyShortName, NoticeKind kind, int year, int sequence) {
        return pattern.replace("{机关简称}", agencyShortName)
                .replace("{类别}", kind.seriesMark())
                .replace("{年}", Integer.toString(year))
                .replace("{序号}", Integer.toString(sequence));
    }
}
