package cn.foi.command.web;

import static cn.foi.command.web.Inputs.required;

import cn.foi.command.agency.AgencyCommands.RevertNoticeTemplate;
import cn.foi.command.agency.AgencyCommands.UploadNoticeTemplate;
import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.directory.CommandDirectories;
import cn.foi.command.notice.NoticeIssuing;
import cn.foi.command.notice.NoticeLayout;
import cn.foi.command.notice.NoticeTemplateStore;
import cn.foi.events.access.Role;
import cn.foi.events.agency.NoticeTemplateUploaded;
import cn.foi.events.request.NoticeKind;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The Word layouts of an agency's notices (ADR 22): which one each kind uses and where it comes from, downloading it to
 * edit in Word, uploading an edited one for the agency and the agencies below it, and previewing a layout with a real
 * request's data before and after publishing it. For the administrators, and for the agency's own supervisor, as with
 * the notice settings.
 */
@RestController
@Tag(name = "文书", description = "出具、查看和下载申请办理中的各类告知书和答复书")
public class NoticeTemplateController {

    private final CommandGateway commands;
    private final NoticeTemplateStore templates;
    private final NoticeIssuing notices;
    private final AgencyDirectory agencies;
    private final CommandDirectories directories;
    private final RequestAccess access;
    private final DataSize maxSize;
    private final Clock clock;

    public NoticeTemplateController(CommandGateway commands, NoticeTemplateStore templates, NoticeIssuing notices,
                                    AgencyDirectory agencies, CommandDirectories directories, RequestAccess access,
                                    @Value("${foi.notices.template-max-size:2MB}") DataSize maxSize, Clock clock) {
        this.commands = commands;
        this.templates = templates;
        this.notices = notices;
        this.agencies = agencies;
        this.directories = directories;
        this.access = access;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** An upload that is no Word document: 415, whatever its name says. */
    static final class NotWordException extends RuntimeException {
        NotWordException(String message) {
            super(message);
        }
    }

    /** An upload over the layouts' size limit: 413. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotWordException.class)
    ResponseEntity<ProblemDetail> notWord(NotWordException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "文件类型不支持", e.getMessage());
        problem.setProperty("field", "file");
        return Problems.respond(problem);
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLargeException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "文件过大", e.getMessage());
        problem.setProperty("field", "file");
        return Problems.respond(problem);
    }

    @GetMapping("/api/agencies/{code}/notice-templates")
    @Operation(summary = "机关各类文书使用的模板：当前版本、来源（本机关、继承上级机关或系统默认）、本机关上传的历史版本及可用标签")
    public Map<String, Object> list(@PathVariable String code) {
        requireTemplateAdmin(code);
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            if (kind == NoticeKind.SERVICE) {
                continue; // a form to sign, drawn by the system: no letter layout applies (see NoticeIssuing)
            }
            NoticeTemplateStore.Effective effective = templates.effective(code, kind);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", kind.name());
            row.put("title", kind.title());
            row.put("version", effective.versionId());
            row.put("source", effective.source().name());
            row.put("sourceLabel", switch (effective.source()) {
                case OWN -> "本机关模板";
                case INHERITED -> "沿用上级机关“" + effective.agencyName() + "”的模板";
                case DEFAULT -> "系统默认模板";
            });
            row.put("sourceAgencyCode", effective.agencyCode());
            row.put("sourceAgencyName", effective.agencyName());
            row.put("download", templatePath(code, kind) + ".docx");
            row.put("defaultNoticesIssued", templates.issuedInDefault(code, kind));
            row.put("history", templates.history(code, kind).stream().map(v -> {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("version", v.version());
                version.put("versionId", v.versionId());
                version.put("sha256", v.sha256());
                version.put("size", v.size());
                version.put("fileName", v.fileName());
                version.put("uploadedBy", v.uploadedBy());
                version.put("uploadedAt", v.uploadedAt());
                version.put("current", v.current());
                version.put("noticesIssued", v.noticesIssued());
                return version;
            }).toList());
            kinds.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("kinds", kinds);
        body.put("tags", NoticeLayout.TAGS.entrySet().stream().map(tag -> Map.of("tag", "{{" + tag.getKey() + "}}",
                "meaning", tag.getValue(), "required", NoticeLayout.REQUIRED.contains(tag.getKey()))).toList());
        body.put("maxSize", maxSize.toBytes());
        return body;
    }

    @GetMapping("/api/agencies/{code}/notice-templates/{kind}.docx")
    @Operation(summary = "下载机关某类文书当前使用的模板（含标签，可在 Word 中修改后上传）")
    public ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable String kind) {
        requireTemplateAdmin(code);
        NoticeKind noticeKind = kind(kind);
        NoticeTemplateStore.Effective effective = templates.effective(code, noticeKind);
        byte[] content = templates.content(effective.versionId()).orElseThrow();
        return docx(noticeKind.title() + "模板（" + effective.versionId() + "）.docx", content);
    }

    @GetMapping("/api/agencies/{code}/notice-templates/{kind}/versions/{version}.docx")
    @Operation(summary = "下载本机关上传过的某一版本模板")
    public ResponseEntity<byte[]> downloadVersion(@PathVariable String code, @PathVariable String kind,
                                                  @PathVariable int version) {
        requireTemplateAdmin(code);
        NoticeKind noticeKind = kind(kind);
        String versionId = code + "-" + noticeKind.name() + "-v" + version;
        byte[] content = templates.history(code, noticeKind).stream().anyMatch(v -> v.versionId().equals(versionId))
                ? templates.content(versionId).orElseThrow() : null;
        if (content == null) {
            throw new NotFoundException("本机关没有第 " + version + " 版《" + noticeKind.title() + "》模板");
        }
        return docx(noticeKind.title() + "模板（" + versionId + "）.docx", content);
    }

    @PostMapping("/api/agencies/{code}/notice-templates/{kind}")
    @Operation(summary = "上传本机关某类文书的模板（multipart/form-data，字段 file：Word 文档 .docx，须含 {{文号}} 和 {{正文}}，"
            + "只能使用规定的标签）；本机关及未设置模板的下级机关此后出具的该类文书使用新模板，已出具的文书不变")
    public ResponseEntity<Map<String, Object>> upload(@PathVariable String code, @PathVariable String kind,
                                                      @RequestParam(name = "file", required = false) MultipartFile file) {
        FoiUser user = requireTemplateAdmin(code);
        NoticeKind noticeKind = kind(kind);
        byte[] content = checkedLayout(file);
        NoticeTemplateUploaded uploaded = commands.sendAndWait(new UploadNoticeTemplate(code, noticeKind, content,
                file.getOriginalFilename(), user.username()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", noticeKind.name());
        body.put("title", noticeKind.title());
        body.put("version", uploaded.version());
        body.put("versionId", uploaded.versionId());
        body.put("sha256", uploaded.sha256());
        body.put("size", uploaded.size());
        body.put("uploadedBy", uploaded.uploadedBy());
        body.put("uploadedAt", uploaded.uploadedAt());
        String location = templatePath(code, noticeKind) + "/versions/" + uploaded.version() + ".docx";
        body.put("download", location);
        return ResponseEntity.created(URI.create(location)).body(body);
    }

    @PostMapping("/api/agencies/{code}/notice-templates/{kind}/revert")
    @Operation(summary = "本机关某类文书不再使用自己的模板，改用上级机关或系统默认的模板（历史版本保留）")
    public Map<String, Object> revert(@PathVariable String code, @PathVariable String kind) {
        FoiUser user = requireTemplateAdmin(code);
        NoticeKind noticeKind = kind(kind);
        commands.sendAndWait(new RevertNoticeTemplate(code, noticeKind, user.username()));
        NoticeTemplateStore.Effective effective = templates.effective(code, noticeKind);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", noticeKind.name());
        body.put("version", effective.versionId());
        body.put("source", effective.source().name());
        return body;
    }

    @PostMapping("/api/agencies/{code}/notice-templates/{kind}/preview")
    @Operation(summary = "用一件真实申请的数据预览模板（multipart/form-data，字段 file 为待上传的模板；不传则预览当前模板）；"
            + "文号显示为“（预览）”，不取号、不保存")
    public ResponseEntity<byte[]> previewTemplate(@PathVariable String code, @PathVariable String kind,
                                                  @Parameter(description = "用于预览的申请 id")
                                                  @RequestParam(name = "requestId", required = false) String requestId,
                                                  @RequestParam(name = "file", required = false) MultipartFile file,
                                                  HttpServletRequest request) {
        requireTemplateAdmin(code);
        NoticeKind noticeKind = kind(kind);
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw new InvalidInputException("file",
                    "请以 multipart/form-data 提交预览，字段 file 为待上传的模板（不传则预览当前使用的模板）");
        }
        if (requestId == null || requestId.isBlank()) {
            throw new InvalidInputException("requestId", "请选择用于预览的申请（参数 requestId）");
        }
        access.requireRequest(requestId);
        byte[] candidate = file == null || file.isEmpty() ? templates.content(templates.effective(code, noticeKind)
                .versionId()).orElseThrow() : checkedLayout(file);
        String agency = directories.agencyOfRequest(requestId).orElseThrow();
        byte[] preview = notices.preview(requestId, agency, noticeKind, LocalDate.now(clock), candidate);
        return docx(noticeKind.title() + "（预览）.docx", preview);
    }

    @GetMapping("/api/requests/{id}/notices/preview.docx")
    @Operation(summary = "用本申请的数据预览某类文书（按本机关当前模板；文号显示为“（预览）”，不取号、不保存）")
    public ResponseEntity<byte[]> previewNotice(@PathVariable String id,
                                                @Parameter(description = "文书种类，如 SUPPLEMENT")
                                                @RequestParam(name = "kind", required = false) String kind) {
        NoticeKind noticeKind = required(kind, "kind", NoticeKind::fromText, NoticeKind.allowedValues(), "文书种类");
        access.requireRequest(id);
        String agency = directories.agencyOfRequest(id).orElseThrow();
        byte[] preview = notices.preview(id, agency, noticeKind, LocalDate.now(clock), null);
        return docx(noticeKind.title() + "（预览）.docx", preview);
    }

    /** The administrators, or the agency's own supervisor (the rule of the notice settings). */
    private FoiUser requireTemplateAdmin(String code) {
        FoiUser user = CurrentUser.get();
        if (!user.isAdmin() && !(user.role() == Role.SUPERVISOR && user.mayAccessAgency(code))) {
            throw new AccessDeniedException("只有管理员或本机关主管可以管理文书模板");
        }
        if (!agencies.exists(code)) {
            throw new NotFoundException("机关 " + code + " 不存在");
        }
        return user;
    }

    private static NoticeKind kind(String kind) {
        NoticeKind noticeKind = required(kind, "kind", NoticeKind::fromText, NoticeKind.allowedValues(), "文书种类");
        if (noticeKind == NoticeKind.SERVICE) {
            throw new InvalidInputException("kind", "《送达回证》是系统生成的固定表格，不使用文书模板");
        }
        return noticeKind;
    }

    private byte[] checkedLayout(MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "请以 multipart/form-data 上传模板文件，字段名为 file");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "上传的模板文件是空的");
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw new TooLargeException("模板文件超过 " + maxSize.toKilobytes() + " KB 的上限；请删去模板中的大图片后再上传");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            NoticeLayout.check(content);
        } catch (NoticeLayout.LayoutException e) {
            if (e.notWord()) {
                throw new NotWordException(e.getMessage());
            }
            throw new InvalidInputException("file", e.getMessage());
        }
        return content;
    }

    private static ResponseEntity<byte[]> docx(String fileName, byte[] content) {
        ContentDisposition disposition = ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok().contentType(NoticeController.DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(content);
    }

    private static String templatePath(String code, NoticeKind kind) {
        return "/api/agencies/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/notice-templates/"
                + kind.name();
    }
}
