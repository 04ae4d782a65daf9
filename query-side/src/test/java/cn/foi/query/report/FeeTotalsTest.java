package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Section 六's 信息处理费 (domain §1.5): the fees paid in the year, by the day of payment; counted on real PostgreSQL
 * from constructed histories.
 */
class FeeTotalsTest extends OneAgencyReports {

    @Test
    void theFeesCollectedAreThePaymentsOfTheYear() {
        String paid = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
        deliver(paid, new FeeNoticeIssued(paid, LocalDate.of(2021, 3, 5), new BigDecimal("120.00"), FeeMethod.PER_PAGE),
                new FeePaid(paid, LocalDate.of(2021, 3, 9)));
        String unpaid = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
        deliver(unpaid, new FeeNoticeIssued(unpaid, LocalDate.of(2021, 3, 5), new BigDecimal("80.00"),
                FeeMethod.PER_REQUEST));
        String nextYear = receive(ApplicantCategory.C1, LocalDate.of(2021, 12, 1));
        deliver(nextYear, new FeeNoticeIssued(nextYear, LocalDate.of(2021, 12, 6), new BigDecimal("50.50"),
                FeeMethod.PER_PAGE), new FeePaid(nextYear, LocalDate.of(2022, 1, 4)));

        assertThat(report(2021, null).feesCollected().amountYuan()).isEqualByComparingTo("120.00");
        assertThat(report(2021, null).feesCollected().payments()).isEqualTo(1);
        assertThat(report(2022, null).feesCollected().amountYuan()).isEqualByComparingTo("50.50");
    }

    @Test
    void givenSeveralAgenciesFeesThenSectionSixStatesTheirSumInYuanToTheFen() {
        FeeTotals sum = FeeTotals.sum(List.of(new FeeTotals(new BigDecimal("10.005"), 1, 0),
                new FeeTotals(new BigDecimal("20"), 2, 1), FeeTotals.NONE));

        assertThat(sum.amountUnknown()).isEqualTo(1);
        assertThat(sum.collected().amountYuan()).isEqualByComparingTo("30.01").hasScaleOf(2);
        assertThat(sum.collected().payments()).isEqualTo(3);
    }
}
