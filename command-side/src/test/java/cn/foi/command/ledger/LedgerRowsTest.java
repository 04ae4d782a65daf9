package cn.foi.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.request.RequestCommands;
import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A ledger row's cells read, the ledger's own rules checked, and its history as commands in date order. */
class LedgerRowsTest {

    private static final List<String> HEADER = List.of("受理编号", "申请人类型", "收到日期");

    private final List<LedgerError> errors = new ArrayList<>();

    /** A row of the columns given by key, on a minimal valid request. */
    private LedgerRow row(String... keysAndValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("case_no", "2025-001");
        cells.put("applicant_category", "自然人");
        cells.put("received_on", "2025-03-03");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            cells.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        List<String> header = new ArrayList<>(cells.keySet());
        LedgerHeader read = LedgerHeader.read(1, header, errors);
        assertThat(errors).isEmpty();
        return LedgerRows.read(2, read.cells(new ArrayList<>(cells.values())), errors);
    }

    private List<LedgerError> inconsistencies(String... keysAndValues) {
        LedgerRow row = row(keysAndValues);
        assertThat(errors).as("cells readable").isEmpty();
        return LedgerRows.inconsistencies(row);
    }

    // ---- headers

    @Test
    void aHeaderNamesItsColumnsByChineseNameOrByKeyInAnyMixAndSpacing() {
        LedgerHeader header = LedgerHeader.read(1, List.of(" 受理编号 ", "applicant_category", "收到日期（必填）", "备注",
                "ＯＵＴＣＯＭＥ"), errors);
        assertThat(errors).isEmpty();
        assertThat(header.cells(List.of("A-1", "C2", "2025-01-02", "随便写", "R3_1"))).containsOnlyKeys(
                LedgerColumn.CASE_NO, LedgerColumn.APPLICANT_CATEGORY, LedgerColumn.RECEIVED_ON, LedgerColumn.OUTCOME);
    }

    @Test
    void aFirstRowWithoutAnyLedgerColumnIsNoLedger() {
        assertThat(LedgerHeader.read(1, List.of("姓名", "电话", "地址"), errors)).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.message()).contains("不是政府信息公开申请台账");
        });
    }

    @Test
    void aHeaderWithoutARequiredColumnNamesIt() {
        assertThat(LedgerHeader.read(1, List.of("受理编号", "申请人类型"), errors)).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("收到日期");
            assertThat(e.message()).contains("缺少必填列");
        });
    }

    @Test
    void aColumnNamedTwiceIsAnError() {
        assertThat(LedgerHeader.read(1, List.of("受理编号", "case_no", "申请人类型", "收到日期"), errors)).isNull();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("出现了两次"));
    }

    // ---- values

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-02", "2025/3/2", "2025.3.2", "2025年3月2日", " 2025 年 3 月 2 日 ", "2025/03/02 0:00",
            "２０２５－０３－０２", "2025-03-02 00:00:00"})
    void everyDateFormOfTheLedgerIsRead(String text) throws Exception {
        assertThat(LedgerValues.date(text, LedgerColumn.RECEIVED_ON)).isEqualTo(LocalDate.of(2025, 3, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "3/2/2025", "二〇二五年三月二日", "明天"})
    void aCellThatIsNoDateIsAnErrorOfItsColumn(String text) {
        assertThat(row("closed_on", text, "outcome", "R3_1")).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("办结日期");
            assertThat(e.message()).contains(text.strip());
        });
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeIsReadByKeyByLabelAndAsTable3PrintsIt(Outcome outcome) {
        assertThat(LedgerValues.outcome(outcome.name())).contains(new LedgerOutcome(outcome, false));
        assertThat(LedgerValues.outcome(outcome.name().toLowerCase())).contains(new LedgerOutcome(outcome, false));
        assertThat(LedgerValues.outcome(outcome.label())).contains(new LedgerOutcome(outcome, false));
        assertThat(LedgerValues.outcome(" " + outcome.label() + " ")).contains(new LedgerOutcome(outcome, false));
        assertThat(LedgerValues.outcome(outcome.fullLabel())).contains(new LedgerOutcome(outcome, false));
        String number = outcome.name().length() > 4 ? outcome.name().substring(outcome.name().length() - 1) + "." : "";
        assertThat(LedgerValues.outcome(outcome.group() + " " + number + outcome.label()))
                .contains(new LedgerOutcome(outcome, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"危及\"三安全一稳定\"", "危及“三安全一稳定”", "危及＂三安全一稳定＂", "危及‘三安全一稳定’",
            "危及「三安全一稳定」", "危及三安全一稳定", "危及 “三安全一稳定” ", "（三）不予公开 3.危及“三安全一稳定”"})
    void theQuotesAroundSanAnQuanYiWenDingDoNotMatter(String text) {
        assertThat(LedgerValues.outcome(text)).contains(new LedgerOutcome(Outcome.R3_3_3, false));
    }

    @Test
    void aWithdrawalIsR3_6_3AsAWithdrawalAndTheShortNamesOfGroupSixAreRead() {
        assertThat(LedgerValues.outcome("撤回")).contains(new LedgerOutcome(Outcome.R3_6_3, true));
        assertThat(LedgerValues.outcome("申请人撤回")).contains(new LedgerOutcome(Outcome.R3_6_3, true));
        assertThat(LedgerValues.outcome("逾期不补正")).contains(new LedgerOutcome(Outcome.R3_6_1, false));
        assertThat(LedgerValues.outcome("逾期未缴费")).contains(new LedgerOutcome(Outcome.R3_6_2, false));
        assertThat(LedgerValues.outcome("其他")).contains(new LedgerOutcome(Outcome.R3_6_3, false));
        assertThat(LedgerValues.outcome("全部公开")).isEmpty();
    }

    @Test
    void anUnknownOutcomeIsAnErrorThatSaysWhatIsAccepted() {
        assertThat(row("outcome", "已办结", "closed_on", "2025-03-10")).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("办理结果");
            assertThat(e.message()).contains("已办结").contains("R3_1").contains("撤回");
        });
    }

    @Test
    void categoriesChannelsAndAppealResultsAreReadByKeyOrLabel() {
        LedgerRow row = row("applicant_category", "C2", "channel", "挂号信", "outcome", "予以公开", "closed_on", "2025-3-10",
                "reconsideration_filed_on", "2025-04-01", "reconsideration_result", "维持",
                "reconsideration_decided_on", "2025-05-01");
        assertThat(errors).isEmpty();
        assertThat(row.<ApplicantCategory>get(LedgerColumn.APPLICANT_CATEGORY)).isEqualTo(ApplicantCategory.C2);
        assertThat(row.<Channel>get(LedgerColumn.CHANNEL)).isEqualTo(Channel.REGISTERED_MAIL);
        assertThat(row.<AppealResult>get(LedgerColumn.RECONSIDERATION_RESULT)).isEqualTo(AppealResult.UPHELD);
    }

    @Test
    void aRowWithoutARequiredCellSaysWhichOne() {
        assertThat(row("case_no", " ")).isNull();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("请填写受理编号"));
    }

    // ---- the ledger's own rules, one test per kind of bad row

    @Test
    void anOutcomeNeedsAClosingDate() {
        assertThat(inconsistencies("outcome", "予以公开")).singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("办结日期"));
    }

    @Test
    void aClosingDateNeedsAnOutcome() {
        assertThat(inconsistencies("closed_on", "2025-03-10")).singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("办理结果"));
    }

    @Test
    void aLapsedSupplementNeedsASupplementRequestWithoutASupplement() {
        assertThat(inconsistencies("outcome", "逾期不补正", "closed_on", "2025-04-10")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("逾期不补正"));
        assertThat(inconsistencies("outcome", "逾期不补正", "closed_on", "2025-04-10",
                "supplement_requested_on", "2025-03-05", "supplement_received_on", "2025-03-08")).isNotEmpty();
        assertThat(inconsistencies("outcome", "逾期不补正", "closed_on", "2025-04-10",
                "supplement_requested_on", "2025-03-05")).isEmpty();
    }

    @Test
    void anUnpaidFeeNeedsAFeeNoticeWithoutPayment() {
        assertThat(inconsistencies("outcome", "逾期未缴费", "closed_on", "2025-05-10")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("逾期未缴费"));
        assertThat(inconsistencies("outcome", "R3_6_2", "closed_on", "2025-05-10", "fee_notice_on", "2025-03-05",
                "fee_amount", "100", "fee_paid_on", "2025-03-08")).isNotEmpty();
    }

    @Test
    void aFeeNoticeWithoutAnAmountIsRecordedWithTheAmountUnknown() {
        // The documented ledger has no 收费金额 column (issue 14, point 11): the notice is kept, its amount unknown.
        LedgerRow row = row("fee_notice_on", "2025-03-05");
        assertThat(LedgerRows.inconsistencies(row)).isEmpty();
        assertThat(LedgerRows.history(row, "req-1", "A1")).extracting(LedgerRows.Step::command)
                .contains(new RequestCommands.IssueFeeNotice("req-1", LocalDate.of(2025, 3, 5), null,
                        cn.foi.events.request.FeeMethod.PER_REQUEST, true));
        assertThat(LedgerRows.history(row("fee_notice_on", "2025-03-05", "fee_amount", "12.5"), "req-1", "A1"))
                .extracting(LedgerRows.Step::command)
                .contains(new RequestCommands.IssueFeeNotice("req-1", LocalDate.of(2025, 3, 5),
                        new java.math.BigDecimal("12.5"), cn.foi.events.request.FeeMethod.PER_REQUEST, false));
        assertThat(inconsistencies("fee_amount", "12")).singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("收费金额"));
    }

    @Test
    void anAppealNeedsAnAnswerBeforeIt() {
        assertThat(inconsistencies("reconsideration_filed_on", "2025-04-01")).singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("行政复议申请日期"));
        assertThat(inconsistencies("outcome", "予以公开", "closed_on", "2025-04-10", "lawsuit_filed_on", "2025-04-01",
                "lawsuit_kind", "直接起诉")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("早于办结日期"));
    }

    @Test
    void aLawsuitAfterReconsiderationNeedsADecidedReconsideration() {
        assertThat(inconsistencies("outcome", "予以公开", "closed_on", "2025-03-10", "reconsideration_filed_on",
                "2025-04-01", "lawsuit_filed_on", "2025-06-01", "lawsuit_kind", "复议后起诉")).singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("起诉方式"));
    }

    @Test
    void anAppealResultAndItsDateComeTogether() {
        assertThat(inconsistencies("outcome", "予以公开", "closed_on", "2025-03-10", "reconsideration_filed_on",
                "2025-04-01", "reconsideration_result", "纠正")).singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("行政复议决定日期"));
    }

    @Test
    void aStepThatFollowsAnotherNeedsIt() {
        assertThat(inconsistencies("supplement_received_on", "2025-03-08")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("补正告知日期"));
        assertThat(inconsistencies("consultation_ended_on", "2025-03-08")).isNotEmpty();
        assertThat(inconsistencies("fee_paid_on", "2025-03-08")).isNotEmpty();
    }

    // ---- the history

    @Test
    void theHistoryIsTheRegistrationThenEveryStepByDateAndSameDayStepsInTheirNaturalOrder() {
        LedgerRow row = row("supplement_requested_on", "2025-03-05", "supplement_received_on", "2025-03-12",
                "consultation_started_on", "2025-03-20", "consultation_ended_on", "2025-04-02",
                "extended_on", "2025-04-02", "outcome", "撤回", "closed_on", "2025-04-20");
        List<Object> commands = LedgerRows.history(row, "id-1", "XH").stream().map(LedgerRows.Step::command).toList();
        assertThat(commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RegisterRequest",
                "AskForSupplement", "RecordSupplement", "StartConsultation", "EndConsultation", "ExtendAnswerPeriod",
                "WithdrawRequest");
        RequestCommands.AskForSupplement supplement = (RequestCommands.AskForSupplement) commands.get(1);
        assertThat(supplement.dueOn()).isEqualTo(LocalDate.of(2025, 3, 20));
        RequestCommands.ExtendAnswerPeriod extension = (RequestCommands.ExtendAnswerPeriod) commands.get(5);
        assertThat(extension.workingDays()).isEqualTo(20);
        RequestCommands.RegisterRequest register = (RequestCommands.RegisterRequest) commands.get(0);
        assertThat(register.registration().channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(register.registration().applicant().name()).isEqualTo(LedgerRows.NAME_NOT_RECORDED);
    }
}
