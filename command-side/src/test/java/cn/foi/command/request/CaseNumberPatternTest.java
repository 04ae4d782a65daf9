package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.command.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseNumberPatternTest {

    private final CaseNumberPattern standard = CaseNumberPattern.of(CaseNumberPattern.DEFAULT);

    @Test
    void theFirstNumberOfAYearIsOnePaddedToThreeDigits() {
        assertThat(standard.next(2025, List.of())).isEqualTo("2025-001");
    }

    @Test
    void theNextNumberFollowsTheHighestOfTheYearNotTheLastRegistered() {
        assertThat(standard.next(2025, List.of("2025-007", "2025-003", "2024-090"))).isEqualTo("2025-008");
    }

    @Test
    void numbersOfOtherYearsAndOtherFormsAreNotPartOfTheSeries() {
        assertThat(standard.next(2025, List.of("2024-090", "2025-A07", "X2025-050", "2025-050号"))).isEqualTo("2025-001");
    }

    @Test
    void aSeriesPastThePaddingGrowsWithoutLosingDigits() {
        assertThat(standard.next(2025, List.of("2025-999"))).isEqualTo("2025-1000");
    }

    @Test
    void aPatternWithWordsAndBracketsIsReadLiterally() {
        CaseNumberPattern pattern = CaseNumberPattern.of("某街道依申请〔{年}〕第{序号}号");
        assertThat(pattern.next(2026, List.of("某街道依申请〔2026〕第9号", "某街道依申请〔2026〕第10号")))
                .isEqualTo("某街道依申请〔2026〕第11号");
        assertThat(pattern.seriesRegex(2026)).isEqualTo("^某街道依申请\\〔2026\\〕第([0-9]+)号$");
    }

    @Test
    void aPatternWithoutYearOrSequenceIsRefused() {
        assertThatThrownBy(() -> CaseNumberPattern.of("{序号:3}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{年}");
        assertThatThrownBy(() -> CaseNumberPattern.of("{年}-{年}-{序号}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSeriesYearIsTheReceiptsAndNeverAYearToCome() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        assertThat(CaseNumberPattern.seriesYear(LocalDate.of(2025, 12, 31), today)).isEqualTo(2025);
        assertThatThrownBy(() -> CaseNumberPattern.seriesYear(LocalDate.of(2027, 1, 1), today))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> CaseNumberPattern.seriesYear(LocalDate.of(2007, 1, 1), today))
                .isInstanceOf(RuleViolation.class);
    }
}
