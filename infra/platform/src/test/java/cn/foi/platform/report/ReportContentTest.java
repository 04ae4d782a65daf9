package cn.foi.platform.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.report.PublishedReport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportContentTest {

    private static PublishedReport report(Map<String, BigDecimal> table2, String overview, BigDecimal fees) {
        Map<String, List<Long>> table3 = new LinkedHashMap<>();
        table3.put("R1", List.of(3L, 1L, 0L, 0L, 0L, 0L, 4L));
        table3.put("R2", List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L));
        Map<String, List<Long>> table4 = new LinkedHashMap<>();
        table4.put("reconsideration", List.of(1L, 0L, 0L, 0L, 1L));
        table4.put("lawsuitDirect", List.of(0L, 0L, 0L, 0L, 0L));
        return new PublishedReport(table3, table4, "本年度申请的案件", table2, overview, "", "无", fees);
    }

    private static Map<String, BigDecimal> table2(String... keysAndValues) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            figures.put(keysAndValues[i], new BigDecimal(keysAndValues[i + 1]));
        }
        return figures;
    }

    @Test
    void theCanonicalTextSortsKeysAndSpellsNumbersPlainly() {
        PublishedReport report = report(table2("RULES_ISSUED", "2", "FEES_AMOUNT", "1.5000"), "总体", new BigDecimal("1E+2"));
        assertThat(ReportContent.canonicalText(report)).isEqualTo("""
                table2:2
                11:FEES_AMOUNT=1.5
                12:RULES_ISSUED=2
                table3:2
                2:R1=[3,1,0,0,0,0,4]
                2:R2=[0,0,0,0,0,0,0]
                table4:2
                13:lawsuitDirect=[0,0,0,0,0]
                15:reconsideration=[1,0,0,0,1]
                table4Rule=8:本年度申请的案件
                feesCollected=100
                overview=2:总体
                problems=0:
                otherMatters=1:无
                """);
    }

    @Test
    void theSameContentHasTheSameHashWhateverTheOrderOfKeysOrTrailingZeros() {
        String hash = ReportContent.hash(report(table2("RULES_ISSUED", "2", "FEES_AMOUNT", "1.5"), "总体", BigDecimal.ZERO));
        String again = ReportContent.hash(report(table2("FEES_AMOUNT", "1.50", "RULES_ISSUED", "2.0"), "总体",
                new BigDecimal("0.00")));
        assertThat(hash).isEqualTo(again).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anyChangeOfAFigureOrATextChangesTheHash() {
        String hash = ReportContent.hash(report(table2("RULES_ISSUED", "2"), "总体", BigDecimal.ZERO));
        assertThat(ReportContent.hash(report(table2("RULES_ISSUED", "3"), "总体", BigDecimal.ZERO))).isNotEqualTo(hash);
        assertThat(ReportContent.hash(report(table2("RULES_REPEALED", "2"), "总体", BigDecimal.ZERO))).isNotEqualTo(hash);
        assertThat(ReportContent.hash(report(table2("RULES_ISSUED", "2"), "总体情况", BigDecimal.ZERO))).isNotEqualTo(hash);
        assertThat(ReportContent.hash(report(table2("RULES_ISSUED", "2"), "总体", BigDecimal.ONE))).isNotEqualTo(hash);
        PublishedReport base = report(table2("RULES_ISSUED", "2"), "总体", BigDecimal.ZERO);
        Map<String, List<Long>> table3 = new LinkedHashMap<>(base.table3());
        table3.put("R2", List.of(0L, 0L, 0L, 0L, 0L, 1L, 1L));
        assertThat(ReportContent.hash(new PublishedReport(table3, base.table4(), base.table4Rule(), base.table2(),
                base.overview(), base.problems(), base.otherMatters(), base.feesCollected()))).isNotEqualTo(hash);
        assertThat(ReportContent.hash(new PublishedReport(base.table3(), base.table4(), "本年度审结的案件", base.table2(),
                base.overview(), base.problems(), base.otherMatters(), base.feesCollected()))).isNotEqualTo(hash);
    }

    @Test
    void textCannotPassForTheBoundaryBetweenTwoSections() {
        PublishedReport one = new PublishedReport(Map.of(), Map.of(), "", Map.of(), "甲\nproblems=0:", "", "", null);
        PublishedReport other = new PublishedReport(Map.of(), Map.of(), "", Map.of(), "甲", "\nproblems=0:", "", null);
        assertThat(ReportContent.hash(one)).isNotEqualTo(ReportContent.hash(other));
    }

    @Test
    void normalizedNumbersDropTrailingZerosButNeverUseAnExponent() {
        assertThat(ReportContent.normalized(new BigDecimal("10.00"))).isEqualTo(new BigDecimal("10"));
        assertThat(ReportContent.normalized(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
        assertThat(ReportContent.normalized(new BigDecimal("0.0000"))).isEqualTo(BigDecimal.ZERO);
        assertThat(ReportContent.normalized(new BigDecimal("12.3400"))).isEqualTo(new BigDecimal("12.34"));
    }
}
