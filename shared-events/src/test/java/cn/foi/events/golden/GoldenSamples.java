package cn.foi.events.golden;

import cn.foi.events.access.Role;
import cn.foi.events.access.UserAccountCreated;
import cn.foi.events.access.UserAssignmentChanged;
import cn.foi.events.access.RemindersRead;
import cn.foi.events.access.UserDeactivated;
import cn.foi.events.access.UserEmailChanged;
import cn.foi.events.access.UserPasswordChangeRequired;
import cn.foi.events.access.UserPasswordChanged;
import cn.foi.events.access.UserReactivated;
import cn.foi.events.access.UserSignedOut;
import cn.foi.events.agency.AgencyMoved;
import cn.foi.events.agency.AgencyNoticeSettingsChanged;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.AgencyCaseNumberPatternSet;
import cn.foi.events.agency.AgencyRenamed;
import cn.foi.events.agency.AgencySettingsChanged;
import cn.foi.events.agency.AppealYearRule;
import cn.foi.events.agency.AppealYearRuleChosen;
import cn.foi.events.agency.NoticeTemplateReverted;
import cn.foi.events.agency.NoticeTemplateUploaded;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.AnnualReportRepublished;
import cn.foi.events.report.PublishedReport;
import cn.foi.events.report.ReportTextsEntered;
import cn.foi.events.report.Table2FiguresEntered;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.AppealKind;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.AttachmentAdded;
import cn.foi.events.request.AttachmentKind;
import cn.foi.events.request.AttachmentRemoved;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.DueDateReason;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.FeePaymentDeadlinePassed;
import cn.foi.events.request.LaterAnswerDateSet;
import cn.foi.events.request.LawsuitDecided;
import cn.foi.events.request.LawsuitFiled;
import cn.foi.events.request.NoticeIssued;
import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.NoticeServed;
import cn.foi.events.request.NoticeVoided;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.ReconsiderationDecided;
import cn.foi.events.request.ReconsiderationFiled;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestAssigned;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestLinkedToEarlier;
import cn.foi.events.request.RequestBecameOverdue;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestRedecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.RequestedForm;
import cn.foi.events.request.ServiceMethod;
import cn.foi.events.request.SupplementDeadlinePassed;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of each type and revision with the values its golden sample holds: what a sample must read as. Values are
 * the office's own (Chinese texts, amounts with decimals, dates) so that a sample exercises what real events carry.
 *
 * <p>The current revision of each type is in {@link #CURRENT}; the events an older revision's sample must read as (the
 * fields it did not have are null) are in {@link #OLDER}, keyed {@code "SimpleName.rN"}; a renamed type's samples
 * under its former name are there too, keyed by that name, with the renamed event they read as (ADR 30).
 *
 * <p>renames-0030:keep — names former event types on purpose; scripts/dev/renames-0030.sh leaves this file alone.
 */
final class GoldenSamples {

    private GoldenSamples() {
    }

    private static final String REQUEST = "7f3c2a9e-1d4b-4c6a-9b8e-2f5d1c0a3e71";
    private static final LocalDate D = LocalDate.of(2025, 3, 3);
    private static final Instant AT = Instant.parse("2025-03-03T02:15:30Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static final List<Object> CURRENT = List.of(
            // access
            new UserAccountCreated("wangfang", "{bcrypt}$2a$10$examplehashexamplehashexamplehashexamplehash12",
                    Role.CLERK, "xh-jd"),
            new UserAssignmentChanged("wangfang", Role.SUPERVISOR, "xh", AT),
            new UserDeactivated("wangfang", AT),
            new UserEmailChanged("wangfang", "wangfang@xh.example.gov.cn"),
            new UserPasswordChangeRequired("wangfang"),
            new UserPasswordChanged("wangfang", "{bcrypt}$2a$10$anotherhashanotherhashanotherhashanotherha34"),
            new UserReactivated("wangfang"),
            new UserSignedOut("wangfang", AT),
            new RemindersRead("wangfang", List.of("req-0001:OVERDUE:2025-03-03",
                    "req-0002:SUPPLEMENT_DEADLINE_PASSED:2025-02-28"), AT),
            // agency
            new AgencyCaseNumberPatternSet("xh-jd", "徐汇依申〔{年}〕{序号:4}号"),
            new AgencyMoved("xh-jd", "xh"),
            new AgencyNoticeSettingsChanged("xh-jd", "徐汇街道", "{short}依申公〔{year}〕{seq}号", "徐汇区人民政府",
                    "徐汇区人民法院"),
            new AgencyRegistered("xh-jd", "上海市徐汇区某街道办事处", "xh"),
            new AgencyRenamed("xh-jd", "上海市徐汇区某街道办事处（更名）"),
            new AgencySettingsChanged("xh-jd", true, false),
            new AppealYearRuleChosen("xh-jd", AppealYearRule.DECIDED_IN_YEAR),
            new NoticeTemplateReverted("xh-jd", NoticeKind.ANSWER, "admin", AT),
            new NoticeTemplateUploaded("xh-jd", NoticeKind.ANSWER, 2, "v2-5b1e", SHA, 24_576L, "答复告知书.docx",
                    "admin", AT),
            // calendar
            new CalendarYearDeclared(2025, List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 28)),
                    List.of(LocalDate.of(2025, 1, 26)), "国办发明电〔2024〕12号", "更正春节调休", "admin"),
            new RegionalDaysDeclared("xh", 2025, List.of(LocalDate.of(2025, 5, 30)), List.of(), "本市防汛停工"),
            // report
            new AnnualReportPublished("xh-jd", 2024, 1, "2021", SHA, report()),
            new AnnualReportRepublished("xh-jd", 2024, 2, "2021", SHA, report(), "更正表三第二行"),
            report(),
            new ReportTextsEntered("xh-jd", 2024, "　　总体情况", "存在的问题", "其他需要报告的事项"),
            new Table2FiguresEntered("xh-jd", 2024, "2021", table2()),
            // request
            new AnswerClockPaused(REQUEST, D, "征求第三方意见"),
            new AnswerClockResumed(REQUEST, D, D.plusDays(14), 10),
            new AnswerDueDateChanged(REQUEST, LocalDate.of(2025, 4, 1), DueDateReason.EXTENDED,
                    "延长答复期限20个工作日"),
            new AnswerPeriodExtended(REQUEST, D, 20, "需要调取档案"),
            new AttachmentAdded(REQUEST, "a-1", AttachmentKind.APPLICATION_SCAN, "申请表.pdf", "application/pdf",
                    102_400L, SHA, D),
            new AttachmentRemoved(REQUEST, "a-1", "申请表.pdf", "上传错误", D),
            new ConsultationEnded(REQUEST, 1, D.plusDays(10), ConsultationEnding.REPLIED, "第三方不同意公开"),
            new ConsultationStarted(REQUEST, 1, ConsultedParty.THIRD_PARTY, "某公司", D, D.plusDays(2)),
            new DecisionCorrected(REQUEST, Outcome.R3_3_1, D, D.plusDays(1), "属于国家秘密", "录入错误"),
            new FeeLapseRecorded(REQUEST, D),
            new FeeNoticeIssued(REQUEST, D, new BigDecimal("150.50"), FeeMethod.PER_PAGE, new BigDecimal("200.00"),
                    "申请人经济困难"),
            new FeePaid(REQUEST, D),
            new FeePaymentDeadlinePassed(REQUEST, D, D.plusDays(20)),
            new LaterAnswerDateSet(REQUEST, D, D.plusDays(40), "申请人同意延后答复"),
            new LawsuitDecided(REQUEST, 1, AppealResult.CORRECTED, D),
            new LawsuitFiled(REQUEST, 1, D, true, 1),
            new NoticeIssued(REQUEST, NoticeKind.SERVICE, "徐汇街道依申公〔2025〕3号", 2025, 3, D, "v2-5b1e", SHA,
                    "徐汇街道依申公〔2025〕2号"),
            new NoticeServed(REQUEST, "徐汇街道依申公〔2025〕2号", D, ServiceMethod.MAIL, "张三", "更正送达日期"),
            new NoticeVoided(REQUEST, "徐汇街道依申公〔2025〕2号", D, "编号错误"),
            new ReconsiderationDecided(REQUEST, 1, AppealResult.UPHELD, D),
            new ReconsiderationFiled(REQUEST, 1, D),
            new RegistrationCorrected(REQUEST, "徐汇依申〔2025〕7号", applicant(), Channel.REGISTERED_MAIL, D,
                    D.plusDays(1), D.plusDays(2), "申请公开某路段拓宽工程的批复文件", 2, RequestedForm.ELECTRONIC,
                    "更正收到日期"),
            new RequestAssigned(REQUEST, "wangfang", "lisi", D),
            new RequestDecided(REQUEST, Outcome.R3_1, D, D.plusDays(1), "已邮寄"),
            new RequestLinkedToEarlier(REQUEST, "0b7e4c1a-5d2f-4e3b-8a9c-6f1d2e3c4b5a", "徐汇依申〔2025〕1号",
                    "重复申请"),
            new RequestBecameOverdue(REQUEST, D),
            new RequestReceived(REQUEST, "xh-jd", "徐汇依申〔2025〕7号", applicant(), Channel.ONLINE, D, D.plusDays(1),
                    D.plusDays(1), "申请公开某路段拓宽工程的批复文件", 1, RequestedForm.PAPER),
            new RequestRedecided(REQUEST, Outcome.R3_2, D, D.plusDays(1), "部分公开", AppealKind.RECONSIDERATION, 1),
            new RequestWithdrawn(REQUEST, D, "申请人撤回"),
            new SupplementDeadlinePassed(REQUEST, 1, D),
            new SupplementLapseRecorded(REQUEST, D, 1),
            new SupplementReceived(REQUEST, D, 1),
            new SupplementRequested(REQUEST, D, D.plusDays(15), "请明确所需信息的文号", 1, false));

    static final Map<String, Object> OLDER = Map.ofEntries(
            // Renamed types (ADR 30): the events stored under the former names read as the renamed ones.
            Map.entry("SupplementLapsed.r1", new SupplementLapseRecorded(REQUEST, D, 1)),
            Map.entry("FeeLapsed.r1", new FeeLapseRecorded(REQUEST, D)),
            Map.entry("RequestOverdue.r1", new RequestBecameOverdue(REQUEST, D)),
            // Revision 1 had neither reason nor declaredBy.
            Map.entry("CalendarYearDeclared.r1", new CalendarYearDeclared(2025,
                    List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 28)), List.of(LocalDate.of(2025, 1, 26)),
                    "国办发明电〔2024〕12号")),
            // Revision 1 had no delivery date.
            Map.entry("ConsultationStarted.r1", new ConsultationStarted(REQUEST, 1, ConsultedParty.THIRD_PARTY, "某公司", D)),
            // Revisions 1 and 2 had no quote; revision 2 allows a null amount (imported without one).
            Map.entry("FeeNoticeIssued.r1", new FeeNoticeIssued(REQUEST, D, new BigDecimal("150.50"), FeeMethod.PER_PAGE)),
            Map.entry("FeeNoticeIssued.r2", new FeeNoticeIssued(REQUEST, D, null, FeeMethod.PER_REQUEST)),
            // Revision 1 had no 送达回证, so no notice it serves.
            Map.entry("NoticeIssued.r1", new NoticeIssued(REQUEST, NoticeKind.ANSWER, "徐汇街道依申公〔2025〕2号", 2025, 2,
                    D, "v2-5b1e", SHA)));

    private static Applicant applicant() {
        return new Applicant(ApplicantCategory.C1, "张三", "居民身份证", "310104199001011234", "13800000000");
    }

    private static Map<String, BigDecimal> table2() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put("RULES_ISSUED", new BigDecimal("3"));
        figures.put("FEES_AMOUNT", new BigDecimal("0.0125"));
        return figures;
    }

    private static PublishedReport report() {
        Map<String, List<Long>> table3 = new LinkedHashMap<>();
        table3.put("R1", List.of(12L, 1L, 0L, 0L, 0L, 0L, 13L));
        table3.put("R3_1", List.of(5L, 0L, 0L, 0L, 0L, 0L, 5L));
        return new PublishedReport(table3, Map.of("reconsideration", List.of(1L, 0L, 0L, 0L, 1L)),
                "本年度提起的复议、诉讼", table2(), "　　总体情况", "存在的问题", "无", new BigDecimal("12.5"));
    }
}
