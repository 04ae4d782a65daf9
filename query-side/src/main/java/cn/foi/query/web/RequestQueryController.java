package cn.foi.query.web;

import cn.foi.events.access.Role;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import cn.foi.platform.fees.FeePolicy;
import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.privacy.PersonalDataReads;
import cn.foi.query.requests.RequestQueries;
import cn.foi.query.requests.RequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
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

    public RequestQueryController(RequestQueries queries, ReadAccess access, PersonalDataReads reads) {
        this.queries = queries;
        this.access = access;
        this.reads = reads;
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
    public RequestView request(
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
        if (view.agencyCode().equals(user.agencyCode())) {
            return view;
        }
        if (!revealPersonal) {
            return view.withPersonalDataMasked();
        }
        if (user.role() != Role.SUPERVISOR) {
            throw new AccessDeniedException("只有本机关用户和上级机关主管可以查看申请人的完整个人信息");
        }
        reads.record(user, view.id(), view.agencyCode(), view.caseNo(), http.getRemoteAddr());
        log.info("{} of agency {} read the applicant's full personal data of request {} (recorded)", user.username(),
                user.agencyCode(), view.id());
        return view;
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

    @GetMapping("/agencies/{code}/requests")
    @Operation(summary = "机关的申请列表，主管可查看下级机关（可按编号、状态、申请人类型、日期等筛选；总数见 X-Total-Count；"
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
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!access.mayRead(CurrentUser.get(), code)) {
            throw new AccessDeniedException("您只能查看本机关（主管：本机关及下级机关）的申请");
        }
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 至 " + MAX_PAGE_SIZE + " 之间");
        }
        if (status != null && !status.isBlank() && !RequestQueries.statusLabels().containsKey(status)) {
            throw new InvalidInputException("status", "状态“" + status + "”无效，可选值："
                    + String.join("、", RequestQueries.statusLabels().keySet()));
        }
        RequestQueries.Filter filter = new RequestQueries.Filter(caseNo, status,
                parse(category, "category", ApplicantCategory::fromText),
                parse(channel, "channel", Channel::fromText),
                parse(outcome, "outcome", Outcome::fromText),
                receivedFrom, receivedTo, applicant, open);
        RequestQueries.Page result = queries.list(code, filter, page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total())).body(result.items());
    }

    private static <T> T parse(String text, String field, Function<String, Optional<T>> reader) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return reader.apply(text).orElseThrow(() -> new InvalidInputException(field, "参数 " + field + " 的值“" + text
                + "”无效"));
    }
}
