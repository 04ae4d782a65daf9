package cn.foi.command.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice's words, put into a Word layout by {@link NoticeLayout}. The shipped layout reads like a government letter
 * (GB/T 9704 in spirit): the title centred in a large 宋体, the document number right below it, the salutation flush
 * left, the body in 仿宋 三号 with a two-character first-line indent, then the issuing agency and the date flush right,
 * with the place of the seal marked over them.
 */
record NoticeDocument(String number, String title, String salutation, List<String> paragraphs, String agencyName,
                      LocalDate issuedOn) {

    /** The date as official documents print it: 2025年3月3日 (Arabic numerals, no leading zeros). */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The notice in the shipped layout. */
    byte[] toDocx() {
        return toDocx(NoticeLayout.defaultLayout());
    }

    /** The notice in a layout (ADR 22): the shipped one or an agency's upload. */
    byte[] toDocx(byte[] layout) {
        return NoticeLayout.render(layout, this);
    }
}
