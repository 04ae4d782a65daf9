package cn.foi.command.notice;

import static cn.foi.command.notice.NoticeDocument.chineseDate;

import cn.foi.events.request.ServiceMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The 送达回证: the form that goes with a notice and comes back signed, the proof that the notice reached its recipient.
 * The 条例 has no rule of service; offices keep the 民事诉讼法's (the recipient signs and dates the form, a refusal is
 * recorded with a witness, a posted letter is proved by its receipt). It is a two-column table: what was served, to
 * whom, by whom and how, with blank cells for the signatures the form collects by hand.
 *
 * @param servedTitle  the title of the notice served (补正告知书)
 * @param servedNumber its number
 * @param method       the way of service if it is already recorded (it is then ticked), else null: all are left open
 */
record ServiceForm(String number, String servedTitle, String servedNumber, String recipient, ServiceMethod method,
                   String agencyName, LocalDate issuedOn) {

    static final String TITLE = "送达回证";
    private static final String FONT = "仿宋";
    private static final int BODY_SIZE = 14;
    private static final String DATE_BLANK = "　　　　年　　月　　日";
    /** The note printed under the table, in the spirit of 民事诉讼法 第八十七条至第九十五条. */
    static final String NOTE = "说明：受送达人收到文书后，请在本回证上签名或者盖章，并写明收到日期。受送达人本人不在的，可以由其同住成年家属"
            + "或者单位负责收件的人代收，并注明与受送达人的关系。受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场"
            + "见证，在本回证上写明拒收的情况和日期，由送达人、见证人签名或者盖章后，将文书留在受送达人的住所。邮寄送达的，以邮件回执"
            + "上注明的收件日期为送达日期。";

    byte[] toDocx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setSpacingAfter(200);
            run(heading, TITLE, "宋体", 22, true);
            XWPFParagraph numberLine = document.createParagraph();
            numberLine.setAlignment(ParagraphAlignment.RIGHT);
            numberLine.setSpacingAfter(200);
            run(numberLine, number, FONT, BODY_SIZE, false);

            String[][] rows = {
                    {"送达文书", "《" + servedTitle + "》" + servedNumber},
                    {"受送达人", recipient},
                    {"送达机关", agencyName},
                    {"送达方式", methods()},
                    {"送达地点", ""},
                    {"受送达人签名或者盖章", "\n\n" + DATE_BLANK},
                    {"代收人签名及与受送达人的关系", "\n\n" + DATE_BLANK},
                    {"拒收事由及见证人签名", "\n\n" + DATE_BLANK},
                    {"送达人签名", "\n\n" + DATE_BLANK},
                    {"备注", ""}
            };
            XWPFTable table = document.createTable(rows.length, 2);
            table.setWidth("100%");
            table.setWidthType(TableWidthType.PCT);
            for (int i = 0; i < rows.length; i++) {
                XWPFTableRow row = table.getRow(i);
                row.setHeight(i >= 5 && i <= 8 ? 1100 : 560);
                cell(row.getCell(0), rows[i][0], true, 2400);
                cell(row.getCell(1), rows[i][1], false, 6600);
            }

            XWPFParagraph note = document.createParagraph();
            note.setSpacingBefore(200);
            run(note, NOTE, FONT, 12, false);

            document.createParagraph();
            XWPFParagraph signature = document.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            run(signature, agencyName + "（印章）", FONT, BODY_SIZE, false);
            XWPFParagraph date = document.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, chineseDate(issuedOn), FONT, BODY_SIZE, false);

            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way of service with a box; the one recorded, if any, ticked. */
    private String methods() {
        return Arrays.stream(ServiceMethod.values())
                .map(m -> (m == method ? "☑" : "☐") + m.label())
                .collect(Collectors.joining("　"));
    }

    private static void cell(XWPFTableCell cell, String text, boolean label, int widthTwips) {
        cell.getCTTc().addNewTcPr().addNewTcW().setW(BigInteger.valueOf(widthTwips));
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(label ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        String[] lines = text.split("\n", -1);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(BODY_SIZE);
        run.setBold(label);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
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
