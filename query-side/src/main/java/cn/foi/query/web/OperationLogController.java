package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.platform.FoiPlatformConfiguration;
import cn.foi.platform.limits.TextField;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.security.Usernames;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.query.audit.OperationLog;
import cn.foi.query.directory.DirectoryProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operation log (操作日志): administrators read everybody's; a supervisor reads what was done on the requests of
 * their agency and those under it, and the sign-ins of those agencies' users (the same reach as their reading of the
 * requests themselves). Clerks do not read it.
 */
@RestController
@Tag(name = "系统管理")
public class OperationLogController {

    static final int MAX_PAGE_SIZE = 200;
    /** The export is streamed, but a year is the most an office asks for at once. */
    static final int MAX_EXPORT_ROWS = 200_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(FoiPlatformConfiguration.OFFICE_ZONE);

    private final OperationLog log;
    private final DirectoryProjection directory;
    private final ReadAccess access;
    private final Clock clock;

    public OperationLogController(OperationLog log, DirectoryProjection directory, ReadAccess access, Clock clock) {
        this.log = log;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/audit")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Operation(summary = "操作日志：谁在何时做了什么（办理步骤及其业务日期、所涉申请，登录），最新的在前；"
            + "管理员看全部，主管看本机关及下级机关（agency 含其下级机关；from、to 为记录日期，默认最近 30 天；总数见 X-Total-Count）")
    public ResponseEntity<List<OperationLog.Entry>> audit(
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 至 " + MAX_PAGE_SIZE + " 之间");
        }
        if ((long) (page + 1) * size > MAX_EXPORT_ROWS) {
            throw new InvalidInputException("page", "页码过大：请缩小日期范围或按用户、机关筛选");
        }
        OperationLog.Page found = log.page(filter(agency, user, from, to), page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(found.items());
    }

    @GetMapping("/api/audit.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Operation(summary = "导出操作日志（XLSX，与列表相同的筛选条件）")
    public void export(@RequestParam(required = false) String agency,
                       @RequestParam(required = false) String user,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       HttpServletResponse response) throws IOException {
        OperationLog.Filter filter = filter(agency, user, from, to);
        List<OperationLog.Entry> entries = log.page(filter, 0, MAX_EXPORT_ROWS).items();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("操作日志_" + filter.from() + "_" + filter.to() + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)
                .build().toString());
        // Streaming: only a window of rows is in memory however long the log.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
            Sheet sheet = workbook.createSheet("操作日志");
            String[] headers = {"记录时间", "用户", "操作", "业务日期", "机关", "受理编号"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            int n = 1;
            for (OperationLog.Entry entry : entries) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(TIME.format(entry.at()));
                row.createCell(1).setCellValue(entry.username() == null ? "" : entry.username());
                row.createCell(2).setCellValue(entry.action());
                row.createCell(3).setCellValue(entry.businessDate() == null ? "" : entry.businessDate().toString());
                row.createCell(4).setCellValue(entry.agencyCode() == null ? ""
                        : directory.agency(entry.agencyCode()).map(a -> a.name() + "（" + a.code() + "）")
                        .orElse(entry.agencyCode()));
                row.createCell(5).setCellValue(entry.caseNo() == null ? "" : entry.caseNo());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** The filter the signed-in user may ask for: refused (403) beyond their reach, 400 for a bad value. */
    private OperationLog.Filter filter(String agency, String user, LocalDate from, LocalDate to) {
        FoiUser me = CurrentUser.get();
        LocalDate today = LocalDate.now(clock.withZone(FoiPlatformConfiguration.OFFICE_ZONE));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        if (end.isBefore(start)) {
            throw new InvalidInputException("to", "结束日期不能早于开始日期");
        }
        String name = null;
        if (user != null && !user.isBlank()) {
            TextField.USERNAME.fault(user).ifPresent(fault -> {
                throw new InvalidInputException("user", fault.message());
            });
            name = Usernames.canonical(user.strip());
        }
        String code = agency == null || agency.isBlank() ? null : agency.strip();
        if (code != null) {
            TextField.AGENCY_CODE.fault(code).ifPresent(fault -> {
                throw new InvalidInputException("agency", fault.message());
            });
        }
        if (code == null && me.role() == Role.SUPERVISOR) {
            code = me.agencyCode();
        }
        if (code != null && !access.oversees(me, code)) {
            throw new AccessDeniedException("您只能查看本机关及下级机关的操作日志");
        }
        Collection<String> agencies = code == null ? null : directory.subtree(code);
        Collection<String> usernames = null;
        if (agencies != null) {
            Set<String> within = new HashSet<>(agencies);
            usernames = directory.users().stream().filter(u -> u.agencyCode() != null && within.contains(u.agencyCode()))
                    .map(DirectoryProjection.UserRow::username).toList();
        }
        return new OperationLog.Filter(agencies, usernames, name, start, end);
    }
}
