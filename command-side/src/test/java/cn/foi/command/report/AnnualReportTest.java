package cn.foi.command.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.report.ReportCommands.EnterReportTexts;
import cn.foi.command.report.ReportCommands.EnterTable2Figures;
import cn.foi.command.report.ReportCommands.Publication;
import cn.foi.command.report.ReportCommands.PublishAnnualReport;
import cn.foi.command.report.ReportCommands.RepublishAnnualReport;
import cn.foi.command.shared.RuleViolation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.AnnualReportRepublished;
import cn.foi.events.report.PublishedReport;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.ReportTextsEntered;
import cn.foi.events.report.Table2FiguresEntered;
import cn.foi.events.report.Table2Item;
import cn.foi.events.report.Table3Rows;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnualReportTest {

    /** Mid-2026 in the offices: reports up to 2025 can be published, 2026's only be prepared. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String AGENCY = "xh";
    private static final String RULE = "本年度提起的复议、诉讼，按 12 月 31 日的状态统计";
    private static final String OVERVIEW = "　　2025年，本机关认真贯彻落实《条例》……";

    private AggregateTestFixture<AnnualReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnnualReport.class);
        fixture.registerInjectableResource((AgencyDirectory) AGENCY::equals);
        fixture.registerInjectableResource(CLOCK);
    }

    // ---- Table 二 ----

    @Test
    void enteringTable2OfThe2021TemplateForA2025Report() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures2021()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new Table2FiguresEntered(AGENCY, 2025, "2021", figures2021()));
    }

    @Test
    void enteringTable2OfThe2019TemplateForA2020ReportWithASignedChange() {
        Map<String, BigDecimal> figures = figures2019();
        figures.put("LICENSING_CHANGE", new BigDecimal("-2"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2020, null, figures))
                .expectEvents(new Table2FiguresEntered(AGENCY, 2020, "2019", figures));
    }

    @Test
    void aReportMayUseTheOtherTemplateWhenTheAgencyChoosesIt() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2021, " 2019 ", figures2019()))
                .expectEvents(new Table2FiguresEntered(AGENCY, 2021, "2019", figures2019()));
    }

    @Test
    void figuresAreStoredWithoutTrailingZeros() {
        Map<String, BigDecimal> typed = figures2021();
        typed.put("RULES_ISSUED", new BigDecimal("3.00"));
        typed.put("FEES_AMOUNT", new BigDecimal("1.2500"));
        typed.put("LICENSING_DECISIONS", new BigDecimal("1E+2"));
        Map<String, BigDecimal> stored = figures2021();
        stored.put("RULES_ISSUED", new BigDecimal("3"));
        stored.put("FEES_AMOUNT", new BigDecimal("1.25"));
        stored.put("LICENSING_DECISIONS", new BigDecimal("100"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, "2021", typed))
                .expectEvents(new Table2FiguresEntered(AGENCY, 2025, "2021", stored));
    }

    @Test
    void enteringTable2AgainReplacesTheWholeTable() {
        Map<String, BigDecimal> corrected = figures2021();
        corrected.put("PENALTY_DECISIONS", new BigDecimal("40"));
        fixture.given(new Table2FiguresEntered(AGENCY, 2025, "2021", figures2021()))
                .when(new EnterTable2Figures(AGENCY, 2025, null, corrected))
                .expectEvents(new Table2FiguresEntered(AGENCY, 2025, "2021", corrected));
    }

    @Test
    void enteringTheSameTableAgainRecordsNothing() {
        Map<String, BigDecimal> sameWithZeros = figures2021();
        sameWithZeros.put("RULES_ISSUED", new BigDecimal("1.0"));
        fixture.given(new Table2FiguresEntered(AGENCY, 2025, "2021", figures2021()))
                .when(new EnterTable2Figures(AGENCY, 2025, "2021", sameWithZeros))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotEnterAFigureTheTemplateDoesNotHave() {
        Map<String, BigDecimal> figures = figures2021();
        figures.put("RULES_MADE", BigDecimal.ONE);
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_UNKNOWN_FIGURE", "figures.RULES_MADE"))
                .expectExceptionMessage(containsString("表二（2021 年版模板）没有 RULES_MADE 这一项"))
                .expectNoEvents();
    }

    @Test
    void cannotEnterAnIncompleteTableAndTheFirstMissingFigureIsNamed() {
        Map<String, BigDecimal> figures = figures2019();
        figures.remove("PENALTY_CHANGE");
        figures.remove("FEES_PREVIOUS");
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2019, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_INCOMPLETE", "figures.PENALTY_CHANGE"))
                .expectExceptionMessage(containsString("缺少 PENALTY_CHANGE（行政处罚·本年增/减）"))
                .expectNoEvents();
    }

    @Test
    void cannotEnterATableWithoutFigures() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, null))
                .expectException(violation(Kind.INVALID, "TABLE2_INCOMPLETE", "figures.RULES_ISSUED"))
                .expectNoEvents();
    }

    @Test
    void cannotLeaveAFigureBlank() {
        Map<String, BigDecimal> figures = figures2021();
        figures.put("RULES_REPEALED", null);
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_MISSING", "figures.RULES_REPEALED"))
                .expectNoEvents();
    }

    @Test
    void cannotEnterANegativeCount() {
        Map<String, BigDecimal> figures = figures2021();
        figures.put("PENALTY_DECISIONS", new BigDecimal("-1"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_INVALID", "figures.PENALTY_DECISIONS"))
                .expectExceptionMessage(containsString("须为不小于 0 的整数"))
                .expectNoEvents();
    }

    @Test
    void cannotEnterAFractionalCount() {
        Map<String, BigDecimal> figures = figures2021();
        figures.put("RULES_IN_FORCE", new BigDecimal("2.5"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_INVALID", "figures.RULES_IN_FORCE"))
                .expectNoEvents();
    }

    @Test
    void cannotEnterAFractionalChange() {
        Map<String, BigDecimal> figures = figures2019();
        figures.put("FEES_CHANGE", new BigDecimal("-0.5"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2020, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_INVALID", "figures.FEES_CHANGE"))
                .expectExceptionMessage(containsString("须为整数（减少时填负数）"))
                .expectNoEvents();
    }

    @Test
    void anAmountHasAtMostFourDecimals() {
        Map<String, BigDecimal> figures = figures2021();
        figures.put("FEES_AMOUNT", new BigDecimal("0.12345"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_INVALID", "figures.FEES_AMOUNT"))
                .expectExceptionMessage(containsString("最多保留 4 位小数"))
                .expectNoEvents();
    }

    @Test
    void anAmountCannotBeNegative() {
        Map<String, BigDecimal> figures = figures2019();
        figures.put("PROCUREMENT_AMOUNT", new BigDecimal("-10"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2019, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_INVALID", "figures.PROCUREMENT_AMOUNT"))
                .expectNoEvents();
    }

    @Test
    void anAbsurdlyLargeFigureIsRefused() {
        Map<String, BigDecimal> figures = figures2021();
        figures.put("RULES_ISSUED", new BigDecimal("1E+20"));
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, null, figures))
                .expectException(violation(Kind.INVALID, "TABLE2_VALUE_TOO_LARGE", "figures.RULES_ISSUED"))
                .expectNoEvents();
    }

    @Test
    void cannotUseATemplateOtherThan2019Or2021() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2025, "2020", figures2021()))
                .expectException(violation(Kind.INVALID, "REPORT_TEMPLATE_UNKNOWN", "template"))
                .expectExceptionMessage(containsString("可选值：2019"))
                .expectNoEvents();
    }

    @Test
    void cannotReportForAnUnknownAgency() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures("hd", 2025, null, figures2021()))
                .expectException(violation(Kind.NOT_FOUND, "AGENCY_UNKNOWN", null))
                .expectExceptionMessage(containsString("没有编码为 hd 的机关"))
                .expectNoEvents();
    }

    @Test
    void cannotReportForAYearBefore2008() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2007, null, figures2019()))
                .expectException(violation(Kind.INVALID, "REPORT_YEAR_OUT_OF_RANGE", "year"))
                .expectExceptionMessage(containsString("须在 2008 年至 2026 年之间"))
                .expectNoEvents();
    }

    @Test
    void cannotReportForAFutureYear() {
        fixture.givenNoPriorActivity()
                .when(new EnterReportTexts(AGENCY, 2027, OVERVIEW, "", ""))
                .expectException(violation(Kind.INVALID, "REPORT_YEAR_OUT_OF_RANGE", "year"))
                .expectNoEvents();
    }

    @Test
    void theCurrentYearsReportCanBePreparedBeforeTheYearEnds() {
        fixture.givenNoPriorActivity()
                .when(new EnterTable2Figures(AGENCY, 2026, null, figures2021()))
                .expectEvents(new Table2FiguresEntered(AGENCY, 2026, "2021", figures2021()));
    }

    // ---- texts ----

    @Test
    void enteringTheTextsKeepsTheParagraphIndent() {
        fixture.givenNoPriorActivity()
                .when(new EnterReportTexts(AGENCY, 2025, OVERVIEW, "　　存在问题……", null))
                .expectEvents(new ReportTextsEntered(AGENCY, 2025, OVERVIEW, "　　存在问题……", ""));
    }

    @Test
    void enteringTheSameTextsAgainRecordsNothing() {
        fixture.given(new ReportTextsEntered(AGENCY, 2025, OVERVIEW, "", "无"))
                .when(new EnterReportTexts(AGENCY, 2025, OVERVIEW, null, "无"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theOverviewIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new EnterReportTexts(AGENCY, 2025, " 　\n", "问题", "其他"))
                .expectException(violation(Kind.INVALID, "REPORT_OVERVIEW_REQUIRED", "overview"))
                .expectExceptionMessage(containsString("请填写“一、总体情况”"))
                .expectNoEvents();
    }

    @Test
    void aTextMayHaveTwentyThousandCharactersButNoMore() {
        String longest = "字".repeat(20_000);
        fixture.givenNoPriorActivity()
                .when(new EnterReportTexts(AGENCY, 2025, longest, longest, longest))
                .expectEvents(new ReportTextsEntered(AGENCY, 2025, longest, longest, longest));
        fixture.givenNoPriorActivity()
                .when(new EnterReportTexts(AGENCY, 2025, OVERVIEW, longest + "。", ""))
                .expectException(violation(Kind.INVALID, "TEXT_TOO_LONG", "problems"))
                .expectExceptionMessage(containsString("最多 20000 个字符，现为 20001 个"))
                .expectNoEvents();
    }

    // ---- publication ----

    @Test
    void publishingFreezesTheStatisticsWithTheEnteredTable2AndTexts() {
        PublishedReport expected = frozen2021(table3("2021"));
        String hash = ReportContent.hash(expected);
        fixture.given(drafted2025())
                .when(publish(2025, null, statistics(table3("2021")), null))
                .expectEvents(new AnnualReportPublished(AGENCY, 2025, 1, "2021", hash, expected))
                .expectResultMessagePayload(new Publication(1, "2021", hash));
    }

    @Test
    void theClientMaySendTheEnteredTable2AndTextsAndTheFingerprintItSaw() {
        PublishedReport expected = frozen2021(table3("2021"));
        String hash = ReportContent.hash(expected);
        PublishedReport sent = new PublishedReport(table3("2021"), table4(), RULE, typedAgain(figures2021()), OVERVIEW,
                "", "本年度未收取信息处理费。", null);
        fixture.given(drafted2025())
                .when(publish(2025, "2021", sent, hash.toUpperCase()))
                .expectEvents(new AnnualReportPublished(AGENCY, 2025, 1, "2021", hash, expected));
    }

    @Test
    void aReportOfThe2019TemplateIsPublishedWithItsSingleOtherHandlingRow() {
        Map<String, List<Long>> table3 = table3("2019");
        PublishedReport expected = new PublishedReport(table3, table4(), RULE, figures2019(), OVERVIEW, "", "",
                new BigDecimal("0"));
        fixture.given(new Table2FiguresEntered(AGENCY, 2020, "2019", figures2019()),
                        new ReportTextsEntered(AGENCY, 2020, OVERVIEW, "", ""))
                .when(publish(2020, null, statistics(table3), null))
                .expectEvents(new AnnualReportPublished(AGENCY, 2020, 1, "2019", ReportContent.hash(expected),
                        expected));
    }

    @Test
    void cannotPublishTwice() {
        fixture.given(published2025())
                .when(publish(2025, null, statistics(table3("2021")), null))
                .expectException(violation(Kind.CONFLICT, "REPORT_ALREADY_PUBLISHED", null))
                .expectExceptionMessage(containsString("已发布（现行第 1 版），不能再次首次发布；如需更正，请重新发布并写明更正原因"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishBeforeTheYearHasEnded() {
        fixture.given(new Table2FiguresEntered(AGENCY, 2026, "2021", figures2021()),
                        new ReportTextsEntered(AGENCY, 2026, OVERVIEW, "", ""))
                .when(publish(2026, null, statistics(table3("2021")), null))
                .expectException(violation(Kind.CONFLICT, "REPORT_YEAR_NOT_ENDED", null))
                .expectExceptionMessage(containsString("2026 年尚未结束"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishBeforeTable2IsEntered() {
        fixture.given(new ReportTextsEntered(AGENCY, 2025, OVERVIEW, "", ""))
                .when(publish(2025, null, statistics(table3("2021")), null))
                .expectException(violation(Kind.CONFLICT, "TABLE2_NOT_ENTERED", null))
                .expectExceptionMessage(containsString("请先录入表二"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishANewReportAtAll() {
        fixture.givenNoPriorActivity()
                .when(publish(2025, null, statistics(table3("2021")), null))
                .expectException(violation(Kind.CONFLICT, "TABLE2_NOT_ENTERED", null))
                .expectNoEvents();
    }

    @Test
    void cannotPublishBeforeTheTextsAreEntered() {
        fixture.given(new Table2FiguresEntered(AGENCY, 2025, "2021", figures2021()))
                .when(publish(2025, null, statistics(table3("2021")), null))
                .expectException(violation(Kind.CONFLICT, "TEXTS_NOT_ENTERED", null))
                .expectExceptionMessage(containsString("请先填写“一、总体情况”"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWithATemplateOtherThanTable2s() {
        fixture.given(drafted2025())
                .when(publish(2025, "2019", statistics(table3("2019")), null))
                .expectException(violation(Kind.CONFLICT, "REPORT_TEMPLATE_MISMATCH", null))
                .expectExceptionMessage(containsString("表二是按 2021 年版模板录入的"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWithoutTheStatistics() {
        fixture.given(drafted2025())
                .when(publish(2025, null, null, null))
                .expectException(violation(Kind.INVALID, "REPORT_CONTENT_REQUIRED", "report"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWithARowOfTable3Missing() {
        Map<String, List<Long>> table3 = table3("2021");
        table3.remove("R3_6_2");
        fixture.given(drafted2025())
                .when(publish(2025, null, statistics(table3), null))
                .expectException(violation(Kind.INVALID, "REPORT_ROW_MISSING", "report.table3.R3_6_2"))
                .expectExceptionMessage(containsString("表三（2021 年版模板）缺少 R3_6_2 行"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWithARowTheTemplateDoesNotHave() {
        Map<String, List<Long>> table3 = table3("2021");
        table3.put("R3_6", zeros(7));
        fixture.given(drafted2025())
                .when(publish(2025, null, statistics(table3), null))
                .expectException(violation(Kind.INVALID, "REPORT_ROW_UNKNOWN", "report.table3.R3_6"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishATable3RowWithoutExactlySevenNumbers() {
        Map<String, List<Long>> table3 = table3("2021");
        table3.put("R4", List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
        fixture.given(drafted2025())
                .when(publish(2025, null, statistics(table3), null))
                .expectException(violation(Kind.INVALID, "REPORT_ROW_SHAPE", "report.table3.R4"))
                .expectExceptionMessage(containsString("R4 行须有 7 个数（C1 至 C6 及总计 C7），现有 8 个"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishANegativeNumber() {
        Map<String, List<Long>> table3 = table3("2021");
        table3.put("R2", List.of(0L, 0L, -1L, 0L, 0L, 0L, -1L));
        fixture.given(drafted2025())
                .when(publish(2025, null, statistics(table3), null))
                .expectException(violation(Kind.INVALID, "REPORT_NUMBER_INVALID", "report.table3.R2"))
                .expectExceptionMessage(containsString("第 3 个数须为不小于 0 的整数"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWithoutAllThreeGroupsOfTable4() {
        Map<String, List<Long>> table4 = table4();
        table4.remove("lawsuitAfterReconsideration");
        PublishedReport sent = new PublishedReport(table3("2021"), table4, RULE, null, null, null, null, null);
        fixture.given(drafted2025())
                .when(publish(2025, null, sent, null))
                .expectException(violation(Kind.INVALID, "REPORT_ROW_MISSING",
                        "report.table4.lawsuitAfterReconsideration"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishATable4GroupWithoutFiveNumbers() {
        Map<String, List<Long>> table4 = table4();
        table4.put("reconsideration", List.of(1L, 0L, 0L, 1L));
        PublishedReport sent = new PublishedReport(table3("2021"), table4, RULE, null, null, null, null, null);
        fixture.given(drafted2025())
                .when(publish(2025, null, sent, null))
                .expectException(violation(Kind.INVALID, "REPORT_ROW_SHAPE", "report.table4.reconsideration"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWithoutSayingHowTable4Counts() {
        PublishedReport sent = new PublishedReport(table3("2021"), table4(), " ", null, null, null, null, null);
        fixture.given(drafted2025())
                .when(publish(2025, null, sent, null))
                .expectException(violation(Kind.INVALID, "TABLE4_RULE_REQUIRED", "report.table4Rule"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishFeesInFractionsOfAFen() {
        PublishedReport sent = new PublishedReport(table3("2021"), table4(), RULE, null, null, null, null,
                new BigDecimal("10.005"));
        fixture.given(drafted2025())
                .when(publish(2025, null, sent, null))
                .expectException(violation(Kind.INVALID, "FEES_INVALID", "report.feesCollected"))
                .expectNoEvents();
    }

    @Test
    void cannotPublishATable2OtherThanTheEnteredOne() {
        Map<String, BigDecimal> seen = figures2021();
        seen.put("RULES_ISSUED", new BigDecimal("5"));
        PublishedReport sent = new PublishedReport(table3("2021"), table4(), RULE, seen, null, null, null, null);
        fixture.given(drafted2025())
                .when(publish(2025, null, sent, null))
                .expectException(violation(Kind.CONFLICT, "TABLE2_CHANGED", null))
                .expectNoEvents();
    }

    @Test
    void cannotPublishTextsOtherThanTheEnteredOnes() {
        PublishedReport sent = new PublishedReport(table3("2021"), table4(), RULE, null, "旧的总体情况", null, null,
                null);
        fixture.given(drafted2025())
                .when(publish(2025, null, sent, null))
                .expectException(violation(Kind.CONFLICT, "TEXTS_CHANGED", null))
                .expectNoEvents();
    }

    @Test
    void cannotPublishWhenTheReportChangedSinceItWasViewed() {
        String seen = ReportContent.hash(frozen2021(table3("2021")));
        Map<String, List<Long>> table3 = table3("2021");
        table3.put("R1", List.of(5L, 0L, 0L, 0L, 0L, 0L, 5L));
        fixture.given(drafted2025())
                .when(publish(2025, null, statistics(table3), seen))
                .expectException(violation(Kind.CONFLICT, "REPORT_CHANGED_SINCE_VIEWED", null))
                .expectExceptionMessage(containsString("报告内容自您查看后已发生变化"))
                .expectNoEvents();
    }

    // ---- corrections ----

    @Test
    void aCorrectionIsPublishedAsVersionTwoWithItsReason() {
        Map<String, List<Long>> corrected = table3("2021");
        corrected.put("R3_1", List.of(3L, 0L, 0L, 0L, 0L, 0L, 3L));
        corrected.put("R3_2", List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L));
        PublishedReport expected = frozen2021(corrected);
        String hash = ReportContent.hash(expected);
        fixture.given(published2025())
                .when(republish(statistics(corrected), null, "  R3_1 与 R3_2 行数据录反，予以更正 "))
                .expectEvents(new AnnualReportRepublished(AGENCY, 2025, 2, "2021", hash, expected,
                        "R3_1 与 R3_2 行数据录反，予以更正"))
                .expectResultMessagePayload(new Publication(2, "2021", hash));
    }

    @Test
    void eachCorrectionTakesTheNextVersion() {
        Map<String, BigDecimal> corrected = figures2021();
        corrected.put("FEES_AMOUNT", new BigDecimal("0.02"));
        PublishedReport second = frozen2021(table3("2021"));
        List<Object> history = new ArrayList<>(published2025());
        history.add(new AnnualReportRepublished(AGENCY, 2025, 2, "2021", "0".repeat(64), second, "更正"));
        history.add(new Table2FiguresEntered(AGENCY, 2025, "2021", corrected));
        PublishedReport third = new PublishedReport(table3("2021"), table4(), RULE, corrected, OVERVIEW, "",
                "本年度未收取信息处理费。", BigDecimal.ZERO);
        String hash = ReportContent.hash(third);
        fixture.given(history)
                .when(republish(statistics(table3("2021")), hash, "表二收费金额更正"))
                .expectEvents(new AnnualReportRepublished(AGENCY, 2025, 3, "2021", hash, third, "表二收费金额更正"))
                .expectResultMessagePayload(new Publication(3, "2021", hash));
    }

    @Test
    void cannotCorrectAReportNeverPublished() {
        fixture.given(drafted2025())
                .when(republish(statistics(table3("2021")), null, "更正"))
                .expectException(violation(Kind.CONFLICT, "REPORT_NOT_PUBLISHED", null))
                .expectExceptionMessage(containsString("尚未发布"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(published2025())
                .when(republish(statistics(table3("2021")), null, "  "))
                .expectException(violation(Kind.INVALID, "REPUBLICATION_REASON_REQUIRED", "reason"))
                .expectExceptionMessage(containsString("须写明更正原因"))
                .expectNoEvents();
    }

    @Test
    void cannotRepublishTheSameContent() {
        fixture.given(published2025())
                .when(republish(statistics(table3("2021")), null, "再发一次"))
                .expectException(violation(Kind.CONFLICT, "REPORT_UNCHANGED", null))
                .expectExceptionMessage(containsString("与现行第 1 版完全相同"))
                .expectNoEvents();
    }

    @Test
    void aChangedTextIsACorrection() {
        List<Object> history = new ArrayList<>(published2025());
        history.add(new ReportTextsEntered(AGENCY, 2025, OVERVIEW + "（更正）", "", "本年度未收取信息处理费。"));
        fixture.given(history)
                .when(republish(statistics(table3("2021")), null, "总体情况更正"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                new TypeSafeMatcher<AnnualReportRepublished>() {
                                    @Override
                                    protected boolean matchesSafely(AnnualReportRepublished event) {
                                        return event.version() == 2
                                                && !event.contentHash().equals(
                                                ReportContent.hash(frozen2021(table3("2021"))))
                                                && event.report().overview().endsWith("（更正）");
                                    }

                                    @Override
                                    public void describeTo(Description description) {
                                        description.appendText("version 2 with the corrected overview");
                                    }
                                })));
    }

    @Test
    void cannotCorrectWhenTheReportChangedSinceItWasViewed() {
        Map<String, List<Long>> corrected = table3("2021");
        corrected.put("R4", List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L));
        fixture.given(published2025())
                .when(republish(statistics(corrected), "ab".repeat(32), "更正"))
                .expectException(violation(Kind.CONFLICT, "REPORT_CHANGED_SINCE_VIEWED", null))
                .expectNoEvents();
    }

    @Test
    void theFingerprintFollowsTheRowsOfTheTemplate() {
        PublishedReport expected = frozen2021(table3("2021"));
        assertThat(ReportContent.hash(expected)).isEqualTo(ReportContent.hash(frozen2021(table3("2021"))))
                .isNotEqualTo(ReportContent.hash(frozen2021(table3("2019"))));
    }

    // ---- helpers ----

    private static PublishAnnualReport publish(int year, String template, PublishedReport report, String hash) {
        return new PublishAnnualReport(AGENCY, year, template, report, hash);
    }

    private static RepublishAnnualReport republish(PublishedReport report, String hash, String reason) {
        return new RepublishAnnualReport(AGENCY, 2025, null, report, hash, reason);
    }

    private static List<Object> drafted2025() {
        return List.of(new Table2FiguresEntered(AGENCY, 2025, "2021", figures2021()),
                new ReportTextsEntered(AGENCY, 2025, OVERVIEW, "", "本年度未收取信息处理费。"));
    }

    private static List<Object> published2025() {
        List<Object> history = new ArrayList<>(drafted2025());
        PublishedReport report = frozen2021(table3("2021"));
        history.add(new AnnualReportPublished(AGENCY, 2025, 1, "2021", ReportContent.hash(report), report));
        return history;
    }

    /** The statistics as the query side sends them, without Table 二 or texts. */
    private static PublishedReport statistics(Map<String, List<Long>> table3) {
        return new PublishedReport(table3, table4(), RULE, null, null, null, null, BigDecimal.ZERO);
    }

    private static PublishedReport frozen2021(Map<String, List<Long>> table3) {
        return new PublishedReport(table3, table4(), RULE, figures2021(), OVERVIEW, "", "本年度未收取信息处理费。",
                BigDecimal.ZERO);
    }

    private static Map<String, List<Long>> table3(String template) {
        Map<String, List<Long>> table = new LinkedHashMap<>();
        for (String row : Table3Rows.of(template)) {
            table.put(row, zeros(7));
        }
        table.put("R1", List.of(4L, 0L, 0L, 0L, 0L, 0L, 4L));
        table.put("R3_1", List.of(4L, 0L, 0L, 0L, 0L, 0L, 4L));
        table.put("R3_7", List.of(4L, 0L, 0L, 0L, 0L, 0L, 4L));
        return table;
    }

    private static Map<String, List<Long>> table4() {
        Map<String, List<Long>> table = new LinkedHashMap<>();
        table.put("reconsideration", List.of(1L, 0L, 0L, 0L, 1L));
        table.put("lawsuitDirect", zeros(5));
        table.put("lawsuitAfterReconsideration", zeros(5));
        return table;
    }

    private static List<Long> zeros(int count) {
        return new ArrayList<>(java.util.Collections.nCopies(count, 0L));
    }

    private static Map<String, BigDecimal> figures2021() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        long n = 1;
        for (Table2Item item : Table2Item.of("2021")) {
            figures.put(item.key(), BigDecimal.valueOf(n++));
        }
        figures.put("FEES_AMOUNT", new BigDecimal("0.0125"));
        return figures;
    }

    private static Map<String, BigDecimal> figures2019() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (Table2Item item : Table2Item.of("2019")) {
            figures.put(item.key(), BigDecimal.TEN);
        }
        figures.put("PROCUREMENT_AMOUNT", new BigDecimal("35.5"));
        return figures;
    }

    /** The same figures as a client may spell them, with trailing zeros. */
    private static Map<String, BigDecimal> typedAgain(Map<String, BigDecimal> figures) {
        Map<String, BigDecimal> typed = new LinkedHashMap<>();
        figures.forEach((key, value) -> typed.put(key, value.setScale(6)));
        return typed;
    }

    private static Matcher<Object> violation(Kind kind, String rule, String field) {
        return allOf(instanceOf(RuleViolation.class), new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.kind() == kind && rule.equals(v.rule())
                        && java.util.Objects.equals(field, v.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + kind + " of rule " + rule + " on field " + field);
            }
        });
    }
}
