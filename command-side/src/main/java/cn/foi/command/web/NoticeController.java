package cn.foi.command.web;

import static cn.foi.command.web.Inputs.required;

import cn.foi.command.notice.NoticeCommands.IssueNotice;
import cn.foi.command.notice.NoticeCommands.ServeNotice;
import cn.foi.command.notice.NoticeCommands.VoidNotice;
import cn.foi.command.notice.NoticeHtml;
import cn.foi.command.notice.NoticeIssuing;
import cn.foi.command.request.DisclosureRequest;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.ServiceMethod;
import cn.foi.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The notices of a request: issuing one (a command), listing them and downloading a document exactly as issued. The
 * reads are here rather than on the query side because the documents' bytes live in the command database (ADR 19).
 */
@RestController
@RequestMapping("/api/requests/{id}/notices")
@Tag(name = "文书", description = "出具、查看和下载申请办理中的各类告知书和答复书")
public class NoticeController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** The print page loads and runs nothing: text and tables, some of them typed by applicants. */
    static final String PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    private final CommandGateway commands;
    private final RequestAccess access;
    private final NoticeIssuing notices;

    private final Repository<DisclosureRequest> requests;

    public NoticeController(CommandGateway commands, RequestAccess access, NoticeIssuing notices,
                            Repository<DisclosureRequest> requests) {
        this.commands = commands;
        this.access = access;
        this.notices = notices;
        this.requests = requests;
    }

    public record IssueBody(
            @Schema(example = "RECEIPT", description = "RECEIPT（申请接收回执）、SUPPLEMENT（补正告知书）、EXTENSION（延期答复告知书）、"
                    + "CONSULTATION（征求意见函）、FEE（收费通知书）、ANSWER（政府信息公开申请答复书）、SERVICE（送达回证）") String kind,
            @Schema(example = "2025-03-03", description = "出具日期") LocalDate issuedOn,
            @Schema(description = "仅送达回证：所送达文书的文号") String servesNumber) {
    }

    public record ServeBody(
            @Schema(example = "2025-03-05", description = "送达日期") LocalDate servedOn,
            @Schema(example = "MAIL", description = "送达方式：DIRECT（直接送达）、MAIL（邮寄送达）、ELECTRONIC（电子送达（电子邮件/平台））、"
                    + "LEFT_AT_ADDRESS（留置送达）、PUBLIC_NOTICE（公告送达）") String method,
            @Schema(description = "受送达人（代收人），不填即文书所载的收件人") String recipient,
            @Schema(description = "更正理由：该文书已登记送达时必填，新的记录取代原记录") String reason) {
    }

    public record VoidBody(@Schema(example = "申请人姓名有误，重新出具", description = "作废理由") String reason) {
    }

    @PostMapping
    @Operation(summary = "出具文书（编号自动取号，文书生成后原样保存）")
    public ResponseEntity<Map<String, Object>> issue(@PathVariable String id, @RequestBody IssueBody body) {
        NoticeKind kind = required(body.kind(), "kind", NoticeKind::fromText, NoticeKind.allowedValues(), "文书种类");
        access.requireRequest(id);
        NoticeIssued issued = commands.sendAndWait(new IssueNotice(id, kind, body.issuedOn(), body.servesNumber()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("number", issued.number());
        response.put("kind", issued.kind().name());
        response.put("title", issued.kind().title());
        response.put("issuedOn", issued.issuedOn());
        response.put("sequence", issued.sequence());
        response.put("templateVersion", issued.templateVersion());
        response.put("sha256", issued.sha256());
        response.put("servesNumber", issued.servesNumber());
        String download = downloadPath(id, issued.number());
        response.put("download", download);
        return ResponseEntity.created(URI.create(download)).body(response);
    }

    @GetMapping
    @Operation(summary = "该申请已出具的文书")
    public List<Map<String, Object>> list(@PathVariable String id) {
        access.requireRequest(id);
        return notices.list(id).stream().map(n -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", n.number());
            row.put("kind", n.kind().name());
            row.put("title", n.kind().title());
            row.put("issuedOn", n.issuedOn());
            row.put("sequence", n.sequence());
            row.put("templateVersion", n.templateVersion());
            row.put("sha256", n.sha256());
            row.put("download", downloadPath(id, n.number()));
            row.put("print", printPath(id, n.number()));
            row.put("servesNumber", n.servesNumber());
            row.put("servedOn", n.servedOn());
            row.put("serviceMethod", n.serviceMethod() == null ? null : n.serviceMethod().name());
            row.put("serviceMethodLabel", n.serviceMethod() == null ? null : n.serviceMethod().label());
            row.put("serviceRecipient", n.serviceRecipient());
            row.put("voided", n.voidedOn() != null);
            row.put("voidedOn", n.voidedOn());
            row.put("voidReason", n.voidReason());
            return row;
        }).toList();
    }

    @GetMapping("/allowed-kinds")
    @Operation(summary = "该申请目前可以出具的文书种类（由申请的办理状态决定）")
    public List<Map<String, String>> allowedKinds(@PathVariable String id) {
        access.requireRequest(id);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        List<NoticeKind> kinds = unitOfWork.executeWithResult(() ->
                requests.load(id).invoke(DisclosureRequest::noticeKindsCalledFor)).getPayload();
        return kinds.stream().map(kind -> Map.of("kind", kind.name(), "title", kind.title())).toList();
    }

    @GetMapping("/service-methods")
    @Operation(summary = "送达方式")
    public List<Map<String, String>> serviceMethods(@PathVariable String id) {
        access.requireRequest(id);
        return Arrays.stream(ServiceMethod.values())
                .map(m -> Map.of("method", m.name(), "label", m.label())).toList();
    }

    @PostMapping("/{number}/service")
    @Operation(summary = "登记文书送达（已登记的，填写更正理由后更正）")
    public Map<String, Object> serve(@PathVariable String id, @PathVariable String number,
                                     @RequestBody ServeBody body) {
        ServiceMethod method = required(body.method(), "method", ServiceMethod::fromText,
                ServiceMethod.allowedValues(), "送达方式");
        access.requireRequest(id);
        commands.sendAndWait(new ServeNotice(id, number, body.servedOn(), method, body.recipient(), body.reason()));
        return Map.of("number", number, "servedOn", body.servedOn(), "method", method.name(),
                "methodLabel", method.label());
    }

    @PostMapping("/{number}/void")
    @Operation(summary = "作废文书（文号保留不再使用，文书仍可下载）")
    public Map<String, Object> voidNotice(@PathVariable String id, @PathVariable String number,
                                          @RequestBody VoidBody body) {
        access.requireRequest(id);
        commands.sendAndWait(new VoidNotice(id, number, body.reason()));
        return Map.of("number", number, "voided", true);
    }

    @GetMapping("/{number}.html")
    @Operation(summary = "打印已出具的文书（按保存的文书生成 A4 打印页面）")
    public ResponseEntity<String> print(@PathVariable String id, @PathVariable String number) {
        access.requireRequest(id);
        NoticeIssuing.StoredDocument document = notices.document(id, number)
                .orElseThrow(() -> new NotFoundException("该申请没有编号为“" + number + "”的文书"));
        String html = NoticeHtml.render(document.content(), document.kind().title() + "（" + document.number() + "）",
                document.voidedOn());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // The page shows the applicant's own words: no script of any origin may run in it.
                .header("Content-Security-Policy", PRINT_POLICY)
                .body(html);
    }

    @GetMapping("/{number}.docx")
    @Operation(summary = "下载已出具的文书（与出具时完全相同的文件）")
    public ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String number) {
        access.requireRequest(id);
        NoticeIssuing.StoredDocument document = notices.document(id, number)
                .orElseThrow(() -> new NotFoundException("该申请没有编号为“" + number + "”的文书"));
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(document.kind().title() + "（" + document.number() + "）.docx", StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(document.content());
    }

    private static String printPath(String requestId, String number) {
        String download = downloadPath(requestId, number);
        return download.substring(0, download.length() - ".docx".length()) + ".html";
    }

    private static String downloadPath(String requestId, String number) {
        return "/api/requests/" + UriUtils.encodePathSegment(requestId, StandardCharsets.UTF_8) + "/notices/"
                + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8) + ".docx";
    }
}
