package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemedyTimeLimitsTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 1, 20);
    private static final LocalDate SERVED = LocalDate.of(2025, 1, 22);

    private static RemedyTimeLimits.Appeal reconsideration(LocalDate filedOn, LocalDate servedOn) {
        return new RemedyTimeLimits.Appeal(false, 1, false, filedOn, Outcome.R3_1, DECIDED, servedOn, false, null);
    }

    private static RemedyTimeLimits.Appeal directSuit(LocalDate filedOn, Outcome answer, LocalDate decidedOn) {
        return new RemedyTimeLimits.Appeal(true, 1, false, filedOn, answer, decidedOn, null, false, null);
    }

    private static List<String> codes(RemedyTimeLimits.Appeal appeal) {
        return RemedyTimeLimits.flags(appeal).stream().map(Flag::code).toList();
    }

    @Test
    void aReconsiderationOnTheSixtiethDayAfterServiceIsInTime() {
        assertThat(codes(reconsideration(SERVED.plusDays(60), SERVED))).isEmpty();
    }

    @Test
    void aReconsiderationOnTheSixtyFirstDayAfterServiceIsFlaggedLate() {
        assertThat(RemedyTimeLimits.flags(reconsideration(SERVED.plusDays(61), SERVED)))
                .singleElement().satisfies(flag -> {
                    assertThat(flag.code()).isEqualTo("RECONSIDERATION_LATE");
                    assertThat(flag.message()).contains("答复送达之日（2025-01-22）", "至 2025-03-23");
                });
    }

    @Test
    void withoutAServiceDateTheSixtyDaysCountFromTheAnswer() {
        assertThat(codes(reconsideration(DECIDED.plusDays(61), null))).containsExactly("RECONSIDERATION_LATE");
        assertThat(codes(reconsideration(DECIDED.plusDays(60), null))).isEmpty();
    }

    @Test
    void aSuitAfterReconsiderationMoreThanFifteenDaysAfterTheDecisionIsFlaggedLate() {
        LocalDate decision = LocalDate.of(2025, 4, 1);
        RemedyTimeLimits.Appeal inTime = new RemedyTimeLimits.Appeal(true, 1, true, decision.plusDays(15),
                Outcome.R3_3_1, DECIDED, SERVED, false, decision);
        RemedyTimeLimits.Appeal late = new RemedyTimeLimits.Appeal(true, 1, true, decision.plusDays(16),
                Outcome.R3_3_1, DECIDED, SERVED, false, decision);
        assertThat(codes(inTime)).isEmpty();
        assertThat(codes(late)).containsExactly("LAWSUIT_AFTER_RECONSIDERATION_LATE");
    }

    @Test
    void aDirectSuitCountsSixCalendarMonths() {
        LocalDate endOfJanuary = LocalDate.of(2023, 1, 31);
        assertThat(codes(directSuit(LocalDate.of(2023, 7, 31), Outcome.R3_1, endOfJanuary))).isEmpty();
        assertThat(codes(directSuit(LocalDate.of(2023, 8, 1), Outcome.R3_1, endOfJanuary)))
                .containsExactly("LAWSUIT_LATE");
    }

    @Test
    void aDirectSuitAgainstARefusalMadeSince2024NeedsReconsiderationFirst() {
        assertThat(codes(directSuit(LocalDate.of(2024, 2, 1), Outcome.R3_3_4, LocalDate.of(2024, 1, 1))))
                .containsExactly("LAWSUIT_WITHOUT_RECONSIDERATION");
        assertThat(codes(directSuit(LocalDate.of(2024, 2, 1), Outcome.R3_2, LocalDate.of(2024, 1, 5))))
                .containsExactly("LAWSUIT_WITHOUT_RECONSIDERATION");
    }

    @Test
    void aDirectSuitAgainstARefusalMadeBefore2024OrAgainstAnotherAnswerIsNotFlagged() {
        assertThat(codes(directSuit(LocalDate.of(2024, 1, 10), Outcome.R3_3_4, LocalDate.of(2023, 12, 29))))
                .isEmpty();
        assertThat(codes(directSuit(LocalDate.of(2024, 2, 1), Outcome.R3_4_1, LocalDate.of(2024, 1, 5)))).isEmpty();
        assertThat(codes(directSuit(LocalDate.of(2024, 2, 1), Outcome.R3_5_2, LocalDate.of(2024, 1, 5)))).isEmpty();
    }

    @Test
    void anAppealAgainstAWithdrawnRequestIsFlaggedWithoutTimeLimits() {
        RemedyTimeLimits.Appeal appeal = new RemedyTimeLimits.Appeal(false, 1, false, LocalDate.of(2026, 1, 1),
                Outcome.R3_6_3, DECIDED, null, true, null);
        assertThat(codes(appeal)).containsExactly("APPEAL_AGAINST_WITHDRAWN");
    }

    @Test
    void aFeeNoticeApartFromItsQuoteOrWithoutAnAmountIsFlagged() {
        LocalDate on = LocalDate.of(2026, 3, 4);
        assertThat(RequestFlags.feeFlags(on, new BigDecimal("500.00"), new BigDecimal("1100.00"), "减收"))
                .extracting(Flag::code).containsExactly("FEE_DIFFERS_FROM_QUOTE");
        assertThat(RequestFlags.feeFlags(on, new BigDecimal("1100.00"), new BigDecimal("1100"), null)).isEmpty();
        assertThat(RequestFlags.feeFlags(on, new BigDecimal("100.00"), null, null)).isEmpty();
        assertThat(RequestFlags.feeFlags(on, null, null, null)).extracting(Flag::code)
                .containsExactly("FEE_AMOUNT_UNKNOWN");
    }
}
