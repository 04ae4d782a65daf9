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
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document an agency can edit and publish: A4, the title and sections as the template has them,
 * and each table as one Word table whose merged cells are real merges (gridSpan across, vMerge down), so that the
 * document keeps its layout when the agency edits it.
 */
@Component
public class DocxReportRenderer {

    /** A4 in twentieths of a point, with 25 mm left and right margins. */
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int SIDE_MARGIN = 1418;
    private static final int TEXT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN;
    private static final String FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final String LATIN_FONT = "Times New Roman";

    public byte[] render(ReportDocument document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            setUpPage(docx);
            docx.getProperties().getCoreProperties().setTitle(document.title());
            XWPFParagraph title = docx.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(120);
            run(title, document.title(), HEADING_FONT, 18, false);
            for (String note : document.notes()) {
                XWPFParagraph paragraph = docx.createParagraph();
                paragraph.setAlignment(ParagraphAlignment.CENTER);
                paragraph.setSpacingAfter(0);
                run(paragraph, note, FONT, 9, false);
            }
            for (Block block : document.blocks()) {
                if (block instanceof Heading heading) {
                    XWPFParagraph paragraph = docx.createParagraph();
                    paragraph.setSpacingBefore(heading.level() == 1 ? 240 : 120);
                    paragraph.setSpacingAfter(80);
                    paragraph.setKeepNext(true);
                    if (heading.level() == 1) {
                        run(paragraph, heading.text(), HEADING_FONT, 14, false);
                    } else {
                        paragraph.setIndentationFirstLine(420);
                        run(paragraph, heading.text(), FONT, 10.5, true);
                    }
                } else if (block instanceof Paragraph text) {
                    paragraph(docx, text);
                } else if (block instanceof Table table) {
                    table(docx, table.grid());
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the DOCX report could not be written", e);
        }
    }

    private static void setUpPage(XWPFDocument docx) {
        CTSectPr section = docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1440));
        margins.setBottom(BigInteger.valueOf(1304));
        margins.setLeft(BigInteger.valueOf(SIDE_MARGIN));
        margins.setRight(BigInteger.valueOf(SIDE_MARGIN));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(992));
        margins.setGutter(BigInteger.ZERO);
    }

    private static void paragraph(XWPFDocument docx, Paragraph text) {
        XWPFParagraph paragraph = docx.createParagraph();
        paragraph.setSpacingAfter(text.style() == Style.NOTE ? 60 : 0);
        if (text.style() == Style.NOTE) {
            run(paragraph, text.text(), FONT, 9, false);
            return;
        }
        // Two characters of first-line indent, and one and a half lines: how Chinese report text is set.
        paragraph.setIndentationFirstLine(420);
        paragraph.setSpacingBetween(1.5);
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        XWPFRun run = run(paragraph, text.text(), FONT, 10.5, false);
        if (text.style() == Style.PLACEHOLDER) {
            run.setColor("808080");
        }
    }

    private static void table(XWPFDocument docx, Grid grid) {
        XWPFTable table = docx.createTable();
        table.removeRow(0);
        CTTblPr properties = table.getCTTbl().getTblPr();
        CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH));
        CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setCellMargins(20, 57, 20, 57);

        int[] columnWidths = new int[grid.columns()];
        int units = grid.units(0, grid.columns());
        int used = 0;
        for (int c = 0; c < grid.columns(); c++) {
            // The last column takes what rounding left, so that the table is exactly as wide as the text.
            columnWidths[c] = c == grid.columns() - 1 ? TEXT_WIDTH - used : TEXT_WIDTH * grid.widths().get(c) / units;
            used += columnWidths[c];
        }
        CTTblGrid tableGrid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (tableGrid.sizeOfGridColArray() > 0) {
            tableGrid.removeGridCol(0);
        }
        for (int columnWidth : columnWidths) {
            tableGrid.addNewGridCol().setW(BigInteger.valueOf(columnWidth));
        }

        for (int r = 0; r < grid.rows(); r++) {
            XWPFTableRow row = table.insertNewTableRow(r);
            row.setCantSplitRow(true);
            if (r < grid.headerRows()) {
                row.setRepeatHeader(true);
            }
            int c = 0;
            while (c < grid.columns()) {
                Cell starting = grid.at(r, c);
                Cell cell = starting != null ? starting : covering(grid, r, c);
                int span = cell.columnSpan();
                int cellWidth = 0;
                for (int i = c; i < c + span; i++) {
                    cellWidth += columnWidths[i];
                }
                XWPFTableCell docCell = row.addNewTableCell();
                CTTcPr cellProperties = docCell.getCTTc().isSetTcPr() ? docCell.getCTTc().getTcPr()
                        : docCell.getCTTc().addNewTcPr();
                CTTblWidth tcWidth = cellProperties.addNewTcW();
                tcWidth.setType(STTblWidth.DXA);
                tcWidth.setW(BigInteger.valueOf(cellWidth));
                if (span > 1) {
                    cellProperties.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                if (cell.rowSpan() > 1) {
                    cellProperties.addNewVMerge().setVal(starting != null ? STMerge.RESTART : STMerge.CONTINUE);
                }
                docCell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                XWPFParagraph paragraph = docCell.getParagraphs().get(0);
                paragraph.setSpacingAfter(0);
                paragraph.setSpacingBefore(0);
                // Keep-with-next on every row but the last moves a table that would split to the next page whole,
                // the way Word users keep Table 三 together; a table longer than a page still breaks.
                paragraph.setKeepNext(r < grid.rows() - 1);
                paragraph.setAlignment(cell.kind() == Kind.LABEL || cell.kind() == Kind.TEXT ? ParagraphAlignment.LEFT
                        : ParagraphAlignment.CENTER);
                if (starting != null) {
                    run(paragraph, cell.text(), FONT, 9, cell.kind() == Kind.FAILED);
                }
                c += span;
            }
        }
    }

    /** The cell a position lies under when a cell above spans down over it. */
    private static Cell covering(Grid grid, int row, int column) {
        return grid.cells().stream()
                .filter(cell -> cell.column() == column && cell.row() < row && row < cell.row() + cell.rowSpan())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("table " + grid.name() + " leaves row " + row
                        + ", column " + column + " empty"));
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, String font, double points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(points);
        run.setBold(bold);
        return run;
    }
}
