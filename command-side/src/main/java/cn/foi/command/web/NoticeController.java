package cn.foi.command.web;

import static cn.foi.command.web.Inputs.required;

import cn.foi.command.notice.NoticeCommands.IssueNotice;
import cn.foi.command.notice.NoticeIssuing;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    private final CommandGateway commands;
    private final RequestAccess access;
    private final NoticeIssuing notices;

    public NoticeController(CommandGateway commands, RequestAccess access, NoticeIssuing notices) {
        this.commands = commands;
        this.access = access;
        this.notices = notices;
    }

    public record IssueBody(
            @Schema(example = "RECEIPT", description = "RECEIPT（申请接收回执）、SUPPLEMENT（补正告知书）、EXTENSION（延期答复告知书）、"
                    + "CONSULTATION（征求意见函）、FEE（收费通知书）、ANSWER（政府信息公开申请答复书）") String kind,
            @Schema(example = "2025-03-03", description = "出具日期") LocalDate issuedOn) {
    }

    @PostMapping
    @Operation(summary = "出具文书（编号自动取号，文书生成后原样保存）")
    public ResponseEntity<Map<String, Object>> issue(@PathVariable String id, @RequestBody IssueBody body) {
        NoticeKind kind = required(body.kind(), "kind", NoticeKind::fromText, NoticeKind.allowedValues(), "文书种类");
        access.requireRequest(id);
        NoticeIssued issued = commands.sendAndWait(new IssueNotice(id, kind, body.issuedOn()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("number", issued.number());
        response.put("kind", issued.kind().name());
        response.put("title", issued.kind().title());
        response.put("issuedOn", issued.issuedOn());
        response.put("sequence", issued.sequence());
        response.put("templateVersion", issued.templateVersion());
        response.put("sha256", issued.sha256());
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
            return row;
        }).toList();
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

    private static String downloadPath(String requestId, String number) {
        return "/api/requests/" + UriUtils.encodePathSegment(requestId, StandardCharsets.UTF_8) + "/notices/"
                + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8) + ".docx";
    }
}
