package cn.foi.command.notice;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.policy.AbstractRenderPolicy;
import com.deepoove.poi.render.RenderContext;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.IterableTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * The Word layout of a notice (ADR 22): a DOCX with named tags ({{文号}}, {{正文}} …) that poi-tl fills. The shipped
 * default is built here with XWPF, laid out like a government letter; an agency may upload its own, edited in Word.
 *
 * <p>Every tag but {{正文}} is a plain text tag: poi-tl merges the runs Word splits a tag into and keeps the first run's
 * formatting. {{正文}} is a block: its paragraph is repeated once per paragraph of the body, each copy keeping the
 * paragraph's and the run's formatting (indent, font, spacing), so the layout decides how the body looks.
 */
public final class NoticeLayout {

    /** The tags a layout may use, with what each prints. */
    public static final Map<String, String> TAGS = tags();
    /** Without these a notice would have no number or no words. */
    public static final Set<String> REQUIRED = Set.of("文号", "正文");
    /** The number printed in a preview, which takes no number of the series. */
    public static final String PREVIEW_NUMBER = "（预览）";

    static final String BODY = "正文";
    private static final String BODY_FONT = "仿宋";
    private static final String TITLE_FONT = "宋体";
    /** 三号 and 二号 in points. */
    private static final int BODY_SIZE = 16;
    private static final int TITLE_SIZE = 22;

    private static final byte[] DEFAULT = buildDefault();

    private NoticeLayout() {
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("标题", "文书名称，如“补正告知书”");
        tags.put("文号", "文书编号，如“某街道依申公补〔2025〕3号”（必填）");
        tags.put("称谓", "收文人：申请人姓名或名称，征求意见函为第三方");
        tags.put("正文", "正文各段，须单独成段，每段沿用该段的格式（必填）");
        tags.put("落款机关", "出具文书的机关名称");
        tags.put("日期", "出具日期，如“2025年10月9日”");
        tags.put("印章", "盖章位置标记“（印章）”");
        return java.util.Collections.unmodifiableMap(tags);
    }

    /** The shipped layout shared by every kind: the kind's words come from notices/default-templates.properties. */
    public static byte[] defaultLayout() {
        return DEFAULT.clone();
    }

    /** A layout refused on upload, with the reason in Chinese; {@code notWord} when the file is no DOCX at all. */
    public static final class LayoutException extends RuntimeException {
        private final boolean notWord;

        LayoutException(String message, boolean notWord) {
            super(message);
            this.notWord = notWord;
        }

        public boolean notWord() {
            return notWord;
        }
    }

    /**
     * Checks an uploaded layout: a Word document (read by its content, whatever its name), with the required tags and
     * no tag we cannot fill (an unknown tag would print as an empty gap in a letter).
     */
    public static void check(byte[] docx) {
        try (XWPFDocument ignored = new XWPFDocument(new ByteArrayInputStream(docx))) {
            // Opened: a DOCX. A ZIP without a Word document in it, an .exe or a .doc renamed fail here.
        } catch (Exception | LinkageError e) {
            throw new LayoutException("上传的文件不是 Word 文档（.docx）；请在 Word 中另存为“Word 文档(*.docx)”后再上传", true);
        }
        Set<String> found = new LinkedHashSet<>();
        try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(docx), configure())) {
            collect(template.getElementTemplates(), found);
        } catch (IOException | RuntimeException e) {
            throw new LayoutException("模板中的标签无法识别：" + e.getMessage(), false);
        }
        List<String> unknown = found.stream().filter(tag -> !TAGS.containsKey(tag)).toList();
        if (!unknown.isEmpty()) {
            throw new LayoutException("模板中有无法识别的标签：" + String.join("、", unknown.stream()
                    .map(tag -> "{{" + tag + "}}").toList()) + "；可用的标签为 " + tagList(), false);
        }
        List<String> missing = REQUIRED.stream().filter(tag -> !found.contains(tag)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new LayoutException("模板缺少必填标签：" + String.join("、", missing.stream()
                    .map(tag -> "{{" + tag + "}}").toList()), false);
        }
    }

    static String tagList() {
        return String.join("、", TAGS.keySet().stream().map(tag -> "{{" + tag + "}}").toList());
    }

    private static void collect(List<MetaTemplate> templates, Set<String> found) {
        for (MetaTemplate meta : templates) {
            if (meta instanceof IterableTemplate iterable) {
                // A section ({{?x}}…{{/x}}) is no tag of ours, even one named like ours: refused by its source.
                found.add("?" + iterable.getStartMark().getTagName());
                collect(iterable.getTemplates(), found);
            } else if (meta instanceof ElementTemplate element) {
                // A tag with a poi-tl sign ({{@x}} picture, {{#x}} table…) is refused by its full source.
                found.add(element.getSign() == null || element.getSign() == Character.MIN_VALUE
                        ? element.getTagName() : element.getSign() + element.getTagName());
            }
        }
    }

    /** Fills a layout with a notice. */
    static byte[] render(byte[] layout, NoticeDocument notice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("标题", notice.title());
        data.put("文号", notice.number());
        data.put("称谓", notice.salutation());
        data.put(BODY, notice.paragraphs());
        data.put("落款机关", notice.agencyName());
        data.put("日期", NoticeDocument.chineseDate(notice.issuedOn()));
        data.put("印章", "（印章）");
        try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(layout), configure()).render(data);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            template.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built once: the configuration is only read while templates are compiled and rendered. */
    private static final Configure CONFIGURE = Configure.builder().bind(BODY, new BodyPolicy()).build();

    private static Configure configure() {
        return CONFIGURE;
    }

    /** {{正文}}: one paragraph of the layout becomes as many as the body has, all formatted alike. */
    static final class BodyPolicy extends AbstractRenderPolicy<List<String>> {

        @Override
        protected boolean validate(List<String> data) {
            return data != null && !data.isEmpty();
        }

        @Override
        public void doRender(RenderContext<List<String>> context) {
            XWPFRun run = context.getRun();
            List<String> texts = context.getData();
            if (!(run.getParent() instanceof XWPFParagraph paragraph)) {
                run.setText(String.join("\n", texts), 0);
                return;
            }
            CTPPr paragraphFormat = paragraph.getCTP().getPPr();
            CTRPr runFormat = run.getCTR().getRPr();
            // Copies go before the tag's paragraph, in order; the tag's own paragraph keeps the last text.
            for (String text : texts.subList(0, texts.size() - 1)) {
                XmlCursor cursor = paragraph.getCTP().newCursor();
                XWPFParagraph copy;
                try {
                    copy = paragraph.getBody().insertNewParagraph(cursor);
                } finally {
                    cursor.dispose();
                }
                if (paragraphFormat != null) {
                    copy.getCTP().setPPr((CTPPr) paragraphFormat.copy());
                }
                XWPFRun copyRun = copy.createRun();
                if (runFormat != null) {
                    copyRun.getCTR().setRPr((CTRPr) runFormat.copy());
                }
                copyRun.setText(text);
            }
            run.setText(texts.get(texts.size() - 1), 0);
        }

        @Override
        protected void afterRender(RenderContext<List<String>> context) {
            // The run keeps its text: nothing to clear.
        }
    }

    /** The shipped layout: the letter NoticeDocument printed before templates, with tags in place of the words. */
    private static byte[] buildDefault() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setSpacingAfter(200);
            run(heading, "{{标题}}", TITLE_FONT, TITLE_SIZE, true);

            XWPFParagraph numberLine = document.createParagraph();
            numberLine.setAlignment(ParagraphAlignment.RIGHT);
            numberLine.setSpacingAfter(300);
            run(numberLine, "{{文号}}", BODY_FONT, BODY_SIZE, false);

            XWPFParagraph salutationLine = document.createParagraph();
            run(salutationLine, "{{称谓}}：", BODY_FONT, BODY_SIZE, false);

            XWPFParagraph body = document.createParagraph();
            body.setAlignment(ParagraphAlignment.BOTH);
            // Two characters of the body's size, in twentieths of a point.
            body.setIndentationFirstLine(2 * BODY_SIZE * 20);
            body.setSpacingBetween(1.5);
            run(body, "{{正文}}", BODY_FONT, BODY_SIZE, false);

            document.createParagraph();
            for (String tag : new String[] {"{{印章}}", "{{落款机关}}", "{{日期}}"}) {
                XWPFParagraph line = document.createParagraph();
                line.setAlignment(ParagraphAlignment.RIGHT);
                run(line, tag, BODY_FONT, BODY_SIZE, false);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
