package cn.foi.query.report.documents;

import static cn.foi.query.report.documents.OfficialTables.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.query.report.AnnualReportView;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML report read back with jsoup, cell by cell, for both templates. */
class HtmlReportRendererTest {

    private static ReportScenarios scenarios;
    private final HtmlReportRenderer renderer = new HtmlReportRenderer();

    @BeforeAll
    static void histories() {
        scenarios = new ReportScenarios("html_report_test");
    }

    @AfterAll
    static void tearDown() {
        scenarios.histories.destroy();
    }

    private Document render(AnnualReportView report) {
        return Jsoup.parse(renderer.render(ReportDocument.of(report, null)));
    }

    private Document renderCheckSheet(AnnualReportView report) {
        return Jsoup.parse(renderer.render(ReportDocument.checkSheet(report, null)));
    }

    private static List<String> table(Document html, String id) {
        Element table = html.getElementById(id);
        assertThat(table).as(id).isNotNull();
        return sorted(ReadBack.html(table));
    }

    @Test
    void the2021ReportShowsEveryTableAsTheTemplateLaysItOut() {
        Document html = render(scenarios.report2021);

        assertThat(table(html, "table3")).containsExactlyElementsOf(
                sorted(OfficialTables.table3("2021", ReportScenarios::table3Of2021)));
        assertThat(table(html, "table4")).containsExactlyElementsOf(
                sorted(OfficialTables.table4(ReportScenarios.TABLE4_OF_2021)));
        assertThat(table(html, "table2")).containsExactlyElementsOf(sorted(OfficialTables.table2Of2021(
                "2", "0", "15", "3", "1", "12", "356", "8", "0", "1.25")));
        assertThat(html.select("table").eachAttr("id")).containsExactly("table2", "table3", "table4");
    }

    @Test
    void theCheckSheetCarriesTheChecksTheNotesAndTheAnnex() {
        Document html = renderCheckSheet(scenarios.report2021);

        assertThat(html.title()).isEqualTo("甲街道办事处2025年度政府信息公开工作年度报告校验单");
        assertThat(table(html, "checks")).containsExactlyElementsOf(
                sorted(OfficialTables.checks(scenarios.report2021)));
        assertThat(html.select("#checks td.passed")).hasSize(scenarios.report2021.checks().size());
        assertThat(html.select("h2").eachText()).containsExactly("一、编制说明", "二、数据校验结果",
                "三、办理情况分析（模板以外）");
        assertThat(html.select(".notes p").eachText()).containsExactly(
                "依据国办公开办函〔2021〕30号格式编制；统计期限自2025年1月1日起至2025年12月31日止。", "本稿尚未发布。");
        assertThat(html.select("p").eachText()).contains("表四的统计口径为本年度申请（起诉）的案件，按 12 月 31 日的状态统计。",
                "第六部分的信息处理费 120.5 元由本年度 1 笔缴费记录汇总。");
        assertThat(html.select("table").eachAttr("id")).doesNotContain("table2", "table3", "table4");
    }

    @Test
    void the2021ReportHasTheTitleTheSixSectionsTheTextsAndTheFees() {
        Document html = render(scenarios.report2021);

        assertThat(html.title()).isEqualTo("甲街道办事处2025年度政府信息公开工作年度报告");
        assertThat(html.select("h1").text()).isEqualTo("甲街道办事处2025年度政府信息公开工作年度报告");
        assertThat(html.select("h2").eachText()).containsExactly("一、总体情况", "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项");
        assertThat(html.select("p").eachText()).containsExactly("2025年，本街道坚持以公开为常态、不公开为例外。",
                "全年主动公开政府信息120条。", "信息发布的及时性有待提高。", "无其他需要报告的事项。",
                "收取信息处理费情况：本年度共收取信息处理费 120.5 元。");
        // Nothing the template does not have: no checks, no notes on the template or the counting rule, no status.
        assertThat(html.body().text()).doesNotContain("校验", "统计口径", "国办公开办函", "尚未发布", "办理情况分析", "笔",
                "注：");
    }

    @Test
    void theAnnexShowsHowFastTheAgencyAnsweredAndTheOldestOpenRequests() {
        Document html = renderCheckSheet(scenarios.report2021);

        List<String> summary = table(html, "annex-summary");
        assertThat(summary).contains("1,0,1,1|本年度答复件数", "1,1,1,1|22", "3,0,1,1|按期答复率",
                "3,1,1,1|100.0%");
        assertThat(table(html, "annex-buckets")).contains("0,0,1,1|答复用时", "1,0,1,1|件数");
        assertThat(table(html, "annex-channels")).contains("0,4,1,1|网络", "1,4,1,1|22");
        List<String> oldest = table(html, "annex-oldest");
        assertThat(oldest).contains("0,1,1,1|受理编号", "1,0,1,1|1", "1,2,1,1|2025-12-29");
    }

    @Test
    void the2019ReportHasOneRowForOtherHandlingAndDashesForFiguresNotEntered() {
        Document html = render(scenarios.report2019);

        assertThat(table(html, "table3")).containsExactlyElementsOf(
                sorted(OfficialTables.table3("2019", ReportScenarios::table3Of2019)));
        assertThat(table(html, "table2")).containsExactlyElementsOf(sorted(OfficialTables.table2Of2019(
                "1", "1", "9", "—", "—", "—", "—", "-2", "—", "—", "+3", "—", "—", "—", "—", "—", "—", "—",
                "—", "—", "—", "1400.5")));
        assertThat(table(html, "table4")).containsExactlyElementsOf(
                sorted(OfficialTables.table4(ReportScenarios.TABLE4_ZEROS)));
        assertThat(html.select("#table2 th, #table2 td").eachText()).contains("采购项目数量", "采购总金额")
                .noneMatch(text -> text.contains("万元"));
        assertThat(html.select("p").eachText()).noneMatch(text -> text.startsWith("收取信息处理费"))
                .noneMatch(text -> text.contains("尚未填报"));
        Document checkSheet = renderCheckSheet(scenarios.report2019);
        assertThat(checkSheet.select("p").eachText()).contains("表二中“—”表示该项数据尚未填报。");
        assertThat(checkSheet.select(".notes p").first().text()).startsWith("依据国办公开办函〔2019〕60号格式编制");
    }

    @Test
    void anAgencyWithoutRequestsShowsEveryCellAsZeroAndEverySectionAsNotWritten() {
        Document html = render(scenarios.empty);

        assertThat(table(html, "table3")).containsExactlyElementsOf(
                sorted(OfficialTables.table3("2021", ReportScenarios::zeros)));
        assertThat(table(html, "table4")).containsExactlyElementsOf(
                sorted(OfficialTables.table4(ReportScenarios.TABLE4_ZEROS)));
        assertThat(html.select("#table2 td.number").eachText()).hasSize(10).containsOnly("—");
        assertThat(html.select("p.placeholder").eachText()).containsExactly("（尚未填写）", "（尚未填写）", "（尚未填写）");
        assertThat(html.select("p").eachText()).contains("收取信息处理费情况：本年度共收取信息处理费 0 元。");
    }

    @Test
    void everyTextIsEscapedAndThePageLoadsNothingFromElsewhere() {
        AnnualReportView report = scenarios.report2021;
        AnnualReportView hostile = new AnnualReportView(report.agency(), "<script>alert(1)</script>某局", report.year(),
                report.template(), AnnualReportView.titleOf("<script>alert(1)</script>某局", report.year()),
                false, report.agencies(), report.table3(), report.table4(), report.table4Rule(),
                report.table4RuleLabel(), report.checks(), report.feesCollected(), report.annex(), report.table2(),
                new AnnualReportView.Texts("<img src=x onerror=alert(1)>\"引号\"&", null, null), report.publishable(),
                report.contentHash(), report.publication());
        String text = renderer.render(ReportDocument.of(hostile, null));
        Document html = Jsoup.parse(text);

        assertThat(html.select("script, img, link, iframe")).isEmpty();
        assertThat(html.select("h1").text()).isEqualTo("<script>alert(1)</script>某局2025年度政府信息公开工作年度报告");
        assertThat(html.select("p").eachText()).contains("<img src=x onerror=alert(1)>\"引号\"&");
        assertThat(text).doesNotContain("http:", "https:", "src=\"", "@import", "url(");
        assertThat(html.select("style").html()).contains("@page", "size: A4");
    }
}
