package cn.foi.query.report.documents;

import static cn.foi.query.report.documents.OfficialTables.cell;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Element;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a rendered table back into cells {@code row,column,rowSpan,columnSpan|text}, each format by its own means:
 * jsoup's rowspan and colspan, POI's merged regions, XWPF's gridSpan and vMerge. Nothing of the code under test is used.
 */
final class ReadBack {

    private ReadBack() {
    }

    /** An HTML table, placing each cell in the first free position of its row as browsers do. */
    static List<String> html(Element table) {
        List<String> cells = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int row = 0;
        for (Element tr : table.select("tr")) {
            int column = 0;
            for (Element td : tr.children()) {
                while (taken.contains(row + ":" + column)) {
                    column++;
                }
                int rowSpan = td.hasAttr("rowspan") ? Integer.parseInt(td.attr("rowspan")) : 1;
                int columnSpan = td.hasAttr("colspan") ? Integer.parseInt(td.attr("colspan")) : 1;
                cells.add(cell(row, column, rowSpan, columnSpan, td.text()));
                for (int r = row; r < row + rowSpan; r++) {
                    for (int c = column; c < column + columnSpan; c++) {
                        taken.add(r + ":" + c);
                    }
                }
                column += columnSpan;
            }
            row++;
        }
        return cells;
    }

    /**
     * The named range of a table in the sheet. The tables share the sheet's columns, a wide column of a table spanning
     * several: the table's own columns are where its cells begin.
     */
    static List<String> xlsx(Workbook workbook, String name) {
        Name named = workbook.getName(name);
        AreaReference area = new AreaReference(named.getRefersToFormula(), workbook.getSpreadsheetVersion());
        Sheet sheet = workbook.getSheet(area.getFirstCell().getSheetName());
        int top = area.getFirstCell().getRow();
        int bottom = area.getLastCell().getRow();
        int left = area.getFirstCell().getCol();
        int right = area.getLastCell().getCol();
        DataFormatter formatter = new DataFormatter();
        List<int[]> found = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        TreeSet<Integer> boundaries = new TreeSet<>(Set.of(right + 1));
        for (int r = top; r <= bottom; r++) {
            Row row = sheet.getRow(r);
            for (int c = left; c <= right; c++) {
                CellRangeAddress merged = mergedAt(sheet, r, c);
                if (merged != null && (merged.getFirstRow() != r || merged.getFirstColumn() != c)) {
                    continue;
                }
                int lastRow = merged == null ? r : merged.getLastRow();
                int lastColumn = merged == null ? c : merged.getLastColumn();
                Cell cell = row == null ? null : row.getCell(c);
                found.add(new int[] {r - top, c, lastRow - r + 1, lastColumn + 1});
                texts.add(cell == null ? "" : formatter.formatCellValue(cell));
                boundaries.add(c);
            }
        }
        List<Integer> columns = new ArrayList<>(boundaries);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int[] f = found.get(i);
            int first = columns.indexOf(f[1]);
            cells.add(cell(f[0], first, f[2], columns.indexOf(f[3]) - first, texts.get(i)));
        }
        return cells;
    }

    private static CellRangeAddress mergedAt(Sheet sheet, int row, int column) {
        return sheet.getMergedRegions().stream().filter(region -> region.isInRange(row, column)).findFirst()
                .orElse(null);
    }

    /** A Word table: gridSpan widens a cell, vMerge restart opens a cell downwards and continue extends it. */
    static List<String> docx(XWPFTable table) {
        List<Object[]> found = new ArrayList<>();
        Map<Integer, Object[]> open = new HashMap<>();
        int row = 0;
        for (XWPFTableRow tr : table.getRows()) {
            int column = 0;
            for (XWPFTableCell td : tr.getTableCells()) {
                CTTcPr properties = td.getCTTc().getTcPr();
                int span = properties != null && properties.isSetGridSpan()
                        ? ((BigInteger) properties.getGridSpan().getVal()).intValue() : 1;
                boolean merged = properties != null && properties.isSetVMerge();
                boolean restart = merged && properties.getVMerge().isSetVal()
                        && properties.getVMerge().getVal() == STMerge.RESTART;
                if (merged && !restart) {
                    Object[] above = open.get(column);
                    above[2] = (int) above[2] + 1;
                } else {
                    Object[] cell = {row, column, 1, span, td.getText()};
                    found.add(cell);
                    if (restart) {
                        open.put(column, cell);
                    } else {
                        open.remove(column);
                    }
                }
                column += span;
            }
            row++;
        }
        return found.stream().map(f -> cell((int) f[0], (int) f[1], (int) f[2], (int) f[3], (String) f[4])).toList();
    }
}
