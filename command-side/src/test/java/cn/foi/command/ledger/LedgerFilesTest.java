package cn.foi.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** Ledger files as offices save them: CSV in either encoding, with or without BOM, and XLSX with date cells. */
class LedgerFilesTest {

    private static final String CHINESE_HEADER = "受理编号,申请人类型,申请人,申请方式,收到日期,办理结果,办结日期";
    private static final String KEY_HEADER = "case_no,applicant_category,applicant_name,channel,received_on,outcome,closed_on";
    private static final String ROW = "2025-001,自然人,张三,网络,2025/3/2,予以公开,2025年3月10日";

    record Read(int row, List<String> cells) {
    }

    private static List<Read> read(byte[] bytes) {
        List<Read> rows = new ArrayList<>();
        LedgerFiles.read(new ByteArrayResource(bytes), (row, cells) -> rows.add(new Read(row, cells)));
        return rows;
    }

    @Test
    void aUtf8CsvWithItsBomIsReadWithoutTheBomInItsFirstHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (CHINESE_HEADER + "\r\n" + ROW + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(text, 0, file, 3, text.length);

        List<Read> rows = read(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells().get(0)).isEqualTo("受理编号");
        assertThat(rows.get(1).cells()).containsExactly("2025-001", "自然人", "张三", "网络", "2025/3/2", "予以公开",
                "2025年3月10日");
    }

    @Test
    void aUtf8CsvWithoutBomAndWithKeysInItsHeaderIsRead() {
        List<Read> rows = read((KEY_HEADER + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0).cells().get(4)).isEqualTo("received_on");
        assertThat(rows.get(1).cells().get(2)).isEqualTo("张三");
    }

    @Test
    void aGb18030CsvAsExcelSavesItOnAChineseSystemIsDetected() {
        Charset gb18030 = Charset.forName("GB18030");
        List<Read> rows = read((CHINESE_HEADER + "\r\n" + ROW + "\r\n").getBytes(gb18030));
        assertThat(rows.get(0).cells().get(0)).isEqualTo("受理编号");
        assertThat(rows.get(1).cells().get(5)).isEqualTo("予以公开");
    }

    @Test
    void aGb18030LedgerWhoseChineseComesOnlyAfterManyAsciiRowsIsStillDetected() {
        StringBuilder csv = new StringBuilder(KEY_HEADER).append("\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("A-").append(i).append(",C1,Zhang,IN_PERSON,2025-03-02,,\n");
        }
        csv.append("B-1,自然人,李四,当面,2025-03-02,,\n");
        List<Read> rows = read(csv.toString().getBytes(Charset.forName("GB18030")));
        assertThat(rows.get(rows.size() - 1).cells()).startsWith("B-1", "自然人", "李四", "当面");
    }

    @Test
    void rowNumbersAreTheLinesAClerkSeesBlankLinesIncluded() {
        List<Read> rows = read((KEY_HEADER + "\n\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(Read::row).containsExactly(1, 2, 3);
    }

    @Test
    void anXlsxLedgerGivesItsDateCellsAsDatesWhateverTheirDisplayFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("台账");
            CellStyle chineseDate = workbook.createCellStyle();
            chineseDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle slashDate = workbook.createCellStyle();
            slashDate.setDataFormat((short) 14); // m/d/yy, Excel's built-in short date
            Row header = sheet.createRow(0);
            String[] names = CHINESE_HEADER.split(",");
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(2); // a blank row between, as offices leave them
            row.createCell(0).setCellValue(2025001); // a case number typed as a number
            row.createCell(1).setCellValue("自然人");
            row.createCell(4).setCellValue(LocalDate.of(2025, 3, 2));
            row.getCell(4).setCellStyle(chineseDate);
            row.createCell(5).setCellValue("予以公开");
            row.createCell(6).setCellValue(LocalDate.of(2025, 3, 10));
            row.getCell(6).setCellStyle(slashDate);
            workbook.write(out);
        }

        List<Read> rows = read(out.toByteArray());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).row()).isEqualTo(3);
        assertThat(rows.get(1).cells()).containsExactly("2025001", "自然人", "", "", "2025-03-02", "予以公开",
                "2025-03-10");
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(LedgerFileException.class)
                .matches(e -> ((LedgerFileException) e).empty()).hasMessageContaining("空的");
    }

    @Test
    void aBinaryFileIsNoLedger() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> read(png)).isInstanceOf(LedgerFileException.class)
                .hasMessageContaining("不是台账文件");
    }

    @Test
    void anOldXlsFileIsRefusedWithWhatToDo() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> read(xls)).isInstanceOf(LedgerFileException.class).hasMessageContaining("另存为");
    }

    @Test
    void aDamagedXlsxIsRefusedClearly() {
        byte[] zip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> read(zip)).isInstanceOf(LedgerFileException.class).hasMessageContaining("Excel");
    }
}
