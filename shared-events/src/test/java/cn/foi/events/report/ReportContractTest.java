package cn.foi.events.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportContractTest {

    @Test
    void the2019TemplateHasTwentyTwoFiguresOfTable2InTheOfficialOrder() {
        List<Table2Item> items = Table2Item.of("2019");
        assertThat(items).hasSize(22);
        assertThat(items).extracting(Table2Item::key).startsWith("RULES_MADE", "RULES_PUBLISHED", "RULES_TOTAL",
                "NORMATIVE_MADE").endsWith("FEES_PREVIOUS", "FEES_CHANGE", "PROCUREMENT_PROJECTS", "PROCUREMENT_AMOUNT");
        assertThat(Table2Item.T2019_LICENSING_CHANGE.kind()).isEqualTo(Table2Item.Kind.SIGNED);
        assertThat(Table2Item.T2019_PROCUREMENT_AMOUNT.kind()).isEqualTo(Table2Item.Kind.AMOUNT);
        assertThat(Table2Item.T2019_NORMATIVE_MADE.label()).isEqualTo("规范性文件·本年新制作数量");
        assertThat(Table2Item.T2019_PENALTY_DECISIONS.section()).isEqualTo("第二十条第（六）项");
    }

    @Test
    void the2021TemplateHasTenFiguresOfTable2InTheOfficialOrder() {
        assertThat(Table2Item.of("2021")).extracting(Table2Item::key).containsExactly(
                "RULES_ISSUED", "RULES_REPEALED", "RULES_IN_FORCE",
                "NORMATIVE_ISSUED", "NORMATIVE_REPEALED", "NORMATIVE_IN_FORCE",
                "LICENSING_DECISIONS", "PENALTY_DECISIONS", "ENFORCEMENT_DECISIONS", "FEES_AMOUNT");
        assertThat(Table2Item.T2021_FEES_AMOUNT.kind()).isEqualTo(Table2Item.Kind.AMOUNT);
        assertThat(Table2Item.T2021_FEES_AMOUNT.column()).isEqualTo("本年收费金额（单位：万元）");
        assertThat(Table2Item.T2021_NORMATIVE_ISSUED.row()).isEqualTo("行政规范性文件");
    }

    @Test
    void keysAreUniqueWithinATemplateAndSharedKeysAreFoundPerTemplate() {
        for (String template : ReportTemplates.ALL) {
            Set<String> keys = Table2Item.of(template).stream().map(Table2Item::key).collect(Collectors.toSet());
            assertThat(keys).hasSameSizeAs(Table2Item.of(template));
        }
        assertThat(Table2Item.find("2019", "LICENSING_DECISIONS")).contains(Table2Item.T2019_LICENSING_DECISIONS);
        assertThat(Table2Item.find("2021", "LICENSING_DECISIONS")).contains(Table2Item.T2021_LICENSING_DECISIONS);
        assertThat(Table2Item.find("2021", "RULES_MADE")).isEmpty();
        assertThat(Table2Item.of("2020")).isEmpty();
    }

    @Test
    void table3RowsDifferOnlyInOtherHandling() {
        List<String> old = Table3Rows.of("2019");
        List<String> current = Table3Rows.of("2021");
        assertThat(old).hasSize(23).contains("R3_6").doesNotContain("R3_6_1");
        assertThat(current).hasSize(25).contains("R3_6_1", "R3_6_2", "R3_6_3").doesNotContain("R3_6");
        assertThat(current).startsWith("R1", "R2", "R3_1", "R3_2", "R3_3_1").endsWith("R3_6_3", "R3_7", "R4");
        assertThat(old).endsWith("R3_5_5", "R3_6", "R3_7", "R4");
        assertThatThrownBy(() -> Table3Rows.of("2018")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTemplateFollowsTheYearUnlessChosen() {
        assertThat(ReportTemplates.defaultFor(2008)).isEqualTo("2019");
        assertThat(ReportTemplates.defaultFor(2020)).isEqualTo("2019");
        assertThat(ReportTemplates.defaultFor(2021)).isEqualTo("2021");
        assertThat(ReportTemplates.defaultFor(2025)).isEqualTo("2021");
        assertThat(ReportTemplates.isKnown("2021")).isTrue();
        assertThat(ReportTemplates.isKnown("2020")).isFalse();
    }

    @Test
    void theReportLifecycleIsClosed() {
        assertThat(ReportEvent.class.isSealed()).isTrue();
        assertThat(ReportEvent.class.getPermittedSubclasses()).hasSize(4);
    }
}
