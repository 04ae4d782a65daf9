package cn.foi.command.notice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.web.util.HtmlUtils;

/**
 * The print view of a notice: the STORED document (the bytes issued, whatever template wrote them) read back with XWPF
 * and laid out as an A4 page, so that what prints is what was issued. Paragraphs keep their alignment, first-line
 * indent and bold runs, tables their rows and cells. Every text is HTML-escaped: an applicant's name is the
 * applicant's input.
 */
public final class NoticeHtml {

    private NoticeHtml() {
    }

    /** @param voidedOn when the notice was voided, which the page says above the document; null if it stands */
    public static String render(byte[] docx, String title, LocalDate voidedOn) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(HtmlUtils.htmlEscape(title, "UTF-8")).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n")
                .append("html { background: #fff; }\n")
                .append("body { margin: 0 auto; max-width: 156mm; color: #000; line-height: 1.75;")
                .append(" font-family: \"FangSong\", \"仿宋\", \"FangSong_GB2312\", \"STFangsong\", \"SimSun\", \"宋体\",")
                .append(" \"Songti SC\", serif; font-size: 16pt; }\n")
                .append("p { margin: 0; min-height: 1em; text-align: justify; }\n")
                .append("p.center { text-align: center; } p.right { text-align: right; } p.left { text-align: left; }\n")
                .append("p.title { font-family: \"SimSun\", \"宋体\", \"Songti SC\", serif; font-size: 22pt; margin-bottom: 0.6em; }\n")
                .append("table { width: 100%; border-collapse: collapse; margin: 0.5em 0; }\n")
                .append("td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: middle; font-size: 14pt; }\n")
                .append(".voided { border: 2px solid #c00; color: #c00; text-align: center; font-weight: bold;")
                .append(" margin-bottom: 1em; }\n")
                .append("@media screen { body { padding: 20mm 0; } }\n")
                .append("</style>\n</head>\n<body>\n");
        if (voidedOn != null) {
            html.append("<p class=\"voided\">本文书已于 ").append(voidedOn).append(" 作废</p>\n");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            boolean first = true;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    paragraph(html, paragraph, first);
                    first = false;
                } else if (element instanceof XWPFTable table) {
                    table(html, table);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void paragraph(StringBuilder html, XWPFParagraph paragraph, boolean first) {
        String css = switch (paragraph.getAlignment() == null ? ParagraphAlignment.LEFT : paragraph.getAlignment()) {
            case CENTER -> "center";
            case RIGHT -> "right";
            case BOTH, DISTRIBUTE -> "";
            default -> "left";
        };
        if (first && "center".equals(css)) {
            css = "center title";
        }
        html.append("<p");
        if (!css.isEmpty()) {
            html.append(" class=\"").append(css).append('"');
        }
        int indent = paragraph.getIndentationFirstLine();
        if (indent > 0) {
            // Twentieths of a point, as Word keeps them.
            html.append(" style=\"text-indent: ").append(indent / 20.0).append("pt\"");
        }
        html.append('>');
        runs(html, paragraph);
        html.append("</p>\n");
    }

    private static void runs(StringBuilder html, XWPFParagraph paragraph) {
        for (XWPFRun run : paragraph.getRuns()) {
            String text = HtmlUtils.htmlEscape(run.text(), "UTF-8").replace("\n", "<br>");
            if (text.isEmpty()) {
                continue;
            }
            if (run.isBold()) {
                html.append("<strong>").append(text).append("</strong>");
            } else {
                html.append(text);
            }
        }
    }

    private static void table(StringBuilder html, XWPFTable table) {
        html.append("<table>\n");
        for (XWPFTableRow row : table.getRows()) {
            html.append("<tr>");
            for (XWPFTableCell cell : row.getTableCells()) {
                html.append("<td>");
                boolean firstParagraph = true;
                for (XWPFParagraph paragraph : cell.getParagraphs()) {
                    if (!firstParagraph) {
                        html.append("<br>");
                    }
                    runs(html, paragraph);
                    firstParagraph = false;
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }
}
