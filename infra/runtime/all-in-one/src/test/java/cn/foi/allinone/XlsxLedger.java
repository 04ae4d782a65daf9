package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ledger as an office keeps it in Excel: a header row, then rows whose dates are date cells shown as
 * {@code 2025年3月3日} and whose numbers are number cells, so that the import reads cells and not the text a CSV
 * would give it.
 */
final class XlsxLedger {

    private XlsxLedger() {
    }

    /**
     * Asserts that the row of case 2025001, received on 2025-03-03 and answered 本机关不掌握相关政府信息, the tests' Excel
     * ledgers hold, reached the agency's request list with its date cell and its answer read right.
     */
    static void assertCase2025001Imported(AllInOne system, FoiApi clerk, String agency) {
        system.awaitCaughtUp();
        JsonNode request = clerk.get("/api/agencies/" + agency + "/requests?caseNo=2025001").expect(200).json().get(0);
        assertThat(request.get("receivedOn").asText()).isEqualTo("2025-03-03");
        assertThat(request.get("outcome").asText()).contains("R3_4_1");
    }

    /** One sheet: the header, then each row; a cell is a {@link LocalDate}, a {@link Number} or text. */
    static byte[] of(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = row.createCell(i);
                    Object value = values.get(i);
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
