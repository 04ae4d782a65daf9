package cn.foi.query.web;

import cn.foi.events.report.ReportTemplates;
import cn.foi.events.report.Table3Rows;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestedForm;
import cn.foi.query.deadline.DeadlineState;
import cn.foi.query.request.Flag;
import cn.foi.query.request.PauseReason;
import cn.foi.query.request.RequestQueries;
import cn.foi.query.report.documents.ReportLayout;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The words of the system as the web UI shows them, said once: every key the API takes or gives with its label, taken
 * from the enums of the event contract and the query side and from the report layout (docs/api.md "术语"). The UI
 * fetches this once per session and renders from it, so a label changed here changes everywhere (ADR 0029).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "术语")
public class TermsController {

    /** A key and its label. */
    public record Term(String key, String label) {
    }

    /**
     * A closed request's outcome: its Table 三 row key, the outcome's label (属于国家秘密), the group heading it is
     * counted under (（三）不予公开) and the template's row wording (1.属于国家秘密).
     */
    public record OutcomeTerm(String key, String label, String fullLabel, String group, String row) {
    }

    /** A Table 三 row of either template: its key, the template's wording and the group heading it sits under. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Table3Row(String key, String label, String group) {
    }

    public record Terms(List<OutcomeTerm> outcomes, List<Table3Row> table3Rows,
                        List<Term> applicantCategories, List<Term> channels, List<Term> requestedForms,
                        List<Term> requestStatuses, List<Term> pauseReasons, List<Term> deadlineStates,
                        List<Term> flags, List<Term> appealKinds, List<Term> appealResults,
                        List<Term> consultedParties, List<Term> consultationEndings, List<Term> feeMethods) {
    }

    private static final Terms TERMS = new Terms(
            Arrays.stream(Outcome.values()).map(o -> new OutcomeTerm(o.name(), o.label(), o.fullLabel(), o.group(),
                    ReportLayout.table3Label(o.name()))).toList(),
            table3Rows(),
            terms(ApplicantCategory.values(), ApplicantCategory::label),
            terms(Channel.values(), Channel::label),
            terms(RequestedForm.values(), RequestedForm::label),
            RequestQueries.statusLabels().entrySet().stream().map(e -> new Term(e.getKey(), e.getValue())).toList(),
            terms(PauseReason.values(), PauseReason::label),
            terms(DeadlineState.values(), DeadlineState::label),
            terms(Flag.Code.values(), Flag.Code::label),
            terms(AppealKind.values(), AppealKind::label),
            terms(AppealResult.values(), AppealResult::label),
            terms(ConsultedParty.values(), ConsultedParty::label),
            terms(ConsultationEnding.values(), ConsultationEnding::label),
            terms(FeeMethod.values(), FeeMethod::label));

    @GetMapping("/terms")
    @Operation(summary = "界面使用的术语：办理结果（表三栏目）、申请人类型、申请方式、状态、期限状态、提示、复议诉讼结果等的代码和名称")
    public ResponseEntity<Terms> terms() {
        // The same for everyone and changed only by a new release: a browser may keep it for the session's hour.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate()).body(TERMS);
    }

    private static <E extends Enum<E>> List<Term> terms(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(value -> new Term(value.name(), label.apply(value))).toList();
    }

    /** The rows of both templates in their order: the 2021 template's, with the 2019 template's R3_6 before R3_6_1. */
    private static List<Table3Row> table3Rows() {
        List<String> keys = new ArrayList<>(Table3Rows.of(ReportTemplates.T2021));
        keys.add(keys.indexOf("R3_6_1"), "R3_6");
        return keys.stream().map(key -> new Table3Row(key, ReportLayout.table3Label(key),
                key.equals("R3_6") ? null : ReportLayout.table3GroupLabel(key))).toList();
    }
}
