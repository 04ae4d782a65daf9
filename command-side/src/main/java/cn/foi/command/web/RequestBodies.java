package cn.foi.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The JSON bodies of the command API, as clients send them (docs/api.md). Dates are ISO dates. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public record ApplicantBody(
            @Schema(example = "自然人", description = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他，或 C1..C6")
            @NotBlank(message = "请填写申请人类型") String category,
            @Schema(example = "张三") @NotBlank(message = "请填写申请人姓名或名称") String name,
            @Schema(example = "居民身份证") String idType,
            String idNumber,
            String contact) {
    }

    public record Register(
            @Schema(example = "2025-001") @NotBlank(message = "请填写受理编号") String caseNo,
            @NotNull(message = "请填写申请人") @Valid ApplicantBody applicant,
            @Schema(example = "网络", description = "当面 邮寄 平信 网络 传真") @NotBlank(message = "请填写申请方式") String channel,
            @Schema(description = "提交日期（寄出、当面递交或网上提交之日）") LocalDate submittedOn,
            @Schema(description = "双方确认之日（平信、网络、传真）") LocalDate confirmedOn,
            @Schema(example = "2025-03-03", description = "收到申请之日（条例第三十一条）") LocalDate receivedOn,
            @Schema(example = "申请公开2024年度某项目的资金使用情况") String description,
            @Schema(example = "1") Integer items,
            @Schema(example = "电子", description = "纸质 电子 查阅") String requestedForm) {
    }

    public record CorrectRegistration(@NotNull(message = "请填写更正后的登记信息") @Valid Register registration,
                                      @NotBlank(message = "请写明更正原因") String reason) {
    }

    public record SupplementRequest(@NotNull(message = "请填写补正告知日期") LocalDate requestedOn,
                                    @NotNull(message = "请填写补正期限") LocalDate dueOn,
                                    @NotBlank(message = "请写明需要补正的事项") String items) {
    }

    public record Supplement(@NotNull(message = "请填写补正收到日期") LocalDate receivedOn) {
    }

    public record Lapse(@NotNull(message = "请填写逾期日期") LocalDate lapsedOn) {
    }

    public record Extension(@NotNull(message = "请填写延期告知日期") LocalDate extendedOn,
                            @NotNull(message = "请填写延长的工作日数") Integer workingDays,
                            String reason) {
    }

    public record Consultation(@Schema(example = "THIRD_PARTY", description = "THIRD_PARTY 或 OTHER_AGENCY")
                               @NotBlank(message = "请选择征求意见对象") String party,
                               @NotNull(message = "请填写征求意见日期") LocalDate startedOn,
                               @Schema(description = "被征求意见的单位或个人") String addressee,
                               @Schema(description = "送达日期（可选）：对方自送达之日起 15 个工作日内答复；不填则自征求意见之日起算")
                               LocalDate deliveredOn) {
    }

    public record ConsultationEnd(@NotNull(message = "请填写征求意见结束日期") LocalDate endedOn,
                                  String opinion,
                                  @Schema(description = "REPLIED（已答复，默认；15 个工作日后才答复的记为逾期后答复）或 LAPSED（逾期未答复）") String ending) {
    }

    public record FeeNotice(@NotNull(message = "请填写收费通知日期") LocalDate noticeOn,
                            @NotNull(message = "请填写收费金额") BigDecimal amount,
                            @Schema(example = "PER_REQUEST", description = "PER_REQUEST（按件）或 PER_PAGE（按量）")
                            @NotBlank(message = "请选择收费方式") String method,
                            @Schema(example = "1100.00", description = "查询“计算收费”（fee-quote）得到的金额；不填表示未计算")
                            BigDecimal quotedAmount,
                            @Schema(example = "申请人经济困难，减半收取", description = "收费金额与计算金额不同时必填（减免理由）")
                            String reductionReason) {
    }

    public record FeePayment(@NotNull(message = "请填写缴费日期") LocalDate paidOn) {
    }

    public record LaterAnswerDate(@NotNull(message = "请填写告知日期") LocalDate setOn,
                                  @NotNull(message = "请填写确定的答复期限") LocalDate answerBy,
                                  @NotBlank(message = "请写明理由") String reason) {
    }

    public record Decision(@Schema(example = "R3_1", description = "R3_1..R3_6_3 或其名称")
                           @NotBlank(message = "请选择办理结果") String outcome,
                           @NotNull(message = "请填写答复日期") LocalDate decidedOn,
                           LocalDate servedOn,
                           @Schema(description = "具体原因（其他处理·其他时必填）") String note) {
    }

    public record DecisionCorrection(@NotBlank(message = "请选择办理结果") String outcome,
                                     @NotNull(message = "请填写答复日期") LocalDate decidedOn,
                                     LocalDate servedOn,
                                     String note,
                                     @NotBlank(message = "请写明更正原因") String reason) {
    }

    /** A new answer after a reconsideration or a court corrected the answer (重新答复). */
    public record Redecision(@Schema(example = "R3_1", description = "R3_1..R3_6_3 或其名称")
                             @NotBlank(message = "请选择重新答复的办理结果") String outcome,
                             @NotNull(message = "请填写重新答复日期") LocalDate decidedOn,
                             LocalDate servedOn,
                             @Schema(description = "具体原因（其他处理·其他时必填）") String note) {
    }

    public record Withdrawal(@NotNull(message = "请填写撤回日期") LocalDate withdrawnOn, String note) {
    }

    public record AppealFiling(@NotNull(message = "请填写申请（起诉）日期") LocalDate filedOn,
                               @Schema(description = "仅行政诉讼：是否为复议后起诉") Boolean afterReconsideration) {
    }

    public record AppealResultBody(@Schema(example = "UPHELD", description = "UPHELD（维持） CORRECTED（纠正） OTHER（其他）")
                                   @NotBlank(message = "请选择结果") String result,
                                   @NotNull(message = "请填写决定（判决）日期") LocalDate decidedOn) {
    }
}
