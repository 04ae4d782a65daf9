package cn.foi.command.request;

import java.text.Normalizer;

/**
 * The one form a case number (受理编号) is stored, claimed and compared in, whether a clerk registers it, corrects it
 * or a ledger brings it: two numbers a clerk cannot tell apart on the screen or on paper are the same number.
 *
 * <ul>
 *   <li>NFKC: full-width digits and letters (２０２５－００１, typed with a Chinese input method) become ASCII, the
 *       ideographic space a space, compatibility forms (①, ﬁ) their plain letters.</li>
 *   <li>Invisible characters (Unicode's format characters, category Cf: U+200B zero-width space, U+FEFF, U+2060 word
 *       joiner, U+00AD soft hyphen, the bidirectional overrides) are removed [choice], not refused: they arrive pasted
 *       from a web page or a Word file, a clerk cannot see them and so could not act on a refusal, and without them the
 *       number is exactly what the clerk sees.</li>
 *   <li>Every dash (Unicode's dash punctuation, such as － — – ‐, and the minus sign −) becomes "-".</li>
 *   <li>Runs of spaces become one space; spaces around the number are trimmed.</li>
 * </ul>
 * Control characters and line breaks are left in place for the text catalogue to refuse with its message. Letters keep
 * their case: A-001 and a-001 are told apart at a glance. Numbers stored before this rule are not rewritten: they keep
 * their stored form, and a new number is compared with them as stored.
 */
public final class CaseNumbers {

    private CaseNumbers() {
    }

    public static String normalize(String caseNo) {
        if (caseNo == null) {
            return null;
        }
        String compatible = Normalizer.normalize(caseNo, Normalizer.Form.NFKC);
        StringBuilder normalized = new StringBuilder(compatible.length());
        for (int i = 0; i < compatible.length(); ) {
            int c = compatible.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                continue;
            }
            if (type == Character.DASH_PUNCTUATION || c == '\u2212') {
                normalized.append('-');
            } else if (type == Character.SPACE_SEPARATOR) {
                if (normalized.length() > 0 && normalized.charAt(normalized.length() - 1) != ' ') {
                    normalized.append(' ');
                }
            } else {
                normalized.appendCodePoint(c);
            }
        }
        return normalized.toString().strip();
    }
}
