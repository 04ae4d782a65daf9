package cn.foi.query.report.documents;

import static cn.foi.query.report.documents.OfficialTables.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.query.report.AnnualReportView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DOCX report read back with XWPF, gridSpan and vMerge included, cell by cell, for both templates. */
class DocxReportRendererTest {

    private static ReportScenarios scenarios;
    private final DocxReportRenderer renderer = new DocxReportRenderer();

    @BeforeAll
    static void histories() {
        scenarios = new ReportScenarios("docx_report_test");
    }

    @AfterAll
    static void tearDown() {
        scenarios.histories.destroy();
    }

    private XWPFDocument render(AnnualReportView report) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(renderer.render(ReportDocument.of(report, null))));
    }

    private XWPFDocument renderCheckSheet(AnnualReportView report) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(renderer.render(ReportDocument.checkSheet(report, null))));
    }

    private static List<String> paragraphs(XWPFDocument document) {
        return document.getParagraphs().stream().map(XWPFParagraph::getText).filter(text -> !text.isEmpty()).toList();
    }

    /** The tables in document order: 表二, 表三, 表四 and nothing else. */
    private static List<String> table(XWPFDocument document, int index) {
        List<XWPFTable> tables = document.getTables();
        assertThat(tables).hasSize(3);
        return sorted(ReadBack.docx(tables.get(index)));
    }

    @Test
    void the2021ReportShowsEveryTableAsTheTemplateLaysItOut() throws IOException {
        try (XWPFDocument document = render(scenarios.report2021)) {
            assertThat(table(document, 0)).containsExactlyElementsOf(sorted(OfficialTables.table2Of2021(
                    "2", "0", "15", "3", "1", "12", "356", "8", "0", "1.25")));
            assertThat(table(document, 1)).containsExactlyElementsOf(
                    sorted(OfficialTables.table3("2021", ReportScenarios::table3Of2021)));
            assertThat(table(document, 2)).containsExactlyElementsOf(
                    sorted(OfficialTables.table4(ReportScenarios.TABLE4_OF_2021)));
        }
    }

    @Test
    void theCheckSheetIsADocumentOfItsOwnWithTheChecksTheNotesAndTheAnnex() throws IOException {
        try (XWPFDocument document = renderCheckSheet(scenarios.report2021)) {
            List<String> paragraphs = paragraphs(document);
            assertThat(paragraphs.get(0)).isEqualTo("甲街道办事处2025年度政府信息公开工作年度报告校验单");
            assertThat(paragraphs).containsSubsequence(
                    "依据国办公开办函〔2021〕30号格式编制；统计期限自2025年1月1日起至2025年12月31日止。", "本稿尚未发布。",
                    "一、编制说明", "表四的统计口径为本年度申请（起诉）的案件，按 12 月 31 日的状态统计。", "二、数据校验结果",
                    "三、办理情况分析（模板以外）");
            assertThat(sorted(ReadBack.docx(document.getTables().get(0)))).containsExactlyElementsOf(
                    sorted(OfficialTables.checks(scenarios.report2021)));
            assertThat(paragraphs).doesNotContain("一、总体情况", "三、收到和处理政府信息公开申请情况");
        }
    }

    @Test
    void theDocumentHasTheTitleTheSectionsAndTheTextsOnA4() throws IOException {
        try (XWPFDocument document = render(scenarios.report2021)) {
            List<String> paragraphs = paragraphs(document);
            // The title, the six sections with their texts, and nothing the template does not have.
            assertThat(paragraphs).containsExactly("甲街道办事处2025年度政府信息公开工作年度报告", "一、总体情况",
                    "2025年，本街道坚持以公开为常态、不公开为例外。", "全年主动公开政府信息120条。", "二、主动公开政府信息情况",
                    "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                    "信息发布的及时性有待提高。", "六、其他需要报告的事项", "无其他需要报告的事项。",
                    "收取信息处理费情况：本年度共收取信息处理费 120.5 元。");
            var page = document.getDocument().getBody().getSectPr().getPgSz();
            assertThat(((BigInteger) page.getW()).intValue()).isEqualTo(11906);
            assertThat(((BigInteger) page.getH()).intValue()).isEqualTo(16838);
            assertThat(document.getTables().get(1).getRow(0).isRepeatHeader()).isTrue();
        }
    }

    @Test
    void the2019ReportHasOneRowForOtherHandlingAndDashesForFiguresNotEntered() throws IOException {
        try (XWPFDocument document = render(scenarios.report2019)) {
            assertThat(table(document, 0)).containsExactlyElementsOf(sorted(OfficialTables.table2Of2019(
                    "1", "1", "9", "—", "—", "—", "—", "-2", "—", "—", "+3", "—", "—", "—", "—", "—", "—", "—",
                    "—", "—", "—", "1400.5")));
            assertThat(table(document, 1)).containsExactlyElementsOf(
                    sorted(OfficialTables.table3("2019", ReportScenarios::table3Of2019)));
            assertThat(table(document, 2)).containsExactlyElementsOf(
                    sorted(OfficialTables.table4(ReportScenarios.TABLE4_ZEROS)));
        }
    }

    @Test
    void anAgencyWithoutRequestsShowsEveryCellAsZero() throws IOException {
        try (XWPFDocument document = render(scenarios.empty)) {
            assertThat(table(document, 1)).containsExactlyElementsOf(
                    sorted(OfficialTables.table3("2021", ReportScenarios::zeros)));
            assertThat(table(document, 2)).containsExactlyElementsOf(
                    sorted(OfficialTables.table4(ReportScenarios.TABLE4_ZEROS)));
            assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText)).contains("（尚未填写）");
        }
    }
}
