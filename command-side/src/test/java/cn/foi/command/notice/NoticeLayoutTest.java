package cn.foi.command.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** Word layouts with tags (ADR 22), read back as Word would show them. */
class NoticeLayoutTest {

    private static final NoticeDocument NOTICE = new NoticeDocument("某街道依申公补〔2025〕3号", "补正告知书", "张三",
            List.of("第一段。", "第二段。", "第三段。"), "某街道办事处", LocalDate.of(2025, 10, 9));

    private static XWPFDocument read(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static byte[] edited(Consumer<XWPFDocument> edit) throws Exception {
        try (XWPFDocument document = read(NoticeLayout.defaultLayout());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(document);
            document.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void eachBodyParagraphKeepsTheIndentAndFontOfTheBodyTagsParagraph() throws Exception {
        try (XWPFDocument document = read(NOTICE.toDocx())) {
            List<XWPFParagraph> body = document.getParagraphs().stream()
                    .filter(p -> p.getText().endsWith("段。")).toList();
            assertThat(body).extracting(XWPFParagraph::getText).containsExactly("第一段。", "第二段。", "第三段。");
            for (XWPFParagraph paragraph : body) {
                assertThat(paragraph.getIndentationFirstLine()).isEqualTo(640);
                assertThat(paragraph.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
                XWPFRun run = paragraph.getRuns().get(0);
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
                assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);
            }
            List<String> lines = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(lines).containsSubsequence("补正告知书", "某街道依申公补〔2025〕3号", "张三：", "第一段。", "第三段。",
                    "（印章）", "某街道办事处", "2025年10月9日");
            assertThat(String.join("\n", lines)).doesNotContain("{{");
        }
    }

    @Test
    void aTagWordSplitOverSeveralRunsIsStillFilledWithTheFirstRunsFormatting() throws Exception {
        byte[] layout = edited(document -> {
            XWPFParagraph salutation = document.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("{{称谓}}")).findFirst().orElseThrow();
            salutation.removeRun(0);
            XWPFRun first = salutation.insertNewRun(0);
            first.setText("尊敬的{{称");
            first.setBold(true);
            salutation.insertNewRun(1).setText("谓}}：");
        });

        try (XWPFDocument document = read(NOTICE.toDocx(layout))) {
            XWPFParagraph salutation = document.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("尊敬的")).findFirst().orElseThrow();
            assertThat(salutation.getText()).isEqualTo("尊敬的张三：");
        }
    }

    @Test
    void aLayoutMustHaveTheNumberAndBodyTagsAndNoOther() throws Exception {
        NoticeLayout.check(NoticeLayout.defaultLayout());

        byte[] noNumber = edited(document -> document.getParagraphs().forEach(p -> p.getRuns().forEach(r -> {
            if ("{{文号}}".equals(r.getText(0))) {
                r.setText("依申公", 0);
            }
        })));
        assertThatThrownBy(() -> NoticeLayout.check(noNumber)).isInstanceOf(NoticeLayout.LayoutException.class)
                .hasMessageContaining("缺少必填标签：{{文号}}");

        byte[] unknown = edited(document -> document.createParagraph().createRun().setText("{{经办人}}"));
        assertThatThrownBy(() -> NoticeLayout.check(unknown)).isInstanceOf(NoticeLayout.LayoutException.class)
                .hasMessageContaining("无法识别的标签：{{经办人}}");

        byte[] section = edited(document -> {
            document.createParagraph().createRun().setText("{{?正文}}");
            document.createParagraph().createRun().setText("{{/正文}}");
        });
        assertThatThrownBy(() -> NoticeLayout.check(section)).isInstanceOf(NoticeLayout.LayoutException.class)
                .hasMessageContaining("{{?正文}}");
    }

    @Test
    void aFileThatIsNoWordDocumentIsToldApart() {
        assertThatThrownBy(() -> NoticeLayout.check("MZ\u0090\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(NoticeLayout.LayoutException.class, e -> assertThat(e.notWord()).isTrue());
    }
}
