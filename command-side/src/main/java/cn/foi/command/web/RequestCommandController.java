package cn.foi.command.web;

import static cn.foi.command.web.Inputs.parse;
import static cn.foi.command.web.Inputs.required;

import cn.foi.command.request.CaseNumbers;
import cn.foi.command.request.Registration;
import cn.foi.command.request.RequestCommands;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestedForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clerk's actions on requests. Each sends one command; the aggregate decides whether the law allows it. */
@RestController
@RequestMapping("/api")
@Tag(name = "申请办理", description = "登记申请及办理过程中的每一步")
public class RequestCommandController {

    private static final String OUTCOMES = "R3_1 至 R3_6_3（" + String.join("、",
            Arrays.stream(Outcome.values()).map(Enum::name).toList()) + "），或办理结果名称（如 予以公开、属于国家秘密）";

    private final CommandGateway commands;
    private final RequestAccess access;
    private final IdGenerator ids;

    public RequestCommandController(CommandGateway commands, RequestAccess access, IdGenerator ids) {
        this.commands = commands;
        this.access = access;
        this.ids = ids;
    }

    @PostMapping("/agencies/{code}/requests")
    @Operation(summary = "登记一件新收到的政府信息公开申请")
    public ResponseEntity<Map<String, Object>> register(@PathVariable String code,
                                                        @Valid @RequestBody RequestBodies.Register body) {
        access.requireAgency(code);
        String id = ids.generateId().toString();
        commands.sendAndWait(new RequestCommands.RegisterRequest(id, code, registration(body)));
        return ResponseEntity.created(URI.create("/api/requests/" + id)).body(Map.of("id", id, "caseNo",
                CaseNumbers.normalize(body.caseNo())));
    }

    @PostMapping("/requests/{id}/registration-correction")
    @Operation(summary = "更正登记信息（须写明原因）")
    public Map<String, Object> correctRegistration(@PathVariable String id,
                                                   @Valid @RequestBody RequestBodies.CorrectRegistration body) {
        return send(id, new RequestCommands.CorrectRegistration(id, registration(body.registration()), body.reason()));
    }

    @PostMapping("/requests/{id}/supplement-request")
    @Operation(summary = "告知申请人补正（条例第三十条）")
    public Map<String, Object> requestSupplement(@PathVariable String id,
                                                 @Valid @RequestBody RequestBodies.SupplementRequest body) {
        return send(id, new RequestCommands.AskForSupplement(id, body.requestedOn(), body.dueOn(), body.items()));
    }

    @PostMapping("/requests/{id}/supplement")
    @Operation(summary = "登记收到补正，答复期限重新起算")
    public Map<String, Object> supplement(@PathVariable String id, @Valid @RequestBody RequestBodies.Supplement body) {
        return send(id, new RequestCommands.RecordSupplement(id, body.receivedOn()));
    }

    @PostMapping("/requests/{id}/supplement-lapse")
    @Operation(summary = "登记补正期限届满未补正")
    public Map<String, Object> supplementLapse(@PathVariable String id, @Valid @RequestBody RequestBodies.Lapse body) {
        return send(id, new RequestCommands.RecordSupplementLapse(id, body.lapsedOn()));
    }

    @PostMapping("/requests/{id}/extension")
    @Operation(summary = "延长答复期限（一次，最多 20 个工作日）")
    public Map<String, Object> extend(@PathVariable String id, @Valid @RequestBody RequestBodies.Extension body) {
        return send(id, new RequestCommands.ExtendAnswerPeriod(id, body.extendedOn(), body.workingDays(),
                body.reason()));
    }

    @PostMapping("/requests/{id}/consultations")
    @Operation(summary = "征求第三方或其他机关意见（答复期限暂停计算）")
    public Map<String, Object> startConsultation(@PathVariable String id,
                                                 @Valid @RequestBody RequestBodies.Consultation body) {
        ConsultedParty party = required(body.party(), "party", ConsultedParty::fromText, "THIRD_PARTY、OTHER_AGENCY",
                "征求意见对象");
        return send(id, new RequestCommands.StartConsultation(id, party, body.addressee(), body.startedOn(),
                body.deliveredOn()));
    }

    @PostMapping("/requests/{id}/consultations/{n}/end")
    @Operation(summary = "登记征求意见结束（答复或逾期）")
    public Map<String, Object> endConsultation(@PathVariable String id, @PathVariable int n,
                                               @Valid @RequestBody RequestBodies.ConsultationEnd body) {
        ConsultationEnding ending = parse(body.ending(), "ending",
                text -> Arrays.stream(ConsultationEnding.values())
                        .filter(e -> e.name().equalsIgnoreCase(text.strip()) || e.label().equals(text.strip()))
                        .findFirst(), "REPLIED、LAPSED");
        return send(id, new RequestCommands.EndConsultation(id, n, body.endedOn(), ending, body.opinion()));
    }

    @PostMapping("/requests/{id}/fee-notice")
    @Operation(summary = "发出收费通知")
    public Map<String, Object> feeNotice(@PathVariable String id, @Valid @RequestBody RequestBodies.FeeNotice body) {
        FeeMethod method = required(body.method(), "method", FeeMethod::fromText, "PER_REQUEST（按件）、PER_PAGE（按量）",
                "收费方式");
        return send(id, new RequestCommands.IssueFeeNotice(id, body.noticeOn(), body.amount(), method, false,
                body.quotedAmount(), body.reductionReason()));
    }

    @PostMapping("/requests/{id}/fee-payment")
    @Operation(summary = "登记缴费")
    public Map<String, Object> feePayment(@PathVariable String id, @Valid @RequestBody RequestBodies.FeePayment body) {
        return send(id, new RequestCommands.RecordFeePayment(id, body.paidOn()));
    }

    @PostMapping("/requests/{id}/fee-lapse")
    @Operation(summary = "登记逾期未缴费")
    public Map<String, Object> feeLapse(@PathVariable String id, @Valid @RequestBody RequestBodies.Lapse body) {
        return send(id, new RequestCommands.RecordFeeLapse(id, body.lapsedOn()));
    }

    @PostMapping("/requests/{id}/later-answer-date")
    @Operation(summary = "依条例第三十五条确定延后的答复期限")
    public Map<String, Object> laterAnswerDate(@PathVariable String id,
                                               @Valid @RequestBody RequestBodies.LaterAnswerDate body) {
        return send(id, new RequestCommands.SetLaterAnswerDate(id, body.setOn(), body.answerBy(), body.reason()));
    }

    @PostMapping("/requests/{id}/decision")
    @Operation(summary = "作出答复（办理结果）")
    public Map<String, Object> decide(@PathVariable String id, @Valid @RequestBody RequestBodies.Decision body) {
        Outcome outcome = required(body.outcome(), "outcome", Outcome::fromText, OUTCOMES, "办理结果");
        return send(id, new RequestCommands.DecideRequest(id, outcome, body.decidedOn(), body.servedOn(), body.note()));
    }

    @PostMapping("/requests/{id}/decision-correction")
    @Operation(summary = "更正答复（须写明原因）")
    public Map<String, Object> correctDecision(@PathVariable String id,
                                               @Valid @RequestBody RequestBodies.DecisionCorrection body) {
        Outcome outcome = required(body.outcome(), "outcome", Outcome::fromText, OUTCOMES, "办理结果");
        return send(id, new RequestCommands.CorrectDecision(id, outcome, body.decidedOn(), body.servedOn(),
                body.note(), body.reason()));
    }

    @PostMapping("/requests/{id}/redecision")
    @Operation(summary = "重新答复（行政复议或行政诉讼结果为纠正后）",
            description = "不改变首次办结的年度和办理结果栏目；如原答复登记有误，请使用更正答复")
    public Map<String, Object> redecide(@PathVariable String id, @Valid @RequestBody RequestBodies.Redecision body) {
        Outcome outcome = required(body.outcome(), "outcome", Outcome::fromText, OUTCOMES, "办理结果");
        return send(id, new RequestCommands.RedecideRequest(id, outcome, body.decidedOn(), body.servedOn(),
                body.note()));
    }

    @PostMapping("/requests/{id}/withdrawal")
    @Operation(summary = "登记申请人撤回申请")
    public Map<String, Object> withdraw(@PathVariable String id, @Valid @RequestBody RequestBodies.Withdrawal body) {
        return send(id, new RequestCommands.WithdrawRequest(id, body.withdrawnOn(), body.note()));
    }

    @PostMapping("/requests/{id}/reconsiderations")
    @Operation(summary = "登记行政复议申请")
    public Map<String, Object> fileReconsideration(@PathVariable String id,
                                                   @Valid @RequestBody RequestBodies.AppealFiling body) {
        return send(id, new RequestCommands.FileReconsideration(id, body.filedOn()));
    }

    @PostMapping("/requests/{id}/reconsiderations/{n}/result")
    @Operation(summary = "登记行政复议决定")
    public Map<String, Object> decideReconsideration(@PathVariable String id, @PathVariable int n,
                                                     @Valid @RequestBody RequestBodies.AppealResultBody body) {
        return send(id, new RequestCommands.DecideReconsideration(id, n, appealResult(body), body.decidedOn()));
    }

    @PostMapping("/requests/{id}/lawsuits")
    @Operation(summary = "登记行政诉讼（直接起诉或复议后起诉）")
    public Map<String, Object> fileLawsuit(@PathVariable String id,
                                           @Valid @RequestBody RequestBodies.AppealFiling body) {
        return send(id, new RequestCommands.FileLawsuit(id, body.filedOn(),
                Boolean.TRUE.equals(body.afterReconsideration())));
    }

    @PostMapping("/requests/{id}/lawsuits/{n}/result")
    @Operation(summary = "登记行政诉讼判决")
    public Map<String, Object> decideLawsuit(@PathVariable String id, @PathVariable int n,
                                             @Valid @RequestBody RequestBodies.AppealResultBody body) {
        return send(id, new RequestCommands.DecideLawsuit(id, n, appealResult(body), body.decidedOn()));
    }

    private Map<String, Object> send(String requestId, Object command) {
        access.requireRequest(requestId);
        Object result = commands.sendAndWait(command);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", requestId);
        if (result instanceof Integer number) {
            response.put("no", number);
        }
        return response;
    }

    private static AppealResult appealResult(RequestBodies.AppealResultBody body) {
        return required(body.result(), "result", AppealResult::fromText, "UPHELD（维持）、CORRECTED（纠正）、OTHER（其他）",
                "结果");
    }

    private static Registration registration(RequestBodies.Register body) {
        RequestBodies.ApplicantBody a = body.applicant();
        ApplicantCategory category = required(a.category(), "applicant.category", ApplicantCategory::fromText,
                ApplicantCategory.allowedValues() + "（或 C1..C6）", "申请人类型");
        Channel channel = required(body.channel(), "channel", Channel::fromText, Channel.allowedValues(), "申请方式");
        RequestedForm form = parse(body.requestedForm(), "requestedForm", RequestedForm::fromText,
                RequestedForm.allowedValues());
        return new Registration(body.caseNo(), new Applicant(category, a.name().strip(), blankToNull(a.idType()),
                blankToNull(a.idNumber()), blankToNull(a.contact())), channel, body.submittedOn(), body.confirmedOn(),
                body.receivedOn(), body.description(), Optional.ofNullable(body.items()).orElse(1), form);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
