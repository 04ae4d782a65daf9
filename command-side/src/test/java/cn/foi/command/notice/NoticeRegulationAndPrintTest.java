package cn.foi.command.notice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.ServiceMethod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * The letters of a request under the 2008 条例 cite its periods and articles; the 送达回证 is a table; the print view
 * renders the stored bytes and escapes what the applicant typed. Documents are read back with XWPF.
 */
class NoticeRegulationAndPrintTest {

    private static final LocalDate ISSUED = LocalDate.of(2025, 10, 9);
    private final NoticeWriter writer = new NoticeWriter(NoticeTemplates.DEFAULT);

    private static NoticeFacts receivedOn(LocalDate receivedOn, String applicant) {
        NoticeFacts facts = new NoticeFacts();
        facts.on(new RequestReceived("r1", "JD01", "2019-001",
                new Applicant(ApplicantCategory.C1, applicant, null, null, null), Channel.ONLINE, receivedOn,
                receivedOn, receivedOn, "本街道老旧小区改造资金使用情况", 1, RequestedForm.ELECTRONIC));
        return facts;
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private String receipt(LocalDate receivedOn) throws IOException {
        return text(writer.write(NoticeKind.RECEIPT, receivedOn(receivedOn, "张三"), "某街依申公收〔2019〕1号", "某街道办事处",
                receivedOn).toDocx());
    }

    @Test
    void aReceiptOfARequestReceivedUnderThe2008RegulationSaysFifteenWorkingDaysAndArticle24() throws IOException {
        String text = receipt(LocalDate.of(2019, 5, 14));
        assertThat(text).contains("15个工作日内予以答复", "最长不超过15个工作日", "第二十四条", "2008年施行")
                .doesNotContain("20个工作日", "第三十三条", "7个工作日");
    }

    @Test
    void aReceiptOfARequestReceivedFromTheDayThe2019RegulationTookEffectSaysTwentyAndArticle33() throws IOException {
        String text = receipt(LocalDate.of(2019, 5, 15));
        assertThat(text).contains("20个工作日内予以答复", "最长不超过20个工作日", "第三十三条")
                .doesNotContain("15个工作日", "第二十四条");
    }

    @Test
    void anExtensionUnderThe2008RegulationCitesArticle24Paragraph2() throws IOException {
        NoticeFacts facts = receivedOn(LocalDate.of(2018, 3, 1), "张三");
        facts.on(new AnswerPeriodExtended("r1", LocalDate.of(2018, 3, 15), 15, "需要调取档案"));
        String text = text(writer.write(NoticeKind.EXTENSION, facts, "某街依申公延〔2018〕1号", "某街道办事处",
                LocalDate.of(2018, 3, 15)).toDocx());
        assertThat(text).contains("第二十四条第二款", "延长15个工作日").doesNotContain("第三十三条");
    }

    @Test
    void theServiceFormIsATableNamingTheNoticeTheRecipientAndTheWayOfService() throws IOException {
        byte[] docx = new ServiceForm("某街依申公送〔2025〕1号", "补正告知书", "某街依申公补〔2025〕3号", "张三",
                ServiceMethod.MAIL, "某街道办事处", ISSUED).toDocx();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getTables()).hasSize(1);
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("《补正告知书》某街依申公补〔2025〕3号");
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("张三");
            assertThat(table.getRow(3).getCell(1).getText()).contains("☑邮寄送达", "☐直接送达", "☐留置送达");
            assertThat(table.getText()).contains("受送达人签名或者盖章", "送达人签名", "年　　月　　日");
        }
        assertThat(text(docx)).contains("送达回证", "某街依申公送〔2025〕1号", "某街道办事处（印章）", "2025年10月9日");
    }

    @Test
    void thePrintViewShowsTheStoredDocumentOnAnA4PageAndEscapesTheApplicantsName() {
        byte[] docx = writer.write(NoticeKind.RECEIPT, receivedOn(LocalDate.of(2025, 9, 26),
                "<script>alert(1)</script>"), "某街依申公收〔2025〕1号", "某街道办事处", ISSUED).toDocx();
        String html = NoticeHtml.render(docx, "申请接收回执（某街依申公收〔2025〕1号）", null);
        assertThat(html).contains("@page { size: A4", "仿宋", "宋体", "某街依申公收〔2025〕1号",
                        "<p class=\"center title\"><strong>申请接收回执</strong></p>", "“本街道老旧小区改造资金使用情况”", "&lt;script&gt;alert(1)&lt;/script&gt;：")
                .doesNotContain("<script>", "作废");
    }

    @Test
    void thePrintViewOfAVoidedNoticeSaysSoAndKeepsTheServiceFormsTable() {
        byte[] docx = new ServiceForm("某街依申公送〔2025〕1号", "补正告知书", "某街依申公补〔2025〕3号", "A & B",
                null, "某街道办事处", ISSUED).toDocx();
        String html = NoticeHtml.render(docx, "送达回证", ISSUED);
        assertThat(html).contains("本文书已于 2025-10-09 作废", "<table>", "<td>A &amp; B</td>", "☐邮寄送达");
    }

    @Test
    void thePrintViewEscapesEveryValueTheTemplateShowsAndAddsNoMarkupOfItsOwnAroundThem() {
        byte[] docx = writer.write(NoticeKind.RECEIPT, receivedOn(LocalDate.of(2025, 9, 26), "A & \"B\" <i>C</i>"),
                "某街依申公收〔2025〕1号", "某街道办事处", ISSUED).toDocx();
        String html = NoticeHtml.render(docx, "</title><script>alert(1)</script>", ISSUED);
        assertThat(html).contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>",
                        "A &amp; &quot;B&quot; &lt;i&gt;C&lt;/i&gt;", "<p class=\"voided\">本文书已于 2025-10-09 作废</p>")
                .doesNotContain("<script>", "<i>")
                .endsWith("</body>\n</html>\n");
    }
}
