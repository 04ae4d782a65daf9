package cn.foi.query.report.documents;

import cn.foi.query.report.documents.Grid.Cell;
import cn.foi.query.report.documents.ReportDocument.Block;
import cn.foi.query.report.documents.ReportDocument.Heading;
import cn.foi.query.report.documents.ReportDocument.Paragraph;
import cn.foi.query.report.documents.ReportDocument.Table;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The report as one self-contained, print-ready HTML page: A4 pages, bordered tables whose headings repeat on every
 * page, and no script, font or picture from anywhere else, so that it prints the same offline and cannot leak who reads
 * it. Every text is escaped: agency names and report texts are typed by users.
 */
@Component
public class HtmlReportRenderer {

    private static final String STYLE = """
            @page { size: A4; margin: 25mm 20mm 22mm 20mm; }
            html { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
                   font-size: 10.5pt; color: #000; }
            body { margin: 0 auto; max-width: 170mm; line-height: 1.6; }
            h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
                 font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 6pt; line-height: 1.4; }
            h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
                 font-size: 12pt; font-weight: normal; margin: 14pt 0 6pt; page-break-after: avoid; }
            h3 { font-size: 10.5pt; font-weight: bold; margin: 10pt 0 4pt; page-break-after: avoid; }
            p { margin: 0 0 4pt; text-indent: 2em; text-align: justify; }
            p.note { text-indent: 0; font-size: 9pt; }
            p.placeholder { color: #666; }
            .notes p { text-align: center; text-indent: 0; font-size: 9pt; margin: 0; }
            .notes { margin-bottom: 12pt; }
            section.keep { break-inside: avoid; page-break-inside: avoid; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4pt 0 6pt;
                    page-break-inside: auto; }
            tr { page-break-inside: avoid; }
            thead { display: table-header-group; }
            th, td { border: 0.75pt solid #000; padding: 2pt 3pt; font-size: 9pt; line-height: 1.35;
                     vertical-align: middle; word-break: break-all; }
            th { font-weight: normal; text-align: center; }
            td.label, td.text { text-align: left; }
            td.number { text-align: center; }
            td.header, th.header { text-align: center; }
            td.failed { font-weight: bold; text-decoration: underline; text-align: center; }
            td.passed { text-align: center; }
            """;

    public String render(ReportDocument document) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(document.title())).append("</h1>\n")
                .append("<div class=\"notes\">\n");
        document.notes().forEach(note -> html.append("<p>").append(escape(note)).append("</p>\n"));
        html.append("</div>\n");
        List<Block> blocks = document.blocks();
        boolean keeping = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof Heading heading) {
                // A heading and the table under it stay on one page: a browser cannot break Table 三 inside its
                // tall row spans, and would otherwise leave the heading with two orphaned rows.
                keeping = i + 1 < blocks.size() && blocks.get(i + 1) instanceof Table;
                if (keeping) {
                    html.append("<section class=\"keep\">\n");
                }
                String tag = heading.level() == 1 ? "h2" : "h3";
                html.append('<').append(tag).append('>').append(escape(heading.text())).append("</").append(tag)
                        .append(">\n");
            } else if (block instanceof Paragraph paragraph) {
                html.append("<p").append(switch (paragraph.style()) {
                    case BODY -> "";
                    case NOTE -> " class=\"note\"";
                    case PLACEHOLDER -> " class=\"placeholder\"";
                }).append('>').append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Table table) {
                table(html, table.grid());
                if (keeping) {
                    html.append("</section>\n");
                    keeping = false;
                }
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, Grid grid) {
        html.append("<table id=\"").append(escape(grid.name())).append("\">\n<colgroup>");
        int units = grid.units(0, grid.columns());
        for (int width : grid.widths()) {
            html.append("<col style=\"width:").append(String.format("%.2f", 100.0 * width / units)).append("%\">");
        }
        html.append("</colgroup>\n");
        for (int r = 0; r < grid.rows(); r++) {
            if (r == 0 && grid.headerRows() > 0) {
                html.append("<thead>\n");
            }
            if (r == grid.headerRows()) {
                html.append(r > 0 ? "</thead>\n<tbody>\n" : "<tbody>\n");
            }
            html.append("<tr>");
            for (int c = 0; c < grid.columns(); c++) {
                Cell cell = grid.at(r, c);
                if (cell != null) {
                    cell(html, cell);
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder html, Cell cell) {
        String tag = cell.kind() == Grid.Kind.HEADER ? "th" : "td";
        html.append('<').append(tag).append(" class=\"").append(cssClass(cell.kind())).append('"');
        if (cell.rowSpan() > 1) {
            html.append(" rowspan=\"").append(cell.rowSpan()).append('"');
        }
        if (cell.columnSpan() > 1) {
            html.append(" colspan=\"").append(cell.columnSpan()).append('"');
        }
        html.append('>').append(escape(cell.text())).append("</").append(tag).append('>');
    }

    private static String cssClass(Grid.Kind kind) {
        return switch (kind) {
            case HEADER -> "header";
            case LABEL -> "label";
            case COUNT, SIGNED, AMOUNT, NOT_ENTERED -> "number";
            case TEXT -> "text";
            case PASSED -> "passed";
            case FAILED -> "failed";
        };
    }

    /** Escapes for text and for quoted attribute values alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }
}
