package cn.foi.query.privacy;

import cn.foi.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The record of reads of applicants' full personal data by other agencies' supervisors: for administrators only. */
@RestController
@RequestMapping("/api/personal-data-reads")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "个人信息保护")
public class PersonalDataReadsController {

    private static final int MAX_PAGE_SIZE = 500;

    private final PersonalDataReads reads;

    public PersonalDataReadsController(PersonalDataReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "个人信息查看记录：上级机关主管查看申请人完整个人信息的记录（仅管理员；最新的在前；总数见 X-Total-Count）")
    public ResponseEntity<List<PersonalDataReads.Read>> list(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String requestId,
            @RequestParam(required = false) String agencyCode,
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
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "结束日期不能早于开始日期");
        }
        PersonalDataReads.Page result = reads.list(new PersonalDataReads.Filter(username, requestId, agencyCode, from,
                to), page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total())).body(result.items());
    }
}
