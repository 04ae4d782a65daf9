package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.foi.command.calendar.AgencyCounting;
import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What the answer period refuses (条例 33, 35; docs/domain.md §1.3), apart from any request: a request received on
 * Monday 2026-05-11 is due on Monday 2026-06-08 on the national calendar.
 */
class AnswerPeriodGuardsTest {

    private static final AgencyCounting.Counting FROM_NEXT_DAY =
            new AgencyCounting.Counting(WorkingDayCalendar.national(), false, true);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 8);
    private static final AnswerPeriod ANNOUNCED = AnswerPeriod.fromReceipt(LocalDate.of(2026, 5, 11)).announced(DUE);

    @Test
    void aPeriodIsExtendedOnceByAtMostTheDaysItsRegulationAllows() {
        ANNOUNCED.requireExtensibleBy(20);
        assertThatThrownBy(() -> ANNOUNCED.requireExtensibleBy(21)).isInstanceOf(RuleViolation.class)
                .hasMessage("延长的期限须为 1 至 20 个工作日，不能为 21");
        assertThatThrownBy(() -> ANNOUNCED.requireExtensibleBy(0)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ANNOUNCED.extendedBy(5).requireExtensibleBy(5)).isInstanceOf(RuleViolation.class)
                .hasMessage("该申请已延长过一次答复期限，依条例第三十三条只能延长一次");
    }

    @Test
    void anExtensionIsToldBeforeThePeriodExpires() {
        ANNOUNCED.requireNotExpiredOn(FROM_NEXT_DAY, DUE, null);
        assertThatThrownBy(() -> ANNOUNCED.requireNotExpiredOn(FROM_NEXT_DAY, DUE.plusDays(1), null))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("答复期限已于 2026-06-08 届满，延期须在期限届满前告知申请人");
    }

    @Test
    void aLaterAnswerDateMustComeAfterTheDueDateItReplaces() {
        LocalDate setOn = LocalDate.of(2026, 5, 20);

        assertThat(ANNOUNCED.checkedLaterAnswerDate(DUE.plusDays(1), setOn)).isEqualTo(DUE.plusDays(1));
        assertThatThrownBy(() -> ANNOUNCED.checkedLaterAnswerDate(DUE, setOn)).isInstanceOf(RuleViolation.class)
                .hasMessage("依条例第三十五条确定的答复期限（2026-06-08）须晚于现有答复期限（2026-06-08）");
    }
}
