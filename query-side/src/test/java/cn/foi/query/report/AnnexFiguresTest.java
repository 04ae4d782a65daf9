package cn.foi.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.request.RequestFlags;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The annex (domain §3): how fast and how reliably the agency answered, and what is still open. First the figures of
 * requests as the report reads them, then on real PostgreSQL from constructed histories.
 */
class AnnexFiguresTest extends OneAgencyReports {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2021, 12, 31);

    @Test
    void theAnnexMeasuresHowFastAndHowReliablyTheAgencyAnswered() {
        // Received Monday 2021-03-01: answered the same day, after 5 and after 25 working days (the last one late).
        for (LocalDate answered : List.of(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 8),
                LocalDate.of(2021, 4, 6))) {
            String id = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
            deliver(id, new RequestDecided(id, Outcome.R3_1, answered, null, ""));
        }
        String withdrawn = receive(ApplicantCategory.C1, LocalDate.of(2021, 3, 1));
        deliver(withdrawn, new RequestWithdrawn(withdrawn, LocalDate.of(2021, 3, 2), ""));

        AnnualReportView.Annex annex = report(2021, null).annex();
        assertThat(annex.answered()).isEqualTo(4);
        assertThat(annex.answeredWithinPeriod()).isEqualTo(3);
        assertThat(annex.answeredLate()).isEqualTo(1);
        assertThat(annex.withinPeriodShare()).isEqualTo(0.75);
        assertThat(annex.lowestWorkingDays()).isEqualTo("<1");
        assertThat(annex.highestWorkingDays()).isEqualTo("25");
        assertThat(annex.medianWorkingDays()).isEqualTo("3");
        assertThat(annex.responseTimeBuckets()).containsEntry("<1", 1L).containsEntry("1-20", 2L)
                .containsEntry("21-40", 1L);
        assertThat(annex.byChannel()).containsEntry(Channel.ONLINE.label(), 4L);
        assertThat(annex.receivedInYear()).isEqualTo(4);
    }

    @Test
    void givenAnswersOfTwoAgenciesThenTheMedianIsThatOfAllTheAnswersNotOfTheAgenciesMedians() {
        // Received Monday 2021-03-01, due 20 working days later (03-29): A answers after 0 and 1 working days, B after 22.
        AnnexFigures a = AnnexFigures.count(List.of(answered("A-1", LocalDate.of(2021, 3, 1)),
                answered("A-2", LocalDate.of(2021, 3, 2))), START, END, END, WorkingDayCalendar.national(),
                RequestFlags.noCounts());
        AnnexFigures b = AnnexFigures.count(List.of(answered("B-1", LocalDate.of(2021, 3, 31))), START, END, END,
                WorkingDayCalendar.national(), RequestFlags.noCounts());

        AnnualReportView.Annex annex = AnnexFigures.sum(List.of(a, b), END);

        assertThat(annex.answered()).isEqualTo(3);
        assertThat(annex.medianWorkingDays()).isEqualTo("1");
        assertThat(annex.answeredLate()).isEqualTo(1);
        assertThat(annex.withinPeriodShare()).isEqualTo(0.6667);
        assertThat(annex.averageWorkingDays()).isEqualTo("7.7");
        assertThat(annex.responseTimeBuckets()).containsEntry("<1", 1L).containsEntry("1-20", 1L)
                .containsEntry("21-40", 1L);
    }

    @Test
    void givenAnEvenNumberOfAnswersThenTheMedianIsTheMeanOfTheMiddleTwo() {
        TreeMap<Integer, Long> days = new TreeMap<>(Map.of(0, 1L, 5, 2L, 25, 1L));

        assertThat(AnnexFigures.median(days, 4)).isEqualTo(5.0);
        days.put(5, 1L);
        assertThat(AnnexFigures.median(days, 3)).isEqualTo(5.0);
        days.put(7, 1L);
        assertThat(AnnexFigures.median(days, 4)).isEqualTo(6.0);
    }

    @Test
    void answersFallInBandsOfTwentyWorkingDaysWithSameDayAndOverAHundredApart() {
        assertThat(List.of(0, 1, 20, 21, 100, 101).stream().map(AnnexFigures::band))
                .containsExactly("<1", "1-20", "1-20", "21-40", "81-100", ">100");
        assertThat(AnnexFigures.workingDays(0.5)).isEqualTo("<1");
        assertThat(AnnexFigures.workingDays(2.25)).isEqualTo("2.3");
        assertThat(AnnexFigures.workingDays(10.0)).isEqualTo("10");
    }

    @Test
    void givenMoreThanTenOpenRequestsThenTheOldestTenOfAllAgenciesAreListed() {
        List<CountedRequest> open = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            open.add(new CountedRequest("R-" + day, "AG", String.format("案-%02d", day), ApplicantCategory.C1,
                    Channel.ONLINE, LocalDate.of(2021, 6, day), null, null, LocalDate.of(2021, 7, day), false, false));
        }
        AnnexFigures first = AnnexFigures.count(open.subList(0, 6), START, END, END, WorkingDayCalendar.national(),
                RequestFlags.noCounts());
        AnnexFigures second = AnnexFigures.count(open.subList(6, 12), START, END, END, WorkingDayCalendar.national(),
                RequestFlags.noCounts());

        AnnualReportView.Annex annex = AnnexFigures.sum(List.of(second, first), END);

        assertThat(annex.oldestOpen()).extracting(AnnualReportView.OldRequest::id)
                .containsExactly("R-1", "R-2", "R-3", "R-4", "R-5", "R-6", "R-7", "R-8", "R-9", "R-10");
        assertThat(annex.openPastDueDate()).isEqualTo(12);
    }

    private static CountedRequest answered(String id, LocalDate on) {
        LocalDate received = LocalDate.of(2021, 3, 1);
        return new CountedRequest(id, "AG", id, ApplicantCategory.C1, Channel.ONLINE, received, on, Outcome.R3_1,
                WorkingDayCalendar.national().addWorkingDays(received, 20), false, false);
    }
}
