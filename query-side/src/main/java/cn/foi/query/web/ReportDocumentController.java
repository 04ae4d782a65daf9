package cn.foi.query.web;

import cn.foi.query.report.AnnualReportView;
import cn.foi.query.report.documents.DocxReportRenderer;
import cn.foi.query.report.documents.HtmlReportRenderer;
import cn.foi.query.report.documents.ReportDocument;
import cn.foi.query.report.documents.XlsxReportRenderer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual report as documents laid out like the official template of its year: HTML to read and print, XLSX and DOCX
 * to edit and publish. The same parameters and access rules as the report as JSON; {@code version} renders a published
 * version as it was frozen.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "年度报告")
public class ReportDocumentController {

    /** Nothing in the page may load or run anything: the report is text and tables, its texts typed by users. */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    enum Format {
        HTML("html", MediaType.parseMediaType("text/html;charset=UTF-8"), true),
        XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                false),
        DOCX("docx", MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), false);

        final String extension;
        final MediaType mediaType;
        final boolean inline;

        Format(String extension, MediaType mediaType, boolean inline) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.inline = inline;
        }
    }

    private final ReportAccess access;
    private final HtmlReportRenderer html;
    private final XlsxReportRenderer xlsx;
    private final DocxReportRenderer docx;

    public ReportDocumentController(ReportAccess access, HtmlReportRenderer html, XlsxReportRenderer xlsx,
                                    DocxReportRenderer docx) {
        this.access = access;
        this.html = html;
        this.xlsx = xlsx;
        this.docx = docx;
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}.html")
    @Operation(summary = "年度报告（HTML，可直接打印）：只含模板规定的标题、六个部分和表二、表三、表四，可直接发布；"
            + "version=N 呈现已发布的第 N 版。校验结果、统计口径和附表见校验单")
    public ResponseEntity<byte[]> html(@PathVariable String code, @PathVariable int year,
                                       @RequestParam(required = false) String template,
                                       @RequestParam(defaultValue = "false") boolean includeSubordinates,
                                       @RequestParam(required = false) Integer version) {
        return document(Format.HTML, false, code, year, template, includeSubordinates, version);
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}.xlsx")
    @Operation(summary = "年度报告（Excel）：只含模板规定的内容，可直接发布；version=N 呈现已发布的第 N 版")
    public ResponseEntity<byte[]> xlsx(@PathVariable String code, @PathVariable int year,
                                       @RequestParam(required = false) String template,
                                       @RequestParam(defaultValue = "false") boolean includeSubordinates,
                                       @RequestParam(required = false) Integer version) {
        return document(Format.XLSX, false, code, year, template, includeSubordinates, version);
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}.docx")
    @Operation(summary = "年度报告（Word）：只含模板规定的内容，可直接发布；version=N 呈现已发布的第 N 版")
    public ResponseEntity<byte[]> docx(@PathVariable String code, @PathVariable int year,
                                       @RequestParam(required = false) String template,
                                       @RequestParam(defaultValue = "false") boolean includeSubordinates,
                                       @RequestParam(required = false) Integer version) {
        return document(Format.DOCX, false, code, year, template, includeSubordinates, version);
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}/checks.html")
    @Operation(summary = "年度报告校验单（HTML，可直接打印）：所用模板和统计期限、表四统计口径、发布状态、数据校验结果，"
            + "以及办理情况分析（模板以外）；供审核，不发布；version=N 为已发布的第 N 版")
    public ResponseEntity<byte[]> checksHtml(@PathVariable String code, @PathVariable int year,
                                             @RequestParam(required = false) String template,
                                             @RequestParam(defaultValue = "false") boolean includeSubordinates,
                                             @RequestParam(required = false) Integer version) {
        return document(Format.HTML, true, code, year, template, includeSubordinates, version);
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}/checks.xlsx")
    @Operation(summary = "年度报告校验单（Excel，工作表“校验单”）：供审核，不发布；version=N 为已发布的第 N 版")
    public ResponseEntity<byte[]> checksXlsx(@PathVariable String code, @PathVariable int year,
                                             @RequestParam(required = false) String template,
                                             @RequestParam(defaultValue = "false") boolean includeSubordinates,
                                             @RequestParam(required = false) Integer version) {
        return document(Format.XLSX, true, code, year, template, includeSubordinates, version);
    }

    @GetMapping("/agencies/{code}/reports/{year:\\d+}/checks.docx")
    @Operation(summary = "年度报告校验单（Word）：供审核，不发布；version=N 为已发布的第 N 版")
    public ResponseEntity<byte[]> checksDocx(@PathVariable String code, @PathVariable int year,
                                             @RequestParam(required = false) String template,
                                             @RequestParam(defaultValue = "false") boolean includeSubordinates,
                                             @RequestParam(required = false) Integer version) {
        return document(Format.DOCX, true, code, year, template, includeSubordinates, version);
    }

    private ResponseEntity<byte[]> document(Format format, boolean checkSheet, String code, int year, String template,
                                            boolean includeSubordinates, Integer version) {
        AnnualReportView report = access.reportOrVersion(code, year, template, includeSubordinates, version);
        ReportDocument document = checkSheet ? ReportDocument.checkSheet(report, version)
                : ReportDocument.of(report, version);
        byte[] body = switch (format) {
            case HTML -> html.render(document).getBytes(StandardCharsets.UTF_8);
            case XLSX -> xlsx.render(document);
            case DOCX -> docx.render(document);
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        contentDisposition(format.inline, document.fileName() + "." + format.extension));
        if (format == Format.HTML) {
            response.header("Content-Security-Policy", HTML_POLICY);
        }
        return response.body(body);
    }

    /**
     * The Chinese file name as RFC 6266 / RFC 5987 {@code filename*}, written by Spring as the command side's downloads
     * (notices, attachments, ledgers) are.
     */
    static String contentDisposition(boolean inline, String fileName) {
        return ContentDisposition.builder(inline ? "inline" : "attachment")
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
