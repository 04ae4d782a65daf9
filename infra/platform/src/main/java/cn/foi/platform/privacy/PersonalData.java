package cn.foi.platform.privacy;

import java.util.regex.Pattern;

/**
 * How an applicant's identity document number and contact are shown wherever the full values are not needed: in
 * lists, on the request page of a supervising agency, in exports for another agency, and in logs. The one place of
 * the masking rule, so that every side and every log masks alike (个人信息保护法 第六条: no more than the purpose
 * needs; 第五十一条: measures such as de-identification).
 *
 * <ul>
 *   <li>A 18-character 居民身份证号: the region code (first 6) and the last 4 stay: {@code 110105********1234}; a
 *       15-digit one of the first generation likewise {@code 110105*****1234}.</li>
 *   <li>Any other document number: only the last 4 stay, every other character becomes {@code *}; one of 4 characters
 *       or fewer is masked whole.</li>
 *   <li>A mobile number (11 digits starting with 1, with or without +86): {@code 138****5678}.</li>
 *   <li>Any other phone number: only its last 4 digits stay.</li>
 *   <li>An e-mail address: the first character of the name and the domain stay: {@code z***@example.cn}.</li>
 *   <li>Anything else in the contact (an address): the first 6 characters, enough to tell a district, then
 *       {@code ****}; a shorter one keeps its first half.</li>
 * </ul>
 * Null stays null and blank stays as it is: there is nothing to hide and the page shows "not given" alike.
 */
public final class PersonalData {

    private static final Pattern RESIDENT_ID_18 = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern RESIDENT_ID_15 = Pattern.compile("\\d{15}");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s()\\-－—]{7,}");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1\\d{10})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int KEPT_TAIL = 4;
    private static final int KEPT_ADDRESS = 6;

    private PersonalData() {
    }

    /** An identity document's number as lists show it (the document's type does not matter: the number says). */
    public static String maskIdNumber(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String n = number.strip();
        if (RESIDENT_ID_18.matcher(n).matches() || RESIDENT_ID_15.matcher(n).matches()) {
            return n.substring(0, 6) + "*".repeat(n.length() - 10) + n.substring(n.length() - KEPT_TAIL);
        }
        return keepTail(n);
    }

    /**
     * An applicant's contact as lists show it: a phone number, an e-mail address or a postal address (条例 第二十九条
     * asks for a contact of any of these kinds, in one field).
     */
    public static String maskContact(String contact) {
        if (contact == null || contact.isBlank()) {
            return contact;
        }
        String c = contact.strip();
        if (EMAIL.matcher(c).matches()) {
            int at = c.indexOf('@');
            return c.charAt(0) + "***" + c.substring(at);
        }
        if (PHONE.matcher(c).matches()) {
            return maskPhone(c);
        }
        int kept = Math.min(KEPT_ADDRESS, c.codePointCount(0, c.length()) / 2);
        return c.substring(0, c.offsetByCodePoints(0, kept)) + "****";
    }

    /** A phone number: a mobile keeps its first 3 and last 4 digits, any other number its last 4 digits. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        var mobile = MOBILE.matcher(digits);
        if (mobile.matches()) {
            String m = mobile.group(1);
            return m.substring(0, 3) + "****" + m.substring(7);
        }
        return keepTail(digits.isEmpty() ? phone.strip() : digits);
    }

    private static String keepTail(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= KEPT_TAIL) {
            return "*".repeat(length);
        }
        int tail = text.offsetByCodePoints(0, length - KEPT_TAIL);
        return "*".repeat(length - KEPT_TAIL) + text.substring(tail);
    }
}
