package cn.foi.command.web;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.ledger.LedgerExport;
import cn.foi.command.ledger.LedgerFileException;
import cn.foi.command.ledger.LedgerImport;
import cn.foi.events.access.Role;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
    private final LedgerExport ledgerExport;
    private final AgencyDirectory agencies;

    public LedgerController(LedgerImport ledgerImport, LedgerExport ledgerExport, AgencyDirectory agencies) {
        this.ledgerImport = ledgerImport;
        this.ledgerExport = ledgerExport;
        this.agencies = agencies;
    }

    @PostMapping("/agencies/{code}/ledger")
    @Operation(summary = "导入台账（multipart/form-data，字段 file：CSV 或 .xlsx）。dryRun=true 只检查不保存；"
            + "有任何错误时返回 422 及全部错误，不保存任何记录")
    public ResponseEntity<?> importLedger(@PathVariable String code,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(name = "file", required = false) MultipartFile file) {
        FoiUser user = requireImporter(code);
        if (file == null) {
            throw new InvalidInputException("file", "请以 multipart/form-data 上传台账文件，字段名为 file");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "上传的台账文件是空的");
        }
        LedgerImport.Result result;
        try {
            result = ledgerImport.run(code, file, dryRun, user.username());
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
        return ResponseEntity.ok(body);
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
