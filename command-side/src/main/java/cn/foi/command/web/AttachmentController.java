package cn.foi.command.web;

import static cn.foi.command.web.Inputs.required;

import cn.foi.command.attachment.AttachmentCommands.AddAttachment;
import cn.foi.command.attachment.AttachmentCommands.RemoveAttachment;
import cn.foi.command.attachment.AttachmentNames;
import cn.foi.command.attachment.AttachmentRecords;
import cn.foi.command.attachment.AttachmentRecords.Attachment;
import cn.foi.command.attachment.AttachmentStore;
import cn.foi.command.attachment.AttachmentTypes;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentKind;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The files kept with a request (ADR 20): upload, list, download exactly the bytes kept, and removal with a reason.
 * The bytes live in the command database, so these reads are served here, like the notices' documents.
 */
@RestController
@RequestMapping("/api/requests/{id}/attachments")
@Tag(name = "附件", description = "申请书扫描件、身份证明、送达回证、已送达的答复书等随申请保存的文件")
public class AttachmentController {

    static final int MAX_REASON = 500;

    private final CommandGateway commands;
    private final RequestAccess access;
    private final AttachmentRecords records;
    private final AttachmentStore store;
    private final DataSize maxSize;

    public AttachmentController(CommandGateway commands, RequestAccess access, AttachmentRecords records,
                                AttachmentStore store, @Value("${foi.attachments.max-size:50MB}") DataSize maxSize) {
        this.commands = commands;
        this.access = access;
        this.records = records;
        this.store = store;
        this.maxSize = maxSize;
    }

    /** A refusal with its own status: 413 over the size limit, 415 for a type not accepted, 410 once removed. */
    static final class AttachmentProblem extends RuntimeException {
        private final HttpStatus status;
        private final String type;
        private final String title;

        AttachmentProblem(HttpStatus status, String type, String title, String detail) {
            super(detail);
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    @ExceptionHandler(AttachmentProblem.class)
    ResponseEntity<ProblemDetail> refused(AttachmentProblem e) {
        return Problems.respond(Problems.problem(e.status, e.type, e.title, e.getMessage()));
    }

    public record RemovalBody(@Schema(example = "误传了其他申请人的身份证明", description = "删除理由（必填，最多 500 字）")
                              String reason) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传附件（multipart/form-data：字段 file 为文件，kind 为附件类别）。文件类型按内容识别，"
            + "接受 PDF、图片、Word/Excel 文档、OFD 和纯文本；可执行程序、脚本和压缩包返回 415，超过大小上限返回 413")
    public ResponseEntity<Map<String, Object>> upload(
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @Parameter(description = "APPLICATION_SCAN（申请书扫描件）、IDENTITY_PROOF（身份证明）、SERVICE_RECEIPT（送达回证）、"
                    + "ANSWER_AS_SERVED（答复书（已送达））、INFORMATION_PROVIDED（提供的政府信息）、OTHER（其他）")
            @RequestParam(name = "kind", required = false) String kind) {
        access.requireRequest(id);
        AttachmentKind attachmentKind = required(kind, "kind", AttachmentKind::fromText,
                AttachmentKind.allowedValues(), "附件类别");
        if (file == null) {
            throw new InvalidInputException("file", "请以 multipart/form-data 上传附件，字段名为 file");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "上传的附件是空文件");
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw new AttachmentProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "文件过大",
                    "附件超过 " + megabytes(maxSize) + " 的上限，未保存：请压缩或拆分后上传");
        }
        String name = AttachmentNames.sanitise(file.getOriginalFilename());
        String mediaType;
        try {
            mediaType = AttachmentTypes.detect(opener(file), name);
        } catch (AttachmentTypes.UnsupportedType e) {
            throw new AttachmentProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type", "文件类型不支持",
                    e.getMessage());
        }
        AttachmentStore.StoredContent stored;
        try (InputStream in = file.getInputStream()) {
            stored = store.write(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AttachmentAdded added;
        try {
            added = commands.sendAndWait(new AddAttachment(id, stored.id(), attachmentKind, name, mediaType,
                    stored.size(), stored.sha256()));
        } catch (RuntimeException e) {
            // The command refused or failed: the bytes it would have claimed go, so no orphan stays behind.
            store.delete(stored.id());
            throw e;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", added.attachmentId());
        body.put("name", added.name());
        body.put("size", added.size());
        body.put("sha256", added.sha256());
        body.put("kind", added.kind().name());
        body.put("kindLabel", added.kind().label());
        body.put("mediaType", added.mediaType());
        body.put("addedOn", added.addedOn());
        body.put("removed", false);
        String download = downloadPath(id, added.attachmentId());
        body.put("download", download);
        return ResponseEntity.created(URI.create(download)).body(body);
    }

    @GetMapping
    @Operation(summary = "该申请的附件（已删除的也列出，附删除日期和理由）")
    public List<Map<String, Object>> list(@PathVariable String id) {
        access.requireRequest(id);
        return records.list(id).stream().map(a -> row(id, a)).toList();
    }

    @GetMapping("/kinds")
    @Operation(summary = "附件类别及其中文名称")
    public List<Map<String, String>> kinds(@PathVariable String id) {
        access.requireRequest(id);
        return Arrays.stream(AttachmentKind.values())
                .map(k -> Map.of("value", k.name(), "label", k.label())).toList();
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "下载附件（与上传时完全相同的文件）；已删除的附件返回 410")
    public ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId,
                                                        HttpServletResponse response) {
        access.requireRequest(id);
        Attachment attachment = records.find(id, attachmentId)
                .orElseThrow(() -> new NotFoundException("该申请没有这个附件"));
        if (attachment.removed()) {
            throw gone(attachment);
        }
        InputStream content = store.open(attachment.id()).orElseThrow(() -> gone(attachment));
        // The platform forces UTF-8 on every response; a PDF or an image has no charset, and a text says its own.
        response.setCharacterEncoding((String) null);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(attachment.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    @PostMapping("/{attachmentId}/removal")
    @Operation(summary = "删除附件（须写明理由；删除记入办理过程，文件内容不再提供下载）")
    public Map<String, Object> remove(@PathVariable String id, @PathVariable String attachmentId,
                                      @RequestBody RemovalBody body) {
        access.requireRequest(id);
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请填写删除附件的理由（字段 reason）");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "删除理由最多 " + MAX_REASON + " 字（字段 reason）");
        }
        commands.sendAndWait(new RemoveAttachment(id, attachmentId, reason));
        return row(id, records.find(id, attachmentId).orElseThrow());
    }

    private static AttachmentProblem gone(Attachment attachment) {
        return new AttachmentProblem(HttpStatus.GONE, "gone", "附件已删除", "附件《" + attachment.name() + "》已于 "
                + attachment.removedOn() + " 删除（理由：" + attachment.removalReason() + "），内容不再提供下载");
    }

    private static Map<String, Object> row(String requestId, Attachment a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id());
        row.put("name", a.name());
        row.put("size", a.size());
        row.put("sha256", a.sha256());
        row.put("kind", a.kind().name());
        row.put("kindLabel", a.kind().label());
        row.put("mediaType", a.mediaType());
        row.put("addedOn", a.addedOn());
        row.put("removed", a.removed());
        row.put("removedOn", a.removedOn());
        row.put("removalReason", a.removalReason());
        row.put("download", a.removed() ? null : downloadPath(requestId, a.id()));
        return row;
    }

    private static Supplier<InputStream> opener(MultipartFile file) {
        return () -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static String megabytes(DataSize size) {
        return size.toBytes() >= 1024 * 1024 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    private static String downloadPath(String requestId, String attachmentId) {
        return "/api/requests/" + UriUtils.encodePathSegment(requestId, StandardCharsets.UTF_8) + "/attachments/"
                + attachmentId;
    }
}
