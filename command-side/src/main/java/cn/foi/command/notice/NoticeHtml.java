package cn.foi.command.notice;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The print view of a notice: the STORED document (the bytes issued, whatever template wrote them) read back with XWPF
 * and laid out as an A4 page, so that what prints is what was issued. Paragraphs keep their alignment, first-line
 * indent and bold runs, tables their rows and cells.
 *
 * <p>The page is the Mustache template {@code notices/print-view.html.mustache}; this class only reads the document
 * into the values the template shows. The engine HTML-escapes every value it writes (an applicant's name is the
 * applicant's input), so no text reaches the page unescaped, and markup lives in the template alone.
 */
public final class NoticeHtml {

    private static final String TEMPLATE = "notices/print-view.html.mustache";
    private static final Template PAGE = compile();

    private NoticeHtml() {
    }

    /** @param voidedOn when the notice was voided, which the page says above the document; null if it stands */
    public static String render(byte[] docx, String title, LocalDate voidedOn) {
        List<Block> blocks = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            boolean first = true;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    blocks.add(new Block(paragraph(paragraph, first), null));
                    first = false;
                } else if (element instanceof XWPFTable table) {
                    blocks.add(new Block(null, table(table)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PAGE.execute(Map.of("title", title, "voidedOn", voidedOn == null ? "" : voidedOn.toString(),
                "blocks", blocks));
    }

    private static Paragraph paragraph(XWPFParagraph paragraph, boolean first) {
        String css = switch (paragraph.getAlignment() == null ? ParagraphAlignment.LEFT : paragraph.getAlignment()) {
            case CENTER -> "center";
            case RIGHT -> "right";
            case BOTH, DISTRIBUTE -> "";
            default -> "left";
        };
        if (first && "center".equals(css)) {
            css = "center title";
        }
        int indent = paragraph.getIndentationFirstLine();
        // Twentieths of a point, as Word keeps them.
        return new Paragraph(css, indent > 0 ? String.valueOf(indent / 20.0) : "", runs(paragraph));
    }

    /** The runs with text; a line break inside a run becomes a break on the page. */
    private static List<Run> runs(XWPFParagraph paragraph) {
        return paragraph.getRuns().stream()
                .filter(run -> run.text() != null && !run.text().isEmpty())
                .map(run -> new Run(run.isBold(), Arrays.asList(run.text().split("\n", -1))))
                .toList();
    }

    private static Table table(XWPFTable table) {
        return new Table(table.getRows().stream()
                .map(row -> new Row(row.getTableCells().stream()
                        .map(cell -> new Cell(cell.getParagraphs().stream().map(NoticeHtml::runs)
                                .map(CellParagraph::new).toList()))
                        .toList()))
                .toList());
    }

    private static Template compile() {
        try (Reader template = new InputStreamReader(Objects.requireNonNull(
                NoticeHtml.class.getClassLoader().getResourceAsStream(TEMPLATE), TEMPLATE), StandardCharsets.UTF_8)) {
            // An empty text is "no such part" ({{#css}} with no class writes no attribute).
            return Mustache.compiler().withEscaper(Escapers.HTML).emptyStringIsFalse(true).defaultValue("")
                    .compile(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph or a table of the document, in the order they stand. */
    private record Block(Paragraph paragraph, Table table) {
    }

    private record Paragraph(String css, String indent, List<Run> runs) {
    }

    private record Run(boolean bold, List<String> lines) {
    }

    private record Table(List<Row> rows) {
    }

    private record Row(List<Cell> cells) {
    }

    private record Cell(List<CellParagraph> paragraphs) {
    }

    private record CellParagraph(List<Run> runs) {
    }
}
