package cn.foi.query.report.documents;

import cn.foi.query.report.documents.Grid.Cell;
import cn.foi.query.report.documents.Grid.Kind;
import cn.foi.query.report.documents.ReportDocument.Block;
import cn.foi.query.report.documents.ReportDocument.Heading;
import cn.foi.query.report.documents.ReportDocument.Paragraph;
import cn.foi.query.report.documents.ReportDocument.Style;
import cn.foi.query.report.documents.ReportDocument.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The report as one A4 worksheet, top to bottom like the printed template. All tables share the sheet's fifteen
 * columns (Table 四 has fifteen numbers): a table with fewer, wider columns lets each of its columns span several sheet
 * columns, so every table keeps its own proportions. Counts are stored as numbers, so the agency can add them up; each
 * table is a named range ({@code table3} …) that formulas and readers can find. Neither Excel nor LibreOffice sizes the
 * rows of merged cells, so row heights are estimated from the text.
 */
@Component
public class XlsxReportRenderer {

    static final int SHEET_COLUMNS = 15;
    /** Column width in characters of the default font: fifteen of them fill an A4 page with 15 mm margins. */
    private static final double COLUMN_CHARACTERS = 6.4;
    private static final String FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    /** Excel refuses rows taller than 409 points: longer paragraphs are continued in the next row. */
    private static final int MAX_LINES_PER_ROW = 24;

    public byte[] render(ReportDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(document.part().sheetName());
            setUpPage(sheet);
            workbook.getProperties().getCoreProperties().setTitle(document.title());
            Writer writer = new Writer(workbook, sheet, styles);
            writer.line(document.title(), styles.title, 30);
            document.notes().forEach(note -> writer.line(note, styles.note, 14));
            writer.skip();
            List<Block> blocks = document.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (block instanceof Heading heading) {
                    if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Table table) {
                        // Table 三 takes most of a page: it starts one, as in most printed reports. Elsewhere the
                        // estimate decides; it errs towards breaking early, which costs paper, not legibility.
                        writer.keepTogether(table.grid().name().equals("table3") ? PAGE_POINTS + 1
                                : 20 + sum(rowHeights(table.grid())));
                    }
                    writer.line(heading.text(), heading.level() == 1 ? styles.heading : styles.subheading, 20);
                } else if (block instanceof Paragraph paragraph) {
                    writer.paragraph(paragraph);
                } else if (block instanceof Table table) {
                    writer.table(table.grid());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the XLSX report could not be written", e);
        }
    }

    private static void setUpPage(XSSFSheet sheet) {
        for (int c = 0; c < SHEET_COLUMNS; c++) {
            sheet.setColumnWidth(c, (int) Math.round(COLUMN_CHARACTERS * 256));
        }
        sheet.setDisplayGridlines(false);
        sheet.setPrintGridlines(false);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT, 0.6);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT, 0.6);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.TOP, 0.8);
        sheet.setMargin(org.apache.poi.ss.usermodel.PageMargin.BOTTOM, 0.8);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    /** Where the sheet column of a table's logical column starts: the table's units scaled to the sheet's columns. */
    static int sheetColumn(Grid grid, int column) {
        int units = grid.units(0, grid.columns());
        return (int) Math.round((double) grid.unitsBefore(column) * SHEET_COLUMNS / units);
    }

    /** The height of an A4 page less the margins, in points, with room to spare for the printer's rounding. */
    private static final float PAGE_POINTS = 640;

    private static final class Writer {
        private final XSSFWorkbook workbook;
        private final XSSFSheet sheet;
        private final Styles styles;
        private int next;
        /** How much of the current printed page the rows written so far take, as far as it can be estimated. */
        private float pageUsed;

        Writer(XSSFWorkbook workbook, XSSFSheet sheet, Styles styles) {
            this.workbook = workbook;
            this.sheet = sheet;
            this.styles = styles;
        }

        void skip() {
            next++;
            added(sheet.getDefaultRowHeightInPoints());
        }

        private void added(float height) {
            pageUsed += height;
            if (pageUsed > PAGE_POINTS) {
                pageUsed = height;
            }
        }

        /**
         * Starts a new page before a heading whose table would not fit below it: spreadsheets break pages by rows
         * only and would otherwise leave the heading alone at the foot of a page.
         */
        void keepTogether(float height) {
            if (pageUsed > 0 && pageUsed + height > PAGE_POINTS) {
                sheet.setRowBreak(next - 1);
                pageUsed = 0;
            }
        }

        void line(String text, CellStyle style, float height) {
            Row row = sheet.createRow(next);
            row.setHeightInPoints(height);
            added(height);
            for (int c = 0; c < SHEET_COLUMNS; c++) {
                row.createCell(c).setCellStyle(style);
            }
            row.getCell(0).setCellValue(text);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, SHEET_COLUMNS - 1));
            next++;
        }

        void paragraph(Paragraph paragraph) {
            CellStyle style = paragraph.style() == Style.BODY ? styles.body
                    : paragraph.style() == Style.NOTE ? styles.small : styles.placeholder;
            // A cell has no first-line indent: two ideographic spaces are how Chinese text in a cell is indented.
            String text = paragraph.style() == Style.BODY ? "\u3000\u3000" + paragraph.text() : paragraph.text();
            double perLine = SHEET_COLUMNS * COLUMN_CHARACTERS * (paragraph.style() == Style.NOTE ? 1.15 : 1.0);
            for (String part : parts(text, perLine)) {
                int lines = lines(part, perLine);
                line(part, style, lines * (paragraph.style() == Style.NOTE ? 12f : 14.5f) + 4);
            }
        }

        void table(Grid grid) {
            int top = next;
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < grid.rows(); r++) {
                Row row = sheet.createRow(next + r);
                rows.add(row);
                for (int c = 0; c < SHEET_COLUMNS; c++) {
                    row.createCell(c).setCellStyle(styles.of(Kind.TEXT));
                }
            }
            float[] heights = rowHeights(grid);
            for (Cell cell : grid.cells()) {
                int first = sheetColumn(grid, cell.column());
                int last = sheetColumn(grid, cell.column() + cell.columnSpan()) - 1;
                CellStyle style = styles.of(cell.kind());
                for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) {
                    for (int c = first; c <= last; c++) {
                        rows.get(r).getCell(c).setCellStyle(style);
                    }
                }
                org.apache.poi.ss.usermodel.Cell target = rows.get(cell.row()).getCell(first);
                if (cell.numeric()) {
                    target.setCellValue(cell.value().doubleValue());
                } else {
                    target.setCellValue(cell.text());
                }
                if (cell.rowSpan() > 1 || last > first) {
                    sheet.addMergedRegion(new CellRangeAddress(top + cell.row(), top + cell.row() + cell.rowSpan() - 1,
                            first, last));
                }
            }
            for (int r = 0; r < grid.rows(); r++) {
                rows.get(r).setHeightInPoints(heights[r]);
                added(heights[r]);
            }
            Name name = workbook.createName();
            name.setNameName(grid.name().replace('-', '_'));
            name.setRefersToFormula(new AreaReference(new CellReference(sheet.getSheetName(), top, 0, true, true),
                    new CellReference(sheet.getSheetName(), top + grid.rows() - 1, SHEET_COLUMNS - 1, true, true),
                    workbook.getSpreadsheetVersion()).formatAsString());
            next += grid.rows();
            skip();
        }
    }

    /** Each row as tall as its most wrapped cell needs; a cell spanning rows shares its height among them. */
    static float[] rowHeights(Grid grid) {
        float[] heights = new float[grid.rows()];
        java.util.Arrays.fill(heights, 16f);
        for (Cell cell : grid.cells()) {
            int first = sheetColumn(grid, cell.column());
            int last = sheetColumn(grid, cell.column() + cell.columnSpan()) - 1;
            // Table text is 9 pt; the width is what the cell's sheet columns give, less its padding.
            double width = (last - first + 1) * COLUMN_CHARACTERS * 1.15 - 1;
            float perRow = (lines(cell.text(), width) * 12f + 4) / cell.rowSpan();
            for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) {
                heights[r] = Math.max(heights[r], perRow);
            }
        }
        return heights;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    /** Lines a text takes in a cell so many characters wide: a Chinese character is as wide as two digits. */
    static int lines(String text, double width) {
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(displayWidth(line) / Math.max(1, width)));
        }
        return lines;
    }

    private static double displayWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) >= 0x2E80 ? 2 : 1.1;
        }
        return width;
    }

    /** A long paragraph cut after a full stop into parts that each fit one row. */
    private static List<String> parts(String text, double perLine) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : text.split("(?<=[。；！？])")) {
            if (part.length() > 0 && lines(part + sentence, perLine) > MAX_LINES_PER_ROW) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(sentence);
        }
        parts.add(part.toString());
        return parts;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle heading;
        final CellStyle subheading;
        final CellStyle body;
        final CellStyle small;
        final CellStyle placeholder;
        private final Map<Kind, CellStyle> cells = new EnumMap<>(Kind.class);

        Styles(XSSFWorkbook workbook) {
            Font standard = workbook.getFontAt(0);
            standard.setFontName(FONT);
            standard.setFontHeightInPoints((short) 11);
            Font titleFont = font(workbook, HEADING_FONT, 16, false);
            Font headingFont = font(workbook, HEADING_FONT, 12, false);
            Font bodyFont = font(workbook, FONT, 10.5, false);
            Font smallFont = font(workbook, FONT, 9, false);
            Font boldSmall = font(workbook, FONT, 9, true);
            Font greyFont = font(workbook, FONT, 10.5, false);
            greyFont.setColor(org.apache.poi.ss.usermodel.IndexedColors.GREY_50_PERCENT.getIndex());
            title = style(workbook, titleFont, HorizontalAlignment.CENTER, false, false);
            note = style(workbook, smallFont, HorizontalAlignment.CENTER, false, false);
            heading = style(workbook, headingFont, HorizontalAlignment.LEFT, false, false);
            subheading = style(workbook, font(workbook, FONT, 10.5, true), HorizontalAlignment.LEFT, false, false);
            body = style(workbook, bodyFont, HorizontalAlignment.LEFT, true, false);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            small = style(workbook, smallFont, HorizontalAlignment.LEFT, true, false);
            placeholder = style(workbook, greyFont, HorizontalAlignment.LEFT, true, false);
            for (Kind kind : Kind.values()) {
                HorizontalAlignment align = switch (kind) {
                    case LABEL, TEXT -> HorizontalAlignment.LEFT;
                    default -> HorizontalAlignment.CENTER;
                };
                CellStyle style = style(workbook, kind == Kind.FAILED ? boldSmall : smallFont, align, true, true);
                short format = switch (kind) {
                    case COUNT -> workbook.createDataFormat().getFormat("0");
                    case SIGNED -> workbook.createDataFormat().getFormat("+0;-0;0");
                    default -> workbook.createDataFormat().getFormat("General");
                };
                style.setDataFormat(format);
                cells.put(kind, style);
            }
        }

        CellStyle of(Kind kind) {
            return cells.get(kind);
        }

        private static Font font(XSSFWorkbook workbook, String name, double points, boolean bold) {
            Font font = workbook.createFont();
            font.setFontName(name);
            font.setFontHeight((short) Math.round(points * 20));
            font.setBold(bold);
            return font;
        }

        private static CellStyle style(XSSFWorkbook workbook, Font font, HorizontalAlignment align, boolean wrap,
                                       boolean bordered) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(align);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(wrap);
            if (bordered) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
