package cn.foi.command.ledger;

import static cn.foi.command.ledger.LedgerColumn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** An office's own headers: what we suggest for them, the clerk's mapping, and how a header is read under it. */
class LedgerMappingTest {

    private final List<LedgerError> errors = new ArrayList<>();

    // ---- suggestions

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "受理日期, received_on", "申请日期, received_on", "收到申请日期, received_on",
            "答复日期, closed_on", "办结时间, closed_on", "办结日期（答复）, closed_on",
            "申请人姓名/名称, applicant_name", "申请人姓名, applicant_name", "申请人名称, applicant_name",
            "编号, case_no", "申请编号, case_no", "申请人类别, applicant_category", "答复结果, outcome"})
    void aNameOfficesAreKnownToUseIsSuggestedFirstAndSurely(String header, String key) {
        List<LedgerSuggestions.Suggestion> suggestions = LedgerSuggestions.forHeader(header);
        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.get(0).column().key()).isEqualTo(key);
        assertThat(suggestions.get(0).score()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"行政复议申请时间, reconsideration_filed_on", "征求意见答复时间, consultation_ended_on",
            "收费通知书日期, fee_notice_on", "received_date, received_on", "行政诉讼判决时间, lawsuit_decided_on"})
    void aHeaderNobodyListedGetsTheMostAlikeColumn(String header, String key) {
        List<LedgerSuggestions.Suggestion> suggestions = LedgerSuggestions.forHeader(header);
        assertThat(suggestions).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(suggestions.get(0).column().key()).isEqualTo(key);
        assertThat(suggestions.get(0).score()).isLessThan(1.0).isGreaterThanOrEqualTo(LedgerSuggestions.THRESHOLD);
        assertThat(suggestions).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void aHeaderLikeNoColumnGetsNoSuggestion() {
        assertThat(LedgerSuggestions.forHeader("经办人电话")).isEmpty();
        assertThat(LedgerSuggestions.forHeader("   ")).isEmpty();
        assertThat(LedgerSuggestions.forHeader(null)).isEmpty();
    }

    // ---- the clerk's mapping

    @Test
    void aMappingNamesOurColumnsByKeyOrChineseNameAndIgnoresByWordNullOrBlank() {
        LedgerMapping mapping = LedgerMapping.parse(
                "{\"受理日期\":\"received_on\",\"答复日期\":\"办结日期\",\"经办人\":\"忽略\",\"备注\":null,\"电话\":\"\"}");
        assertThat(mapping.entries()).containsEntry("受理日期", Optional.of(RECEIVED_ON))
                .containsEntry("答复日期", Optional.of(CLOSED_ON)).containsEntry("经办人", Optional.empty())
                .containsEntry("备注", Optional.empty()).containsEntry("电话", Optional.empty());
        assertThat(mapping.toKeys()).containsEntry("答复日期", "closed_on").containsEntry("经办人", null);
        assertThat(LedgerMapping.parse(mapping.toJson())).isEqualTo(mapping);
        assertThat(LedgerMapping.parse(null).isEmpty()).isTrue();
        assertThat(LedgerMapping.parse(" ").isEmpty()).isTrue();
    }

    @Test
    void aMappingToAColumnWeDoNotHaveIsRefused() {
        assertThatThrownBy(() -> LedgerMapping.parse("{\"受理日期\":\"arrival\"}"))
                .isInstanceOf(LedgerMappingException.class).hasMessageContaining("“arrival”不是本系统的台账列");
    }

    @Test
    void aMappingOfTwoHeadersToOneColumnIsRefused() {
        assertThatThrownBy(() -> LedgerMapping.parse("{\"受理日期\":\"received_on\",\"申请日期\":\"收到日期\"}"))
                .isInstanceOf(LedgerMappingException.class).hasMessageContaining("一列只能对应一个表头")
                .hasMessageContaining("收到日期");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]", "\"受理日期\"", "{\"受理日期\":1}", "{\"受理日期\":", "{\" \":\"case_no\"}",
            "{\"受理日期\":\"received_on\",\"受理日期 \":\"closed_on\"}"})
    void aMappingThatIsNoObjectOfHeadersToColumnsIsRefused(String json) {
        assertThatThrownBy(() -> LedgerMapping.parse(json)).isInstanceOf(LedgerMappingException.class)
                .hasMessageContaining("列对应关系");
    }

    // ---- a header under mappings

    private static final List<String> OFFICE = List.of("编号", "申请人类别", "受理日期", "答复日期", "经办人");
    private static final LedgerMapping CLERK = LedgerMapping.parse(
            "{\"编号\":\"case_no\",\"申请人类别\":\"applicant_category\",\"受理日期\":\"received_on\","
                    + "\"答复日期\":\"closed_on\",\"经办人\":\"忽略\"}");

    @Test
    void anOfficesHeaderIsNoLedgerUntilTheClerkMapsIt() {
        assertThat(LedgerHeader.read(1, OFFICE, errors)).isNull();
        assertThat(errors).extracting(LedgerError::message).anyMatch(m -> m.contains("请在导入页面为各列选择对应的本系统列"));
        errors.clear();

        LedgerHeader header = LedgerHeader.read(1, OFFICE, errors, CLERK, LedgerMapping.NONE);
        assertThat(errors).isEmpty();
        assertThat(header.cells(List.of("A-1", "自然人", "2025-03-03", "2025-03-20", "王五"))).containsOnlyKeys(
                CASE_NO, APPLICANT_CATEGORY, RECEIVED_ON, CLOSED_ON);
    }

    @Test
    void aRememberedMappingReadsTheHeadersItKnowsAndTheClerksMappingOverridesIt() {
        LedgerMapping remembered = LedgerMapping.parse("{\"编号\":\"case_no\",\"申请人类别\":\"applicant_category\","
                + "\"受理日期\":\"received_on\",\"另一个文件的列\":\"outcome\"}");
        List<LedgerHeader.Choice> choices = LedgerHeader.choose(OFFICE, LedgerMapping.parse("{\"受理日期\":\"忽略\","
                + "\"答复日期\":\"received_on\"}"), remembered);
        assertThat(choices).extracting(LedgerHeader.Choice::column)
                .containsExactly(CASE_NO, APPLICANT_CATEGORY, null, RECEIVED_ON, null);
        assertThat(choices).extracting(LedgerHeader.Choice::source).containsExactly(LedgerHeader.Source.REMEMBERED,
                LedgerHeader.Source.REMEMBERED, LedgerHeader.Source.MAPPED, LedgerHeader.Source.MAPPED,
                LedgerHeader.Source.NONE);
    }

    @Test
    void aRememberedEntryYieldsToAColumnTheFileNamesItself() {
        List<LedgerHeader.Choice> choices = LedgerHeader.choose(List.of("受理编号", "申请人类型", "收到日期", "受理日期"),
                LedgerMapping.NONE, LedgerMapping.parse("{\"受理日期\":\"received_on\"}"));
        assertThat(choices).extracting(LedgerHeader.Choice::column)
                .containsExactly(CASE_NO, APPLICANT_CATEGORY, RECEIVED_ON, null);
        assertThat(LedgerHeader.fromChoices(1, choices, errors)).isNotNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void aMappingOfAHeaderTheFileDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> LedgerHeader.choose(OFFICE, LedgerMapping.parse("{\"收件日期\":\"received_on\"}"),
                LedgerMapping.NONE)).isInstanceOf(LedgerMappingException.class)
                .hasMessageContaining("“收件日期”不在文件的表头中");
    }

    @Test
    void aMappingOntoAColumnAnotherHeaderAlreadyIsIsRefused() {
        assertThatThrownBy(() -> LedgerHeader.choose(List.of("受理编号", "申请人类型", "收到日期", "受理日期"),
                LedgerMapping.parse("{\"受理日期\":\"received_on\"}"), LedgerMapping.NONE))
                .isInstanceOf(LedgerMappingException.class).hasMessageContaining("“收到日期”已是这一列");
    }
}
