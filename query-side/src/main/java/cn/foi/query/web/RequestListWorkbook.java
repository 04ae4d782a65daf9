package cn.foi.query.web;

import cn.foi.query.request.RequestView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The request list as an Excel sheet, one row per request in the list's order, with the list's masking (ADR 0013).
 * SXSSF keeps only a window of rows in memory and writes the rest to a temporary file, which is removed at the end.
 */
final class RequestListWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory while the sheet is written. */
    private static final int WINDOW = 100;

    private record Column(String header, int width, Function<RequestView, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("受理编号", 22, RequestView::caseNo),
            new Column("机关编码", 12, RequestView::agencyCode),
            new Column("收到申请日期", 14, RequestView::receivedOn),
            new Column("申请人类型", 14, v -> v.applicant().category()),
            new Column("申请人", 24, v -> v.applicant().name()),
            new Column("证件类型", 14, v -> v.applicant().idType()),
            new Column("证件号码", 22, v -> v.applicant().idNumber()),
            new Column("联系方式", 18, v -> v.applicant().contact()),
            new Column("申请方式", 12, RequestView::channel),
            new Column("申请内容", 50, RequestView::description),
            new Column("状态", 12, RequestView::statusLabel),
            new Column("承办人", 14, RequestView::handler),
            new Column("答复期限", 14, RequestView::dueDate),
            new Column("剩余工作日", 12, RequestView::workingDaysLeft),
            new Column("办理结果", 24, RequestView::outcomeLabel),
            new Column("答复日期", 14, RequestView::decidedOn));

    private RequestListWorkbook() {
    }

    /** Writes the sheet of the rows {@code rows} hands over, one at a time. */
    static void write(OutputStream out, Consumer<Consumer<RequestView>> rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            workbook.setCompressTempFiles(true);
            SXSSFSheet sheet = workbook.createSheet("申请列表");
            CellStyle headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(COLUMNS.get(c).header());
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(c, COLUMNS.get(c).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.accept(view -> {
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Object value = COLUMNS.get(c).value().apply(view);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Integer number) {
                        cell.setCellValue(number);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
