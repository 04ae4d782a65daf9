package cn.foi.query.request;

import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentRemoved;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.FeePaymentDeadlinePassed;
import cn.foi.events.request.LaterAnswerDateSet;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestEvent;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.RequestLinkedToEarlier;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementDeadlinePassed;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import java.time.LocalDate;

/** How an event reads in a request's timeline: a title, a sentence, and the business date it happened on. */
record TimelineEntry(String title, String detail, LocalDate businessDate) {

    /** How a fee notice without an amount (imported from a ledger that did not record one) is shown. */
    static final String FEE_AMOUNT_NOT_RECORDED = "金额未记录";

    static TimelineEntry of(RequestEvent event) {
        if (event instanceof RequestReceived e) {
            return new TimelineEntry("收到申请", "受理编号 " + e.caseNo() + "，申请人 " + e.applicant().name() + "（"
                    + e.applicant().category().label() + "），" + e.channel().label() + "提交", e.receivedOn());
        } else if (event instanceof RegistrationCorrected e) {
            return new TimelineEntry("更正登记", "原因：" + e.reason(), e.receivedOn());
        } else if (event instanceof AnswerDueDateChanged e) {
            return new TimelineEntry("答复期限", e.reason().label() + "：答复期限为 " + e.dueOn() + "（" + e.explanation()
                    + "）", null);
        } else if (event instanceof AnswerClockPaused e) {
            return new TimelineEntry("暂停计算", ("FEE".equals(e.cause()) ? "收费通知至缴费期间" : "征求意见期间")
                    + "不计入答复期限，答复期限暂停计算", e.pausedOn());
        } else if (event instanceof AnswerClockResumed e) {
            return new TimelineEntry("恢复计算", "暂停期间（" + e.pausedOn() + " 至 " + e.resumedOn() + "）共 "
                    + e.standstillWorkingDays() + " 个工作日，答复期限相应顺延", e.resumedOn());
        } else if (event instanceof SupplementRequested e) {
            return new TimelineEntry("告知补正", "第 " + e.round() + " 次补正，补正期限 " + e.dueOn() + "；需补正：" + e.items()
                    + (e.noticeLate() ? "（告知晚于收到申请后 7 个工作日）" : "")
                    + (e.round() > 1 ? "（补正应一次性告知，此为第 " + e.round() + " 次）" : ""), e.requestedOn());
        } else if (event instanceof SupplementReceived e) {
            return new TimelineEntry("收到补正", "答复期限自收到补正之日重新计算", e.receivedOn());
        } else if (event instanceof SupplementLapseRecorded e) {
            return new TimelineEntry("逾期未补正", "补正期限届满，申请人未补正", e.lapsedOn());
        } else if (event instanceof AnswerPeriodExtended e) {
            return new TimelineEntry("延长答复期限", "延长 " + e.workingDays() + " 个工作日"
                    + (e.reason().isEmpty() ? "" : "；理由：" + e.reason()), e.extendedOn());
        } else if (event instanceof ConsultationStarted e) {
            return new TimelineEntry("征求意见", "第 " + e.consultationNo() + " 次，征求" + e.party().label() + "意见"
                    + (e.addressee().isEmpty() ? "" : "（" + e.addressee() + "）")
                    + (e.deliveredOn() == null ? "" : "，" + e.deliveredOn() + " 送达"), e.startedOn());
        } else if (event instanceof ConsultationEnded e) {
            return new TimelineEntry("征求意见结束", "第 " + e.consultationNo() + " 次，" + e.ending().label()
                    + (e.opinion().isEmpty() ? "" : "：" + e.opinion()), e.endedOn());
        } else if (event instanceof FeeNoticeIssued e) {
            // A notice imported from a ledger may have no amount: say so rather than show a number.
            return new TimelineEntry("收费通知", e.method().label() + "收取信息处理费"
                    + (e.hasAmount() ? " " + e.amount().toPlainString() + " 元" : "，" + FEE_AMOUNT_NOT_RECORDED)
                    + (e.differsFromQuote() ? "（按标准计算 " + e.quotedAmount().toPlainString() + " 元；减免理由："
                            + e.reductionReason() + "）" : ""),
                    e.noticeOn());
        } else if (event instanceof FeePaid e) {
            return new TimelineEntry("缴费", "申请人已缴纳信息处理费", e.paidOn());
        } else if (event instanceof FeeLapseRecorded e) {
            return new TimelineEntry("逾期未缴费", "缴费期限届满，申请人未缴费", e.lapsedOn());
        } else if (event instanceof LaterAnswerDateSet e) {
            return new TimelineEntry("确定答复期限", "依条例第三十五条，答复期限确定为 " + e.answerBy() + "；理由：" + e.reason(),
                    e.setOn());
        } else if (event instanceof RequestDecided e) {
            return new TimelineEntry("作出答复", "办理结果：" + e.outcome().fullLabel()
                    + (e.note().isEmpty() ? "" : "（" + e.note() + "）")
                    + (e.servedOn() == null ? "" : "，" + e.servedOn() + " 送达"), e.decidedOn());
        } else if (event instanceof DecisionCorrected e) {
            return new TimelineEntry("更正答复", "办理结果更正为：" + e.outcome().fullLabel() + "，答复日期 " + e.decidedOn()
                    + "；原因：" + e.reason(), e.decidedOn());
        } else if (event instanceof RequestRedecided e) {
            return new TimelineEntry("重新答复", "重新答复：" + e.outcome().fullLabel()
                    + (e.note().isEmpty() ? "" : "（" + e.note() + "）")
                    + (e.servedOn() == null ? "" : "，" + e.servedOn() + " 送达")
                    + "（根据第 " + e.appealNo() + " 件" + e.orderedBy().label() + "的纠正结果；首次办结的年度和办理结果不变）",
                    e.decidedOn());
        } else if (event instanceof RequestWithdrawn e) {
            return new TimelineEntry("申请人撤回", e.note().isEmpty() ? "申请人撤回申请" : "申请人撤回申请：" + e.note(),
                    e.withdrawnOn());
        } else if (event instanceof ReconsiderationFiled e) {
            return new TimelineEntry("行政复议", "第 " + e.reconsiderationNo() + " 件行政复议申请", e.filedOn());
        } else if (event instanceof ReconsiderationDecided e) {
            return new TimelineEntry("行政复议决定", "第 " + e.reconsiderationNo() + " 件行政复议：" + e.result().label(),
                    e.decidedOn());
        } else if (event instanceof LawsuitFiled e) {
            return new TimelineEntry("行政诉讼", "第 " + e.lawsuitNo() + " 件行政诉讼，"
                    + (e.afterReconsideration() ? "复议后起诉" : "未经复议直接起诉"), e.filedOn());
        } else if (event instanceof RequestBecameOverdue e) {
            return new TimelineEntry("逾期未答复", "答复期限 " + e.dueOn() + " 已届满，该申请尚未答复", e.dueOn().plusDays(1));
        } else if (event instanceof SupplementDeadlinePassed e) {
            return new TimelineEntry("补正期限届满", "第 " + e.round() + " 次补正的期限 " + e.dueOn()
                    + " 已届满，未登记收到补正；如申请人无正当理由逾期不补正，可登记逾期未补正并按“逾期不补正”办结，由经办人确认",
                    e.dueOn().plusDays(1));
        } else if (event instanceof FeePaymentDeadlinePassed e) {
            return new TimelineEntry("缴费期限届满", e.noticeOn() + " 收费通知的缴费期限 " + e.payBy()
                    + " 已届满，未登记缴费；可登记逾期未缴费并按“逾期未缴费”办结，由经办人确认", e.payBy().plusDays(1));
        } else if (event instanceof NoticeIssued e) {
            return new TimelineEntry("出具文书", "出具《" + e.kind().title() + "》 " + e.number()
                    + (e.servesNumber() == null ? "" : "（送达 " + e.servesNumber() + "）"), e.issuedOn());
        } else if (event instanceof NoticeServed e) {
            return new TimelineEntry(e.correctionReason() == null ? "文书送达" : "更正送达记录", e.number() + " 于 "
                    + e.servedOn() + " " + e.method().label() + (e.recipient() == null ? "" : "，受送达人：" + e.recipient())
                    + (e.correctionReason() == null ? "" : "；更正理由：" + e.correctionReason()), e.servedOn());
        } else if (event instanceof NoticeVoided e) {
            return new TimelineEntry("文书作废", e.number() + " 作废：" + e.reason(), e.voidedOn());
        } else if (event instanceof AttachmentAdded e) {
            return new TimelineEntry("上传附件", "上传附件《" + e.name() + "》（" + e.kind().label() + "）", e.addedOn());
        } else if (event instanceof AttachmentRemoved e) {
            return new TimelineEntry("删除附件", "删除附件《" + e.name() + "》，理由：" + e.reason(), e.removedOn());
        } else if (event instanceof RequestAssigned e) {
            return e.handler() == null
                    ? new TimelineEntry("取消承办人", "取消承办人，暂无承办人（" + e.assignedBy() + " 操作）", e.assignedOn())
                    : new TimelineEntry("指定承办人", "指定承办人：" + e.handler() + "（" + e.assignedBy() + " 指定）",
                    e.assignedOn());
        } else if (event instanceof RequestLinkedToEarlier e) {
            // No business date of its own: the link records what the clerk noticed, not a step the law names.
            return new TimelineEntry("关联既往申请", "与本机关受理编号 " + e.earlierCaseNo() + " 的申请关联（可能为重复申请）"
                    + (e.reason().isEmpty() ? "" : "；原因：" + e.reason()), null);
        } else if (event instanceof LawsuitDecided e) {
            return new TimelineEntry("行政诉讼判决", "第 " + e.lawsuitNo() + " 件行政诉讼：" + e.result().label(),
                    e.decidedOn());
        }
        throw new IllegalArgumentException("no timeline text for " + event.getClass().getName());
    }
}
