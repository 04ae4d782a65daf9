package cn.foi.command.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes ledger rows under a header of Chinese column names, the form offices read. CSV is UTF-8 with a BOM, so that
 * Excel on a Chinese system opens it without garbling; XLSX holds real date cells, written with a sliding window so a
 * large ledger is never whole in memory. No text a clerk or an applicant wrote can become a live formula: in CSV a text
 * beginning like a formula is escaped with a quote ({@link LedgerValues#escapeFormula}), in XLSX it is a string cell.
 */
abstract class LedgerWriter implements Closeable {

    static final List<LedgerColumn> COLUMNS = List.of(LedgerColumn.values());

    abstract void row(LedgerRow row) throws IOException;

    static LedgerWriter csv(OutputStream out) throws IOException {
        return new Csv(out);
    }

    static LedgerWriter xlsx(OutputStream out) {
        return new Xlsx(out);
    }

    private static final class Csv extends LedgerWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(COLUMNS.stream().map(LedgerColumn::chineseName).toList());
        }

        @Override
        void row(LedgerRow row) throws IOException {
            List<String> cells = new ArrayList<>(COLUMNS.size());
            for (LedgerColumn column : COLUMNS) {
                String text = LedgerValues.write(row.get(column));
                cells.add(column.kind() == LedgerColumn.Kind.TEXT ? LedgerValues.escapeFormula(text) : text);
            }
            printer.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static final class Xlsx extends LedgerWriter {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet = workbook.createSheet("台账");
        private final CellStyle dateStyle;
        /** A text that looks like a formula stays text when a clerk edits the cell in Excel (its "quote prefix"). */
        private final CellStyle formulaLikeTextStyle;
        private int next;

        Xlsx(OutputStream out) {
            this.out = out;
            dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            formulaLikeTextStyle = workbook.createCellStyle();
            formulaLikeTextStyle.setQuotePrefixed(true);
            CellStyle headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            Row header = sheet.createRow(next++);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(COLUMNS.get(i).chineseName());
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, 14 * 256);
            }
        }

        @Override
        void row(LedgerRow row) {
            Row cells = sheet.createRow(next++);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Object value = row.get(COLUMNS.get(i));
                if (value == null) {
                    continue;
                }
                Cell cell = cells.createCell(i);
                if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                } else if (value instanceof BigDecimal amount) {
                    cell.setCellValue(amount.doubleValue());
                } else if (value instanceof Integer number) {
                    cell.setCellValue(number);
                } else {
                    // A string cell (POI never makes a formula of setCellValue(String)), so =HYPERLINK(...) is shown,
                    // never run; no quote is added to it, and the import reads it back unchanged. Only a text that
                    // begins with a quote itself gets the import's escape, so that the import does not take it away.
                    String text = LedgerValues.write(value);
                    cell.setCellValue(text.startsWith("'") ? LedgerValues.escapeFormula(text) : text);
                    if (!text.isEmpty() && LedgerValues.FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
                        cell.setCellStyle(formulaLikeTextStyle);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
