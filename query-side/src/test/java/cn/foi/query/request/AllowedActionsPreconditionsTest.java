package cn.foi.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.platform.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The steps and outcomes whose rule turns on a deadline or on what was asked of the applicant: 逾期未补正 and 逾期未缴费
 * are offered from the day after their deadline, never before (the command side would refuse every date a clerk could
 * give earlier, as it accepts no date in the future), and an answer's outcomes exclude those the history cannot support.
 */
class AllowedActionsPreconditionsTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.national();
    private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

    private static RequestView view(String status, LocalDate supplementDueOn, RequestView.TimelineItem... timeline) {
        return new RequestView("r-1", "JD01", "2026-001", status, "办理中", null, "网络", "ONLINE", null, null,
                RECEIVED, "申请公开某文件", 1, null, LocalDate.of(2026, 3, 30), null, 10, false, null,
                null, List.of(), 0, supplementDueOn, false, null, null, null, null, null, null, null, 0, 0,
                Instant.EPOCH, Instant.EPOCH, List.of(timeline), List.of(), List.of(), false, null, null, null);
    }

    private static RequestView.TimelineItem entry(long sequence, String type, LocalDate on, Map<String, Object> data) {
        return new RequestView.TimelineItem(sequence, type, type, "", on, Instant.EPOCH, "clerk", data);
    }

    private static List<String> keys(RequestView view, LocalDate today) {
        return AllowedActions.of(view, today, CALENDAR).stream().map(AllowedActions.Action::key).toList();
    }

    @Test
    void aSupplementNoticeIsOfferedAsLapsedOnlyFromTheDayAfterItsDeadline() {
        LocalDate dueOn = LocalDate.of(2026, 3, 16);
        RequestView awaiting = view("AWAITING_SUPPLEMENT", dueOn,
                entry(0, "RequestReceived", RECEIVED, Map.of()),
                entry(1, "SupplementRequested", LocalDate.of(2026, 3, 3), Map.of("dueOn", dueOn.toString())));

        assertThat(keys(awaiting, LocalDate.of(2026, 3, 5))).contains("supplement").doesNotContain("supplement-lapse");
        assertThat(keys(awaiting, dueOn)).doesNotContain("supplement-lapse");
        assertThat(keys(awaiting, dueOn.plusDays(1))).contains("supplement", "supplement-lapse");
    }

    @Test
    void anUnpaidFeeIsOfferedAsLapsedOnlyAfterTwentyWorkingDaysOnTheAgencysCalendar() {
        LocalDate noticeOn = LocalDate.of(2026, 9, 21);
        // 20 working days from 2026-09-21 cross the National Day week (10-01 to 10-08 off, 09-27 and 10-10 worked).
        LocalDate payBy = CALENDAR.addWorkingDays(noticeOn, 20);
        assertThat(payBy).isAfter(noticeOn.plusDays(28));
        RequestView unpaid = view("IN_PROGRESS", null,
                entry(0, "RequestReceived", RECEIVED, Map.of()),
                entry(1, "FeeNoticeIssued", noticeOn, Map.of("noticeOn", noticeOn.toString(), "amount", 100)));

        assertThat(keys(unpaid, noticeOn.plusDays(28))).contains("fee-payment").doesNotContain("fee-lapse");
        assertThat(keys(unpaid, payBy)).doesNotContain("fee-lapse");
        assertThat(keys(unpaid, payBy.plusDays(1))).contains("fee-payment", "fee-lapse");
    }

    @Test
    void aLapseAlreadyRecordedIsNotOfferedAgainWhateverTheDate() {
        LocalDate noticeOn = LocalDate.of(2026, 3, 3);
        RequestView lapsed = view("IN_PROGRESS", null,
                entry(0, "RequestReceived", RECEIVED, Map.of()),
                entry(1, "FeeNoticeIssued", noticeOn, Map.of("noticeOn", noticeOn.toString())),
                entry(2, "FeeLapseRecorded", LocalDate.of(2026, 5, 6), Map.of()));

        assertThat(keys(lapsed, LocalDate.of(2026, 12, 1))).contains("fee-payment").doesNotContain("fee-lapse");
    }

    private static Map<String, String> excludedFromTheAnswer(RequestView view, LocalDate today) {
        AllowedActions.Action decision = AllowedActions.of(view, today, CALENDAR).stream()
                .filter(a -> a.key().equals("decision")).findFirst().orElseThrow();
        return decision.excluded().stream().collect(java.util.stream.Collectors.toMap(AllowedActions.Exclusion::key,
                AllowedActions.Exclusion::reason));
    }

    @Test
    void anAnswerToARequestNothingWasAskedForCannotBeOneOfTheThreeOutcomesThatNeedAHistory() {
        RequestView open = view("IN_PROGRESS", null, entry(0, "RequestReceived", RECEIVED, Map.of()));

        Map<String, String> excluded = excludedFromTheAnswer(open, LocalDate.of(2026, 6, 1));

        assertThat(excluded).containsOnlyKeys("R3_6_1", "R3_6_2", "R3_4_3");
        assertThat(excluded.get("R3_6_1")).isEqualTo("“逾期不补正”只适用于发出补正通知而未收到补正的申请");
        assertThat(excluded.get("R3_4_3")).isEqualTo("“补正后申请内容仍不明确”只适用于已收到补正的申请");
    }

    @Test
    void anAnswerOfUnansweredSupplementIsOfferedOnlyFromTheDayAfterTheSupplementDeadline() {
        LocalDate dueOn = LocalDate.of(2026, 3, 16);
        RequestView awaiting = view("AWAITING_SUPPLEMENT", dueOn,
                entry(0, "RequestReceived", RECEIVED, Map.of()),
                entry(1, "SupplementRequested", LocalDate.of(2026, 3, 3), Map.of("dueOn", dueOn.toString())));

        assertThat(excludedFromTheAnswer(awaiting, dueOn)).containsEntry("R3_6_1",
                "补正期限为 2026-03-16，答复日期（2026-03-16）尚在期限之内；期限届满后（2026-03-17 起）申请人仍未补正的，"
                        + "才能答复“逾期不补正”");
        assertThat(excludedFromTheAnswer(awaiting, dueOn.plusDays(1))).doesNotContainKey("R3_6_1")
                .containsKeys("R3_6_2", "R3_4_3");
    }

    @Test
    void aSupplementReceivedAllowsTheAnswerThatTheContentIsStillUnclear() {
        RequestView received = view("IN_PROGRESS", null,
                entry(0, "RequestReceived", RECEIVED, Map.of()),
                entry(1, "SupplementRequested", LocalDate.of(2026, 3, 3), Map.of("dueOn", "2026-03-16")),
                entry(2, "SupplementReceived", LocalDate.of(2026, 3, 10), Map.of()));

        assertThat(excludedFromTheAnswer(received, LocalDate.of(2026, 3, 11))).doesNotContainKey("R3_4_3")
                .containsKeys("R3_6_1", "R3_6_2");
    }
}
