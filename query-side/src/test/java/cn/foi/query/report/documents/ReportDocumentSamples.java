package cn.foi.query.report.documents;

import cn.foi.query.report.AnnualReportView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the documents of the test scenarios to a directory, to be looked at beside the seeds (rendered to PNG with
 * LibreOffice and a headless browser): {@code -Dreport.samples=/some/dir}. Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "report.samples", matches = ".+")
class ReportDocumentSamples {

    @Test
    void writeTheSampleDocuments() throws IOException {
        ReportScenarios scenarios = new ReportScenarios("report_samples");
        try {
            Path directory = Files.createDirectories(Path.of(System.getProperty("report.samples")));
            write(directory, "2021", scenarios.report2021);
            write(directory, "2019", scenarios.report2019);
            write(directory, "empty", scenarios.empty);
            write(directory, "2021-long-texts", withLongTexts(scenarios.report2021));
        } finally {
            scenarios.histories.destroy();
        }
    }

    /** Texts as long as the seeds' (one paragraph longer than a spreadsheet row can hold), to see how they flow. */
    private static AnnualReportView withLongTexts(AnnualReportView report) {
        String sentence = "街道严格按照《中华人民共和国政府信息公开条例》的规定，坚持以公开为常态、不公开为例外，"
                + "持续深化政务公开，不断提升公开质量和实效。";
        String overview = "（一）主动公开情况。" + sentence.repeat(3) + "\n（二）依申请公开情况。" + sentence.repeat(2)
                + "\n（三）政府信息管理情况。" + sentence.repeat(25) + "\n（四）政府信息公开平台建设情况。" + sentence
                + "\n（五）监督保障情况。" + sentence.repeat(2);
        return new AnnualReportView(report.agency(), report.agencyName(), report.year(), report.template(), report.title(),
                report.includeSubordinates(), report.agencies(), report.table3(), report.table4(), report.table4Rule(),
                report.table4RuleLabel(), report.checks(), report.feesCollected(), report.annex(), report.table2(),
                new AnnualReportView.Texts(overview, "一是" + sentence + "\n二是" + sentence, "1、" + sentence),
                report.publishable(), report.contentHash(), report.publication());
    }

    private static void write(Path directory, String name, AnnualReportView report) throws IOException {
        Files.writeString(directory.resolve(name + ".html"), new HtmlReportRenderer().render(
                ReportDocument.of(report, null)), StandardCharsets.UTF_8);
        Files.write(directory.resolve(name + ".xlsx"), new XlsxReportRenderer().render(
                ReportDocument.of(report, null)));
        Files.write(directory.resolve(name + ".docx"), new DocxReportRenderer().render(
                ReportDocument.of(report, null)));
        Files.writeString(directory.resolve(name + "-checks.html"), new HtmlReportRenderer().render(
                ReportDocument.checkSheet(report, null)), StandardCharsets.UTF_8);
    }
}
