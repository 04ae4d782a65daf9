package cn.foi.platform.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeePolicyTest {

    @ParameterizedTest(name = "{0} pages cost {1} 元")
    @CsvSource({
            "0, 0.00",
            "30, 0.00",
            "31, 10.00",
            "100, 700.00",
            "101, 720.00",
            "120, 1100.00",
            "200, 2700.00",
            "201, 2740.00",
            "1000, 34700.00",
    })
    void perPageFeesAreProgressiveOverThePagesOfOneRequest(int pages, String amount) {
        assertThat(FeePolicy.perPage(pages).amount()).isEqualByComparingTo(amount).hasToString(amount);
    }

    @ParameterizedTest(name = "the {0}th request of the month costs {1} 元")
    @CsvSource({
            "1, 0.00",
            "10, 0.00",
            "11, 100.00",
            "30, 100.00",
            "31, 200.00",
            "40, 200.00",
            "41, 300.00",
            "50, 300.00",
            "51, 400.00",
    })
    void perRequestFeesRiseByOneHundredForEveryTenRequestsAfterThirty(int nth, String amount) {
        assertThat(FeePolicy.perRequest(nth).amount()).isEqualByComparingTo(amount).hasToString(amount);
    }

    @org.junit.jupiter.api.Test
    void theExplanationShowsEachTier() {
        assertThat(FeePolicy.perPage(120).explanation())
                .contains("前 30 页不收费", "70 页 × 10 元 = 700 元", "20 页 × 20 元 = 400 元", "合计 1100.00 元");
        assertThat(FeePolicy.perPage(30).explanation()).contains("不收费");
        assertThat(FeePolicy.perRequest(11).explanation()).contains("第 11 件", "100 元");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, FeePolicy.MAX_PAGES + 1})
    void pagesOutsideTheRangeAreRefused(int pages) {
        assertThatThrownBy(() -> FeePolicy.perPage(pages)).isInstanceOf(IllegalArgumentException.class);
    }
}
