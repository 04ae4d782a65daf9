package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import cn.foi.platform.fees.FeePolicy;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.limits.TextField;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.directory.DirectoryProjection;
import cn.foi.query.privacy.PersonalDataReads;
import cn.foi.query.request.AllowedActions;
import cn.foi.query.request.RequestQueries;
import cn.foi.query.request.RequestView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading requests: one with its timeline, or an agency's list with filters and paging. */
@RestController
@RequestMapping("/api")
@Tag(name = "申请查询")
public class RequestQueryController {

    private static final int MAX_PAGE_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(RequestQueryController.class);

    /** The value of {@code reveal} that asks for the applicant's full personal data. */
    static final String REVEAL_PERSONAL = "personal";

    private final RequestQueries queries;
    private final ReadAccess access;
    private final PersonalDataReads reads;
    private final DirectoryProjection directory;
    private final Clock clock;
    private final AgencyCalendars calendars;

    public RequestQueryController(RequestQueries queries, ReadAccess access, PersonalDataReads reads,
                                  DirectoryProjection directory, Clock clock, AgencyCalendars calendars) {
        this.queries = queries;
        this.access = access;
        this.reads = reads;
        this.directory = directory;
        this.clock = clock;
        this.calendars = calendars;
    }

    /**
     * One request. The users of its own agency see the applicant's ID number and contact in full: it is their case
     * file. Anyone else who may read it (a supervisor of a parent agency, an administrator) sees them masked; a
     * supervisor of a parent agency may ask for them in full with {@code reveal=personal}, and each such read is
     * recorded (ADR 0013).
     */
    @GetMapping("/requests/{id}")
    @Operation(summary = "一件申请的详情、答复期限及办理过程（申请人证件号码、联系方式仅向本机关用户完整显示；"
            + "上级机关主管可用 reveal=personal 查看完整信息，每次查看均被记录）")
    public RequestDetail request(
            @PathVariable String id,
            @Parameter(description = "personal：查看申请人的完整个人信息（仅上级机关主管；查看将被记录）")
            @RequestParam(required = false) String reveal,
            HttpServletRequest http) {
        boolean revealPersonal = reveal != null && !reveal.isBlank();
        if (revealPersonal && !REVEAL_PERSONAL.equals(reveal.strip())) {
            throw new InvalidInputException("reveal", "参数 reveal 无效：查看完整个人信息请用 reveal=" + REVEAL_PERSONAL);
        }
        FoiUser user = CurrentUser.get();
        RequestView view = queries.find(id)
                .filter(found -> access.mayRead(user, found.agencyCode()))
                .orElseThrow(RequestQueryController::requestNotFound);
        // The steps offered are those of a user who may act on the agency's requests (RequestAccess on the command side).
        List<AllowedActions.Action> allowed = user.mayAccessAgency(view.agencyCode())
                ? AllowedActions.of(view, LocalDate.now(clock), calendars.forAgency(view.agencyCode())) : List.of();
        if (view.agencyCode().equals(user.agencyCode())) {
            return new RequestDetail(view, allowed);
        }
        if (!revealPersonal) {
            return new RequestDetail(view.withPersonalDataMasked(), allowed);
        }
        if (user.role() != Role.SUPERVISOR) {
            throw new AccessDeniedException("只有本机关用户和上级机关主管可以查看申请人的完整个人信息");
        }
        reads.record(user, view.id(), view.agencyCode(), view.caseNo(), http.getRemoteAddr());
        log.info("{} of agency {} read the applicant's full personal data of request {} (recorded)", user.username(),
                user.agencyCode(), view.id());
        return new RequestDetail(view, allowed);
    }

    /**
     * The request's detail: the view's fields, and {@code allowedActions}, the steps the command side would accept now
     * from this user ({@link AllowedActions}; empty for a user who may only read the request).
     */
    public record RequestDetail(@JsonUnwrapped RequestView view, List<AllowedActions.Action> allowedActions) {
    }

    /** Unknown and not readable look the same, so that a request's existence is not told to another agency. */
    private static NotFoundException requestNotFound() {
        return new NotFoundException("未找到该申请：它不存在，或不属于您的机关");
    }

    /** The fee the clerk may charge, with the reckoning, as 国办函〔2020〕109号 sets it. */
    public record FeeQuote(String method, String methodLabel, BigDecimal amount, String explanation) {
    }

    @GetMapping("/requests/{id}/fee-quote")
    @Operation(summary = "按国办函〔2020〕109号计算信息处理费：按量（PER_PAGE，须填页数 pages）或按件（PER_REQUEST，按该申请人本月向本机关提出的申请件数）")
    public FeeQuote feeQuote(@PathVariable String id, @RequestParam String method,
                             @RequestParam(required = false) Integer pages) {
        FeeMethod chosen = FeeMethod.fromText(method)
                .orElseThrow(() -> new InvalidInputException("method", "收费方式“" + method
                        + "”无效，可选值：PER_PAGE（按量）、PER_REQUEST（按件）"));
        // The same 404 as the request itself for a request the user may not read; only its agency is looked up.
        FoiUser user = CurrentUser.get();
        queries.agencyOf(id).filter(agency -> access.mayRead(user, agency))
                .orElseThrow(RequestQueryController::requestNotFound);
        FeePolicy.Quote quote;
        if (chosen == FeeMethod.PER_PAGE) {
            if (pages == null) {
                throw new InvalidInputException("pages", "按量收费请填写页数（pages）");
            }
            if (pages < 0 || pages > FeePolicy.MAX_PAGES) {
                throw new InvalidInputException("pages", "页数须在 0 至 " + FeePolicy.MAX_PAGES + " 之间");
            }
            quote = FeePolicy.perPage(pages);
        } else {
            quote = FeePolicy.perRequest(Math.max(1, queries.placeInApplicantsMonth(id)));
        }
        return new FeeQuote(chosen.name(), chosen.label(), quote.amount(), quote.explanation());
    }

    /** The longest search text: a name or a phrase of the content, not a document. */
    static final int MAX_SEARCH_LENGTH = 100;
    /** The farthest look ahead of {@code dueWithin}: a period of the law is at most 40 working days. */
    static final int MAX_DUE_WITHIN = 100;

    @GetMapping("/agencies/{code}/requests")
    @Operation(summary = "机关的申请列表，主管可查看下级机关（可按编号、状态、申请人类型、日期、承办人、答复期限等筛选，"
            + "按收到日期、答复期限、剩余工作日排序，按申请人或申请内容搜索；总数见 X-Total-Count；"
            + "申请人证件号码、联系方式均脱敏显示）")
    public ResponseEntity<List<RequestView>> requests(
            @PathVariable String code,
            @RequestParam(required = false) String caseNo,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @RequestParam(required = false) String applicant,
            @RequestParam(required = false) Boolean open,
            @ParameterObject ListParameters list,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 至 " + MAX_PAGE_SIZE + " 之间");
        }
        RequestQueries.Filter filter = filter(caseNo, status, category, channel, outcome, receivedFrom, receivedTo,
                applicant, open);
        RequestQueries.Page result = queries.list(filter, refinement(code, list), page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total())).body(result.items());
    }

    /**
     * Written on the request's own thread, straight to the response: an asynchronous body would meet the server's
     * asynchronous timeout on a long export, and the rows stream from a cursor through SXSSF anyway.
     */
    @GetMapping(value = "/agencies/{code}/requests.xlsx", produces = RequestListWorkbook.CONTENT_TYPE)
    @Operation(summary = "导出申请列表（Excel），筛选、排序与申请列表相同；申请人证件号码、联系方式均脱敏")
    public void export(
            @PathVariable String code,
            @RequestParam(required = false) String caseNo,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @RequestParam(required = false) String applicant,
            @RequestParam(required = false) Boolean open,
            @ParameterObject ListParameters list,
            HttpServletResponse response) throws IOException {
        RequestQueries.Filter filter = filter(caseNo, status, category, channel, outcome, receivedFrom, receivedTo,
                applicant, open);
        RequestQueries.Refinement refinement = refinement(code, list);
        String fileName = "申请列表-" + code + "-" + LocalDate.now(clock) + ".xlsx";
        response.setContentType(RequestListWorkbook.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        RequestListWorkbook.write(response.getOutputStream(), consumer -> queries.forEach(filter, refinement, consumer));
    }

    /**
     * The list's work-management parameters (the sort, the handler, the deadlines, the search). Bound as strings so
     * that every bad value gets a message naming its parameter.
     */
    public record ListParameters(
            @Parameter(description = "排序：receivedOn（收到日期，默认）、dueDate（答复期限）、workingDaysLeft（剩余工作日）")
            String sort,
            @Parameter(description = "排序方向：asc（升序）或 desc（降序）；默认收到日期降序，答复期限、剩余工作日升序")
            String direction,
            @Parameter(description = "承办人的用户名；me 为当前用户，none 为未指定承办人") String handler,
            @Parameter(description = "未办结且在 N 个工作日内（含今日）到期的申请，N 为 0 至 100") String dueWithin,
            @Parameter(description = "true：已逾期未答复的申请；false：其余申请") String overdue,
            @Parameter(description = "true：因补正、征求意见或缴费而暂停计时的申请；false：其余申请") String paused,
            @Parameter(description = "收到申请的年份") String year,
            @Parameter(description = "true：包括下级机关的申请（主管）") String includeSubordinates,
            @Parameter(description = "在申请人姓名（名称）和申请内容中搜索的文字，最多 100 个字符") String q) {
    }

    private RequestQueries.Filter filter(String caseNo, String status, String category, String channel,
                                         String outcome, LocalDate receivedFrom, LocalDate receivedTo,
                                         String applicant, Boolean open) {
        if (status != null && !status.isBlank() && !RequestQueries.statusLabels().containsKey(status)) {
            throw new InvalidInputException("status", "状态“" + status + "”无效，可选值："
                    + String.join("、", RequestQueries.statusLabels().keySet()));
        }
        return new RequestQueries.Filter(caseNo, status,
                parse(category, "category", ApplicantCategory::fromText),
                parse(channel, "channel", Channel::fromText),
                parse(outcome, "outcome", Outcome::fromText),
                receivedFrom, receivedTo, applicant, open);
    }

    private RequestQueries.Refinement refinement(String code, ListParameters p) {
        FoiUser user = CurrentUser.get();
        if (!access.mayRead(user, code)) {
            throw new AccessDeniedException("您只能查看本机关（主管：本机关及下级机关）的申请");
        }
        RequestQueries.Sort sort = blank(p.sort()) ? RequestQueries.Sort.RECEIVED_ON
                : RequestQueries.Sort.fromKey(p.sort().strip()).orElseThrow(() -> new InvalidInputException("sort",
                "排序方式“" + p.sort() + "”无效，可选值：" + RequestQueries.Sort.allowedValues()));
        boolean ascending;
        if (blank(p.direction())) {
            ascending = sort != RequestQueries.Sort.RECEIVED_ON; // the nearest deadline first, the newest receipt first
        } else if (p.direction().strip().equalsIgnoreCase("asc")) {
            ascending = true;
        } else if (p.direction().strip().equalsIgnoreCase("desc")) {
            ascending = false;
        } else {
            throw new InvalidInputException("direction", "排序方向“" + p.direction() + "”无效，可选值：asc（升序）、desc（降序）");
        }
        String handler = null;
        if (!blank(p.handler())) {
            handler = p.handler().strip();
            if (handler.equals("me")) {
                handler = user.username();
            } else if (TextField.USERNAME.fault(handler).isPresent()) {
                throw new InvalidInputException("handler", "承办人（handler）须为用户名、me（我的）或 none（未指定），"
                        + "最多 " + TextField.USERNAME.maxLength() + " 个字符，不能含控制字符");
            }
        }
        Integer dueWithin = integer(p.dueWithin(), "dueWithin", "到期工作日数", 0, MAX_DUE_WITHIN);
        Integer year = integer(p.year(), "year", "年份", 2008, 2100);
        Boolean overdue = bool(p.overdue(), "overdue", "是否逾期");
        Boolean paused = bool(p.paused(), "paused", "是否暂停计时");
        Boolean subordinates = bool(p.includeSubordinates(), "includeSubordinates", "是否包括下级机关");
        String search = blank(p.q()) ? null : p.q().strip();
        if (search != null && (search.codePointCount(0, search.length()) > MAX_SEARCH_LENGTH
                || search.codePoints().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("q", "搜索文字（q）最多 " + MAX_SEARCH_LENGTH + " 个字符，且不能含控制字符");
        }
        // A supervisor's subtree as the agency-tree access rules allow it. A clerk oversees nothing: their list stays
        // their own agency's, whatever they ask.
        // Whoever oversees the agency (its supervisor's or an ancestor's, an administrator) oversees its whole subtree.
        List<String> agencies = Boolean.TRUE.equals(subordinates) && access.oversees(user, code)
                ? directory.subtree(code) : List.of(code);
        if (!agencies.contains(code)) {
            agencies = List.of(code);
        }
        return new RequestQueries.Refinement(agencies, handler, dueWithin, overdue, paused, year, search, sort,
                ascending);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Integer integer(String text, String field, String label, int min, int max) {
        if (blank(text)) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message
        }
        throw new InvalidInputException(field, label + "（" + field + "）须为 " + min + " 至 " + max + " 之间的整数，现为“"
                + text + "”");
    }

    private static Boolean bool(String text, String field, String label) {
        if (blank(text)) {
            return null;
        }
        return switch (text.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(field, label + "（" + field + "）须为 true 或 false，现为“" + text
                    + "”");
        };
    }

    private static <T> T parse(String text, String field, Function<String, Optional<T>> reader) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return reader.apply(text).orElseThrow(() -> new InvalidInputException(field, "参数 " + field + " 的值“" + text
                + "”无效"));
    }
}
