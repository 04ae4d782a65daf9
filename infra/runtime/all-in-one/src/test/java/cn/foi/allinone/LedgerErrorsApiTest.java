package cn.foi.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.testsupport.FoiApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ledger page's needs (issue 16 point 12): a case number twice in one file, a blank 申请人, the errors sheet read
 * back with POI, and the template, which imports as it is.
 */
class LedgerErrorsApiTest {

    private static final String ERRORS = "错误说明";

    @RegisterExtension
    static final AllInOne system = AllInOne.perClass();

    private static List<String> errors(JsonNode body) {
        List<String> errors = new ArrayList<>();
        body.get("errors").forEach(e -> errors.add(e.get("row").asText() + ":" + e.get("column").asText() + ":"
                + e.get("message").asText()));
        return errors;
    }

    private static final String BAD_CSV = "受理编号,申请人类型,申请人,收到日期,办理结果,办结日期\n"
            + "D-1,自然人,张三,2025-03-03,,\n"
            + "D-2,自然人,,2025-03-04,,\n"                    // no applicant
            + "D-1,自然人,李四,2025-03-05,,\n"                 // row 2's number again
            + "D-4,自然人,王五,2027-01-05,,\n"                 // received in the future
            + "D-5,自然人,赵六,2025-03-10,,\n";

    @Test
    void aCaseNumberTwiceInTheFileIsSaidAsSuchAndABlankApplicantIsRefused() {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);

        for (String dryRun : new String[] {"?dryRun=true", ""}) {
            FoiApi.Response answer = clerk.upload("/api/agencies/" + agency + "/ledger" + dryRun, "dup.csv",
                    BAD_CSV.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).isEqualTo(422);
            List<String> errors = errors(answer.json());
            assertThat(errors).hasSize(3);
            assertThat(errors.get(0)).startsWith("3:申请人:").contains("请填写申请人");
            assertThat(errors.get(1)).startsWith("4:受理编号:").contains("第4行与第2行受理编号重复")
                    .doesNotContain("已被使用");
            assertThat(errors.get(2)).startsWith("5:收到日期:");
        }
        assertThat(clerk.get("/api/agencies/" + agency + "/requests").expect(200).json()).isEmpty();
    }

    @Test
    void theErrorsSheetOfACsvHoldsEachRowsErrorsInAnAddedColumn() throws IOException {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);

        FoiApi.Download download = clerk.uploadForDownload("/api/agencies/" + agency + "/ledger/errors.xlsx", "dup.csv",
                BAD_CSV.getBytes(StandardCharsets.UTF_8));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.expectOk()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 6)).isEqualTo(ERRORS);
            assertThat(text(sheet, 0, 0)).isEqualTo("受理编号");
            assertThat(text(sheet, 1, 6)).as("row 2 is right").isEmpty();
            assertThat(text(sheet, 2, 6)).startsWith("申请人：").contains("请填写申请人");
            assertThat(text(sheet, 3, 0)).isEqualTo("D-1");
            assertThat(text(sheet, 3, 6)).contains("第4行与第2行受理编号重复");
            assertThat(text(sheet, 4, 6)).startsWith("收到日期：");
            assertThat(text(sheet, 5, 6)).isEmpty();
        }
        assertThat(clerk.get("/api/agencies/" + agency + "/requests").expect(200).json()).as("nothing stored")
                .isEmpty();
    }

    @Test
    void theErrorsSheetOfAnXlsxKeepsItsWorkbookAndAddsTheColumn() throws IOException {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);
        byte[] uploaded;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("我的台账");
            String[][] rows = {{"受理编号", "申请人类型", "申请人", "收到日期"}, {"X-1", "自然人", "张三", "2025-03-03"},
                    {"X-1", "自然人", "李四", "2025-03-04"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("本表由某街道办事处填报");
            workbook.write(out);
            uploaded = out.toByteArray();
        }

        byte[] marked = clerk.uploadForDownload("/api/agencies/" + agency + "/ledger/errors.xlsx", "台账.xlsx", uploaded)
                .expectOk();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("我的台账");
            assertThat(workbook.getSheet("说明")).as("the other sheets stay").isNotNull();
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 4)).isEqualTo(ERRORS);
            assertThat(text(sheet, 1, 4)).isEmpty();
            assertThat(text(sheet, 2, 4)).contains("第3行与第2行受理编号重复");
        }
    }

    @Test
    void theTemplateHasEveryColumnAndAnExampleThatImports() throws IOException {
        String agency = AllInOne.uniqueCode();
        FoiApi clerk = system.agencyWithClerk(agency);

        byte[] template = clerk.download("/api/ledger/template.xlsx").expectOk();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("受理编号");
            assertThat(text(sheet, 0, 2)).isEqualTo("申请人");
            assertThat(text(sheet, 1, 0)).isEqualTo("2025-001");
            assertThat(sheet.getLastRowNum()).as("one example row").isEqualTo(1);
        }
        JsonNode dryRun = clerk.upload("/api/agencies/" + agency + "/ledger?dryRun=true", "模板.xlsx", template)
                .expect(200).json();
        assertThat(dryRun.get("rows").asInt()).isEqualTo(1);
        assertThat(dryRun.get("errors")).isEmpty();
    }

    private static String text(Sheet sheet, int row, int column) {
        Row cells = sheet.getRow(row);
        return cells == null || cells.getCell(column) == null ? ""
                : new DataFormatter().formatCellValue(cells.getCell(column));
    }
}
