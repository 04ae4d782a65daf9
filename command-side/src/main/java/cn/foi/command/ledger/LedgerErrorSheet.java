package cn.foi.command.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.InputStreamSource;

/**
 * The ledger a clerk uploaded, given back with a column 错误说明 that holds each row's errors where the row is: the clerk
 * corrects the sheet in place and imports it again. An XLSX keeps its workbook (other sheets, formats, widths); a CSV
 * becomes an XLSX of its cells as text, so that the column is added without the clerk's Excel re-reading the CSV.
 * Errors without a row (the file as a whole) go in the header's row.
 */
public final class LedgerErrorSheet {

    public static final String ERROR_COLUMN = "错误说明";

    private LedgerErrorSheet() {
    }

    public static void write(InputStreamSource file, List<LedgerError> errors, OutputStream out) throws IOException {
        Map<Integer, List<String>> byRow = new TreeMap<>();
        for (LedgerError error : errors) {
            byRow.computeIfAbsent(Math.max(error.row(), 0), row -> new ArrayList<>())
                    .add(error.column() == null ? error.message() : error.column() + "：" + error.message());
        }
        try (Workbook workbook = LedgerFiles.isXlsx(file) ? opened(file) : fromCsv(file)) {
            Sheet sheet = workbook.getSheetAt(0); // the sheet the import reads (LedgerFiles)
            int headerRow = firstFilledRow(sheet);
            int column = 0;
            for (Row row : sheet) {
                column = Math.max(column, row.getLastCellNum());
            }
            CellStyle style = workbook.createCellStyle();
            Font red = workbook.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            style.setFont(red);
            style.setWrapText(true);
            cell(sheet, headerRow, column, ERROR_COLUMN, style);
            for (Map.Entry<Integer, List<String>> entry : byRow.entrySet()) {
                // Rows are numbered as the spreadsheet shows them (1-based); 0 is the file as a whole.
                int index = entry.getKey() == 0 ? headerRow : entry.getKey() - 1;
                String text = entry.getValue().stream().collect(Collectors.joining("；\n"));
                Cell existing = sheet.getRow(index) == null ? null : sheet.getRow(index).getCell(column);
                cell(sheet, index, column, existing == null ? text : existing.getStringCellValue() + "；\n" + text,
                        style);
            }
            sheet.setColumnWidth(column, 60 * 256);
            workbook.write(out);
        }
    }

    private static Workbook opened(InputStreamSource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new XSSFWorkbook(in);
        }
    }

    /** The CSV's cells as text cells: what the import read, nothing reinterpreted (a date stays as it was written). */
    private static Workbook fromCsv(InputStreamSource file) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("台账");
        LedgerFiles.read(file, (number, cells) -> {
            Row row = sheet.createRow(number - 1);
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null && !cells.get(i).isEmpty()) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
        });
        return workbook;
    }

    private static int firstFilledRow(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (!cell.toString().isBlank()) {
                    return row.getRowNum();
                }
            }
        }
        return 0;
    }

    private static void cell(Sheet sheet, int rowIndex, int column, String text, CellStyle style) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }
}
