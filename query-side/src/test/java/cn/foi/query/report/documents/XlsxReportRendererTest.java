package cn.foi.query.report.documents;

import static cn.foi.query.report.documents.OfficialTables.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.query.report.AnnualReportView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The XLSX report read back with POI, merged regions included, cell by cell, for both templates. */
class XlsxReportRendererTest {

    private static ReportScenarios scenarios;
    private final XlsxReportRenderer renderer = new XlsxReportRenderer();

    @BeforeAll
    static void histories() {
        scenarios = new ReportScenarios("xlsx_report_test");
    }

    @AfterAll
    static void tearDown() {
        scenarios.histories.destroy();
    }

    private XSSFWorkbook render(AnnualReportView report) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(renderer.render(ReportDocument.of(report, null))));
    }

    private XSSFWorkbook renderCheckSheet(AnnualReportView report) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(renderer.render(ReportDocument.checkSheet(report, null))));
    }

    private static List<String> column0(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && !formatter.formatCellValue(cell).isEmpty()) {
                texts.add(formatter.formatCellValue(cell));
            }
        }
        return texts;
    }

    @Test
    void the2021ReportShowsEveryTableAsTheTemplateLaysItOut() throws IOException {
        try (XSSFWorkbook workbook = render(scenarios.report2021)) {
            assertThat(sorted(ReadBack.xlsx(workbook, "table3"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table3("2021", ReportScenarios::table3Of2021)));
            assertThat(sorted(ReadBack.xlsx(workbook, "table4"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table4(ReportScenarios.TABLE4_OF_2021)));
            assertThat(sorted(ReadBack.xlsx(workbook, "table2"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table2Of2021("2", "0", "15", "3", "1", "12", "356", "8", "0", "1.25")));
            assertThat(workbook.getName("checks")).isNull();
        }
    }

    @Test
    void theCheckSheetIsAWorkbookOfItsOwnWithTheChecksTheNotesAndTheAnnex() throws IOException {
        try (XSSFWorkbook workbook = renderCheckSheet(scenarios.report2021)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("校验单");
            assertThat(sorted(ReadBack.xlsx(workbook, "checks"))).containsExactlyElementsOf(
                    sorted(OfficialTables.checks(scenarios.report2021)));
            assertThat(column0(sheet)).containsSubsequence("甲街道办事处2025年度政府信息公开工作年度报告校验单",
                    "依据国办公开办函〔2021〕30号格式编制；统计期限自2025年1月1日起至2025年12月31日止。", "本稿尚未发布。",
                    "一、编制说明", "二、数据校验结果", "三、办理情况分析（模板以外）");
            assertThat(workbook.getName("table3")).isNull();
        }
    }

    @Test
    void countsAreStoredAsNumbersSoThatTheAgencyCanAddThemUp() throws IOException {
        try (XSSFWorkbook workbook = render(scenarios.report2021)) {
            AreaReference table3 = new AreaReference(workbook.getName("table3").getRefersToFormula(),
                    workbook.getSpreadsheetVersion());
            Sheet sheet = workbook.getSheetAt(0);
            // Row 一、本年新收 is the fourth row of the table; its seven numbers fill the last seven sheet columns.
            Row received = sheet.getRow(table3.getFirstCell().getRow() + 3);
            List<Double> numbers = new ArrayList<>();
            for (int c = 8; c < 15; c++) {
                assertThat(received.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
                numbers.add(received.getCell(c).getNumericCellValue());
            }
            assertThat(numbers).containsExactly(4.0, 5.0, 4.0, 3.0, 3.0, 3.0, 22.0);
            AreaReference table2 = new AreaReference(workbook.getName("table2").getRefersToFormula(),
                    workbook.getSpreadsheetVersion());
            Cell fees = sheet.getRow(table2.getFirstCell().getRow() + 13).getCell(6);
            assertThat(fees.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(fees.getNumericCellValue()).isEqualTo(1.25);
        }
    }

    @Test
    void theSheetHasTheTitleTheSectionsAndTheTextsAndPrintsOnA4() throws IOException {
        try (XSSFWorkbook workbook = render(scenarios.report2021)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("年度报告");
            List<String> texts = column0(sheet);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(texts.get(0)).isEqualTo("甲街道办事处2025年度政府信息公开工作年度报告");
            assertThat(texts).containsSubsequence("一、总体情况", "\u3000\u30002025年，本街道坚持以公开为常态、不公开为例外。",
                    "\u3000\u3000全年主动公开政府信息120条。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "\u3000\u3000信息发布的及时性有待提高。",
                    "六、其他需要报告的事项", "\u3000\u3000收取信息处理费情况：本年度共收取信息处理费 120.5 元。");
            // Nothing the template does not have: no checks, notes, status line or annex.
            assertThat(texts).noneMatch(text -> text.contains("校验") || text.contains("国办公开办函")
                    || text.contains("统计口径") || text.contains("尚未发布") || text.contains("办理情况分析")
                    || text.startsWith("注："));
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getFitToPage()).isTrue();
        }
    }

    @Test
    void the2019ReportHasOneRowForOtherHandlingAndDashesForFiguresNotEntered() throws IOException {
        try (XSSFWorkbook workbook = render(scenarios.report2019)) {
            assertThat(sorted(ReadBack.xlsx(workbook, "table3"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table3("2019", ReportScenarios::table3Of2019)));
            assertThat(sorted(ReadBack.xlsx(workbook, "table2"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table2Of2019("1", "1", "9", "—", "—", "—", "—", "-2", "—", "—", "+3", "—",
                            "—", "—", "—", "—", "—", "—", "—", "—", "—", "1400.5")));
            assertThat(sorted(ReadBack.xlsx(workbook, "table4"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table4(ReportScenarios.TABLE4_ZEROS)));
            assertThat(column0(workbook.getSheetAt(0))).noneMatch(text -> text.contains("收取信息处理费"));
        }
    }

    @Test
    void anAgencyWithoutRequestsShowsEveryCellAsZero() throws IOException {
        try (XSSFWorkbook workbook = render(scenarios.empty)) {
            assertThat(sorted(ReadBack.xlsx(workbook, "table3"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table3("2021", ReportScenarios::zeros)));
            assertThat(sorted(ReadBack.xlsx(workbook, "table4"))).containsExactlyElementsOf(
                    sorted(OfficialTables.table4(ReportScenarios.TABLE4_ZEROS)));
            assertThat(column0(workbook.getSheetAt(0))).contains("（尚未填写）");
        }
    }
}
