package cn.foi.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.command.calendar.AgencyCounting;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The answer period as a value (docs/domain.md §1.2–§1.5), on the national calendar: a request received on Monday
 * 2026-05-11 is due on Monday 2026-06-08, the twentieth working day counted from the day after.
 */
class AnswerPeriodTest {

    private static final WorkingDayCalendar NATIONAL = WorkingDayCalendar.national();
    private static final AgencyCounting.Counting FROM_NEXT_DAY = new AgencyCounting.Counting(NATIONAL, false, true);
    private static final AgencyCounting.Counting FROM_RECEIPT_DAY = new AgencyCounting.Counting(NATIONAL, true, true);

    private static final LocalDate RECEIVED = LocalDate.of(2026, 5, 11);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 8);
    private static final AnswerPeriod RECEIPT = AnswerPeriod.fromReceipt(RECEIVED);

    @Test
    void aPeriodReceivedUnderThe2019RegulationRunsTwentyWorkingDaysFromTheDayAfter() {
        AnswerPeriod.DueDate due = RECEIPT.due(FROM_NEXT_DAY);

        assertThat(due.on()).isEqualTo(DUE);
        assertThat(due.explanation()).isEqualTo("自收到申请之日（2026-05-11）次日起第 20 个工作日");
    }

    @Test
    void anAgencyCountingFromTheReceiptDayEndsItOneWorkingDayEarlier() {
        AnswerPeriod.DueDate due = RECEIPT.due(FROM_RECEIPT_DAY);

        assertThat(due.on()).isEqualTo(LocalDate.of(2026, 6, 5));
        assertThat(due.explanation()).isEqualTo("自收到申请之日（2026-05-11）当日起第 20 个工作日");
    }

    @Test
    void aRequestReceivedBeforeThe2019RevisionHasFifteenWorkingDaysAndSaysWhy() {
        AnswerPeriod period = AnswerPeriod.fromReceipt(LocalDate.of(2019, 3, 1));

        assertThat(period.regulation()).isEqualTo(Regulation.OF_2008);
        assertThat(period.due(FROM_NEXT_DAY)).isEqualTo(new AnswerPeriod.DueDate(LocalDate.of(2019, 3, 22),
                "自收到申请之日（2019-03-01）次日起第 15 个工作日（依2008年条例第二十四条）"));
    }

    @Test
    void anExtensionLengthensThePeriodByItsWorkingDaysAndIsRememberedAsTheOneExtension() {
        AnswerPeriod extended = RECEIPT.extendedBy(20);

        assertThat(extended.extended()).isTrue();
        assertThat(extended.due(FROM_NEXT_DAY)).isEqualTo(new AnswerPeriod.DueDate(LocalDate.of(2026, 7, 7),
                "自收到申请之日（2026-05-11）次日起第 40 个工作日（含延长的 20 个工作日）"));
    }

    @Test
    void theWorkingDaysAfterThePauseUpToTheResumptionLengthenThePeriod() {
        AnswerPeriod paused = RECEIPT.announced(DUE).pausedOn(LocalDate.of(2026, 5, 15));
        int standstill = paused.standstillUntil(FROM_NEXT_DAY, LocalDate.of(2026, 5, 22));
        AnswerPeriod resumed = paused.resumedAfter(standstill);

        assertThat(standstill).isEqualTo(5);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.due(FROM_NEXT_DAY)).isEqualTo(new AnswerPeriod.DueDate(LocalDate.of(2026, 6, 15),
                "自收到申请之日（2026-05-11）次日起第 25 个工作日（含暂停计算顺延的 5 个工作日）"));
    }

    @Test
    void aPauseThatBeganAfterThePeriodExpiredDoesNotReviveIt() {
        AnswerPeriod pausedLate = RECEIPT.announced(DUE).pausedOn(LocalDate.of(2026, 6, 10));

        assertThat(pausedLate.standstillUntil(FROM_NEXT_DAY, LocalDate.of(2026, 6, 15))).isZero();
        assertThat(pausedLate.endAsOf(FROM_NEXT_DAY, LocalDate.of(2026, 6, 12), null)).isEqualTo(DUE);
    }

    @Test
    void aPeriodStillHeldOnTheDayCannotHaveExpiredButOneHeldOnlyUntilEarlierEndsLater() {
        AnswerPeriod paused = RECEIPT.announced(DUE).pausedOn(LocalDate.of(2026, 5, 15));

        assertThat(paused.endAsOf(FROM_NEXT_DAY, LocalDate.of(2026, 6, 20), null)).isNull();
        assertThat(paused.endAsOf(FROM_NEXT_DAY, LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 25))).isNull();
        assertThat(paused.endAsOf(FROM_NEXT_DAY, LocalDate.of(2026, 6, 20), LocalDate.of(2026, 5, 22)))
                .isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void aSupplementRestartsThePeriodFromItsReceiptAndForgetsTheEarlierStandstill() {
        AnswerPeriod restarted = RECEIPT.pausedOn(LocalDate.of(2026, 5, 12)).resumedAfter(3)
                .restartedOn(LocalDate.of(2026, 5, 22));

        assertThat(restarted.pausedWorkingDays()).isZero();
        assertThat(restarted.due(FROM_NEXT_DAY)).isEqualTo(new AnswerPeriod.DueDate(LocalDate.of(2026, 6, 22),
                "自收到补正之日（2026-05-22）次日起第 20 个工作日"));
    }

    @Test
    void aCorrectedReceiptMovesAPeriodCountedFromItButNotOneRestartedByASupplement() {
        LocalDate corrected = LocalDate.of(2026, 5, 12);

        assertThat(RECEIPT.withReceiptCorrected(corrected).start()).isEqualTo(corrected);
        assertThat(RECEIPT.restartedOn(LocalDate.of(2026, 5, 22)).withReceiptCorrected(corrected).start())
                .isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(AnswerPeriod.fromReceipt(LocalDate.of(2019, 5, 14)).withReceiptCorrected(LocalDate.of(2019, 5, 15))
                .regulation()).isEqualTo(Regulation.OF_2019);
    }

    @Test
    void aLaterAnswerDateReplacesTheCountedDueDate() {
        AnswerPeriod later = RECEIPT.extendedBy(10).answeredBy(LocalDate.of(2026, 7, 31));

        assertThat(later.due(FROM_NEXT_DAY))
                .isEqualTo(new AnswerPeriod.DueDate(LocalDate.of(2026, 7, 31), "依条例第三十五条确定的答复期限"));
        assertThat(later.announced(DUE).endAsOf(FROM_NEXT_DAY, LocalDate.of(2026, 7, 1), null)).isEqualTo(DUE);
    }

    @Test
    void eachStepLeavesThePeriodItCameFromAsItWas() {
        RECEIPT.extendedBy(20).pausedOn(RECEIVED).answeredBy(LocalDate.of(2026, 7, 31)).announced(DUE);

        assertThat(RECEIPT).isEqualTo(AnswerPeriod.fromReceipt(RECEIVED));
        assertThat(RECEIPT.due(FROM_NEXT_DAY).on()).isEqualTo(DUE);
    }
}
