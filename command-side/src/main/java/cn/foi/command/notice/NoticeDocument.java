package cn.foi.command.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A notice laid out like a government letter (GB/T 9704 in spirit): the title centred in a large 宋体, the document
 * number right below it, the salutation flush left, the body in 仿宋 三号 with a two-character first-line indent, then
 * the issuing agency and the date flush right, with the place of the seal marked over them.
 */
record NoticeDocument(String number, String title, String salutation, List<String> paragraphs, String agencyName,
                      LocalDate issuedOn) {

    private static final String BODY_FONT = "仿宋";
    private static final String TITLE_FONT = "宋体";
    /** 三号 and 二号 in points. */
    private static final int BODY_SIZE = 16;
    private static final int TITLE_SIZE = 22;

    /** The date as official documents print it: 2025年3月3日 (Arabic numerals, no leading zeros). */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    byte[] toDocx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setSpacingAfter(200);
            run(heading, title, TITLE_FONT, TITLE_SIZE, true);

            XWPFParagraph numberLine = document.createParagraph();
            numberLine.setAlignment(ParagraphAlignment.RIGHT);
            numberLine.setSpacingAfter(300);
            run(numberLine, number, BODY_FONT, BODY_SIZE, false);

            XWPFParagraph salutationLine = document.createParagraph();
            run(salutationLine, salutation + "：", BODY_FONT, BODY_SIZE, false);

            for (String text : paragraphs) {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.setAlignment(ParagraphAlignment.BOTH);
                // Two characters of the body's size, in twentieths of a point.
                paragraph.setIndentationFirstLine(2 * BODY_SIZE * 20);
                paragraph.setSpacingBetween(1.5);
                run(paragraph, text, BODY_FONT, BODY_SIZE, false);
            }

            document.createParagraph();
            XWPFParagraph seal = document.createParagraph();
            seal.setAlignment(ParagraphAlignment.RIGHT);
            run(seal, "（印章）", BODY_FONT, BODY_SIZE, false);

            XWPFParagraph signature = document.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            run(signature, agencyName, BODY_FONT, BODY_SIZE, false);

            XWPFParagraph date = document.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, chineseDate(issuedOn), BODY_FONT, BODY_SIZE, false);

            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
