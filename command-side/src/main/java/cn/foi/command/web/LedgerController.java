package cn.foi.command.web;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.ledger.LedgerExport;
import cn.foi.command.ledger.LedgerFileException;
import cn.foi.command.ledger.LedgerColumn;
import cn.foi.command.ledger.LedgerError;
import cn.foi.command.ledger.LedgerErrorSheet;
import cn.foi.command.ledger.LedgerImport;
import cn.foi.command.ledger.LedgerMapping;
import cn.foi.command.ledger.LedgerMappingException;
import cn.foi.command.ledger.LedgerPreview;
import cn.foi.command.ledger.LedgerSuggestions;
import cn.foi.command.ledger.LedgerTemplate;
import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An agency's ledger (台账) in and out: the import a clerk uses to move in with the office's history, and the export of
 * the agency's requests in the same format.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "台账导入导出", description = "以台账（CSV 或 Excel）导入历史申请，导出本机关申请台账")
public class LedgerController {

    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerImport ledgerImport;
    private static final String MAPPING_DOC = "列对应关系（可选）：JSON 对象，文件表头 → 本系统列的键名或中文列名，"
            + "“忽略”或 null 表示不导入该列，如 {\"受理日期\":\"received_on\",\"经办人\":\"忽略\"}";

    private final LedgerExport ledgerExport;
    private final LedgerPreview ledgerPreview;
    private final AgencyDirectory agencies;

    public LedgerController(LedgerImport ledgerImport, LedgerExport ledgerExport, LedgerPreview ledgerPreview,
                            AgencyDirectory agencies) {
        this.ledgerPreview = ledgerPreview;
        this.ledgerImport = ledgerImport;
        this.ledgerExport = ledgerExport;
        this.agencies = agencies;
    }

    @PostMapping("/agencies/{code}/ledger")
    @Operation(summary = "导入台账（multipart/form-data，字段 file：CSV 或 .xlsx）。dryRun=true 只检查不保存；"
            + "有任何错误时返回 422 及全部错误，不保存任何记录。表头与本系统列名不同时以 mapping 给出列对应关系；"
            + "带对应关系导入成功后，本机关记住该对应关系，用于以后表头相同的文件")
    public ResponseEntity<?> importLedger(@PathVariable String code,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(name = "file", required = false) MultipartFile file,
                                          @Parameter(description = MAPPING_DOC)
                                          @RequestParam(name = "mapping", required = false) String mapping) {
        FoiUser user = requireImporter(code);
        requireFile(file);
        LedgerMapping chosen = mapping(mapping);
        LedgerImport.Result result;
        try {
            result = ledgerImport.run(code, file, dryRun, user.username(), chosen);
        } catch (LedgerMappingException e) {
            throw new InvalidInputException("mapping", e.getMessage());
        } catch (LedgerFileException e) {
            if (e.empty()) {
                throw new InvalidInputException("file", e.getMessage());
            }
            return rejected(0, List.of(error(null, null, e.getMessage())));
        }
        if (!result.errors().isEmpty()) {
            return rejected(result.rows(), result.errors().stream()
                    .map(err -> error(err.row(), err.column(), err.message())).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imported", result.stored() ? result.rows() : 0);
        body.put("rows", result.rows());
        body.put("dryRun", dryRun);
        body.put("errors", List.of());
        body.put("rememberedMapping", result.remembered() == null ? null : result.remembered().toKeys());
        return ResponseEntity.ok(body);
    }

    @PostMapping("/agencies/{code}/ledger/errors.xlsx")
    @Operation(summary = "检查台账并返回加了“错误说明”列的原表（multipart/form-data，字段 file；xlsx 保留原工作簿，"
            + "CSV 转为 xlsx）：每行的错误写在该行，便于在原表中改正后重新导入；不保存任何记录")
    public ResponseEntity<byte[]> ledgerErrors(@PathVariable String code,
                                               @RequestParam(name = "file", required = false) MultipartFile file,
                                               @Parameter(description = MAPPING_DOC)
                                               @RequestParam(name = "mapping", required = false) String mapping)
            throws IOException {
        FoiUser user = requireImporter(code);
        requireFile(file);
        LedgerMapping chosen = mapping(mapping);
        List<LedgerError> errors;
        try {
            errors = ledgerImport.run(code, file, true, user.username(), chosen).errors();
        } catch (LedgerMappingException e) {
            throw new InvalidInputException("mapping", e.getMessage());
        } catch (LedgerFileException e) {
            // No sheet to mark up: the file is empty or no spreadsheet at all.
            throw new InvalidInputException("file", e.getMessage());
        }
        java.io.ByteArrayOutputStream sheet = new java.io.ByteArrayOutputStream();
        LedgerErrorSheet.write(file, errors, sheet);
        String name = Optional.ofNullable(file.getOriginalFilename()).orElse("台账").replaceAll("\\.[^.]*$", "");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-错误说明.xlsx", StandardCharsets.UTF_8).build().toString())
                .header("X-Error-Count", Integer.toString(errors.size()))
                .body(sheet.toByteArray());
    }

    @GetMapping("/ledger/template.xlsx")
    @Operation(summary = "台账模板（xlsx）：全部列名及一行示例，格式与导入、导出相同")
    public void ledgerTemplate(HttpServletResponse response) throws IOException {
        response.setContentType(XLSX_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("政府信息公开申请台账模板.xlsx", StandardCharsets.UTF_8).build().toString());
        LedgerTemplate.write(response.getOutputStream());
    }

    @PostMapping("/agencies/{code}/ledger/preview")
    @Operation(summary = "预览台账（multipart/form-data，字段 file）：表头各列对应的本系统列（含建议）、缺少的必填列、"
            + "本机关记住的列对应关系，以及按此读出的前 " + LedgerPreview.ROWS + " 行；不保存任何内容")
    public Map<String, Object> previewLedger(@PathVariable String code,
                                             @RequestParam(name = "file", required = false) MultipartFile file,
                                             @Parameter(description = MAPPING_DOC)
                                             @RequestParam(name = "mapping", required = false) String mapping) {
        requireImporter(code);
        requireFile(file);
        LedgerMapping chosen = mapping(mapping);
        LedgerPreview.Preview preview;
        try {
            preview = ledgerPreview.preview(code, file, chosen);
        } catch (LedgerMappingException e) {
            throw new InvalidInputException("mapping", e.getMessage());
        } catch (LedgerFileException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headerRow", preview.headerRow());
        body.put("headers", preview.columns().stream().map(LedgerPreview.Column::header).toList());
        List<Map<String, Object>> columns = new ArrayList<>();
        Map<String, String> toSend = new LinkedHashMap<>();
        for (LedgerPreview.Column column : preview.columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("index", column.index());
            c.put("header", column.header());
            c.put("mappedTo", column.mappedTo() == null ? null : column.mappedTo().key());
            c.put("mappedToName", column.mappedTo() == null ? null : column.mappedTo().chineseName());
            c.put("source", column.source().name().toLowerCase(Locale.ROOT));
            c.put("suggested", column.suggested().stream().map(LedgerController::suggestion).toList());
            columns.add(c);
            if (!column.header().isEmpty() && column.source() != LedgerPreview.Source.RECOGNISED) {
                toSend.putIfAbsent(column.header(), column.mappedTo() == null ? null : column.mappedTo().key());
            }
        }
        body.put("columns", columns);
        body.put("mapping", toSend);
        body.put("unmapped", preview.unmapped());
        body.put("missingRequired", preview.missingRequired().stream().map(LedgerController::column).toList());
        body.put("errors", preview.errors().stream().map(e -> error(e.row(), e.column(), e.message())).toList());
        if (preview.remembered() == null) {
            body.put("rememberedMapping", null);
        } else {
            Map<String, Object> remembered = new LinkedHashMap<>();
            remembered.put("mapping", preview.remembered().mapping().toKeys());
            remembered.put("savedBy", preview.remembered().savedBy());
            remembered.put("savedAt", preview.remembered().savedAt().toString());
            remembered.put("appliedTo", preview.rememberedApplied());
            body.put("rememberedMapping", remembered);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LedgerPreview.Row row : preview.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("row", row.row());
            Map<String, String> values = new LinkedHashMap<>();
            row.values().forEach((column, value) -> values.put(column.key(), value));
            r.put("values", values);
            r.put("errors", row.errors().stream().map(e -> error(e.row(), e.column(), e.message())).toList());
            rows.add(r);
        }
        body.put("rows", rows);
        body.put("ourColumns", java.util.Arrays.stream(LedgerColumn.values()).map(LedgerController::column).toList());
        return body;
    }

    private static void requireFile(MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "请以 multipart/form-data 上传台账文件，字段名为 file");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "上传的台账文件是空的");
        }
    }

    private static LedgerMapping mapping(String json) {
        try {
            return LedgerMapping.parse(json);
        } catch (LedgerMappingException e) {
            throw new InvalidInputException("mapping", e.getMessage());
        }
    }

    private static Map<String, Object> column(LedgerColumn column) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("key", column.key());
        c.put("name", column.chineseName());
        c.put("required", column.required());
        return c;
    }

    private static Map<String, Object> suggestion(LedgerSuggestions.Suggestion suggestion) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("column", suggestion.column().key());
        s.put("name", suggestion.column().chineseName());
        s.put("score", suggestion.score());
        return s;
    }

    @GetMapping({"/agencies/{code}/ledger", "/agencies/{code}/ledger.{format}"})
    @Operation(summary = "导出本机关的申请台账（xlsx 或 csv，格式与导入相同）")
    public void exportLedger(@PathVariable String code, @PathVariable(required = false) String format,
                             @RequestParam(name = "format", required = false) String formatParameter,
                             HttpServletResponse response) throws IOException {
        if (!CurrentUser.get().mayAccessAgency(code)) {
            throw new AccessDeniedException("您只能导出本机关的台账");
        }
        if (!agencies.exists(code)) {
            throw new NotFoundException("本系统中没有编码为 " + code + " 的机关");
        }
        String wanted = (format != null ? format : formatParameter != null ? formatParameter : "xlsx")
                .toLowerCase(Locale.ROOT);
        LedgerExport.Format chosen = switch (wanted) {
            case "xlsx" -> LedgerExport.Format.XLSX;
            case "csv" -> LedgerExport.Format.CSV;
            default -> throw new InvalidInputException("format", "台账格式“" + wanted + "”无效，可选：xlsx、csv");
        };
        response.setContentType(chosen == LedgerExport.Format.XLSX ? XLSX_TYPE : "text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(code + "-台账." + wanted, StandardCharsets.UTF_8).build().toString());
        ledgerExport.write(code, chosen, response.getOutputStream());
    }

    /** Importing writes history: the agency's clerks and administrators may, supervisors only read. */
    private static FoiUser requireImporter(String code) {
        FoiUser user = CurrentUser.get();
        if (user.isAdmin()) {
            return user;
        }
        if (user.role() != Role.CLERK || !user.mayAccessAgency(code)) {
            throw new AccessDeniedException("只有本机关的经办人员或系统管理员可以导入台账");
        }
        return user;
    }

    private static Map<String, Object> error(Integer row, String column, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("row", row);
        error.put("column", column);
        error.put("message", message);
        return error;
    }

    /** 422: the ledger as a whole is refused, with every error; the contract's fields beside the problem's. */
    private static ResponseEntity<ProblemDetail> rejected(int rows, List<Map<String, Object>> errors) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "ledger-invalid", "台账有误，未导入任何记录",
                "台账中有 " + errors.size() + " 处错误，全部改正后再导入；本次未保存任何记录。"
                        + (errors.isEmpty() ? "" : "第一处：" + describe(errors.get(0))));
        problem.setProperty("imported", 0);
        problem.setProperty("rows", rows);
        problem.setProperty("errors", new ArrayList<>(errors));
        return Problems.respond(problem);
    }

    private static String describe(Map<String, Object> error) {
        return (error.get("row") == null ? "" : "第 " + error.get("row") + " 行")
                + (error.get("column") == null ? "" : "“" + error.get("column") + "”列")
                + (error.get("row") == null && error.get("column") == null ? "" : "：") + error.get("message");
    }
}
