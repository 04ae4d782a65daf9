package cn.foi.query.report;

import cn.foi.events.request.Channel;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.query.report.AnnualReportView.Annex;
import cn.foi.query.report.AnnualReportView.OldRequest;
import cn.foi.query.request.RequestFlags;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annex (domain §3): what a supervisor needs beyond the template, as one agency's figures that add up across
 * agencies. The answers' working days are kept as a histogram, so that a roll-up's median is exact; the ten oldest open
 * requests of each agency, of which a roll-up keeps the ten oldest of all.
 *
 * @param workingDays  how many answers took each number of working days
 * @param withinPeriod answers given by their due date
 * @param late         answers given after it
 * @param pastDue      requests open on the as-of day and past their due date
 * @param oldestOpen   the ten requests open longest on the as-of day
 * @param byChannel    requests received in the year, by channel label
 * @param received     requests received in the year
 * @param extended     of those, how many were extended
 * @param supplemented of those, how many were sent back for 补正
 * @param flags        the request page's flags, counted per code
 */
record AnnexFigures(Map<Integer, Long> workingDays, long withinPeriod, long late, long pastDue,
                    List<OldRequest> oldestOpen, Map<String, Long> byChannel, long received, long extended,
                    long supplemented, Map<String, Long> flags) {

    private static final int OLDEST = 10;
    private static final List<String> BANDS = List.of("<1", "1-20", "21-40", "41-60", "61-80", "81-100", ">100");

    /** One agency's figures from its requests in scope for the year, as of {@code asOf} (today, or the year's end). */
    static AnnexFigures count(List<CountedRequest> requests, LocalDate start, LocalDate end, LocalDate asOf,
                              WorkingDayCalendar calendar, Map<String, Long> flags) {
        Map<Integer, Long> days = new TreeMap<>();
        long withinPeriod = 0;
        long late = 0;
        List<CountedRequest> open = new ArrayList<>();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        long received = 0;
        long extended = 0;
        long supplemented = 0;
        for (CountedRequest request : requests) {
            if (request.closedBy(end)) {
                days.merge(calendar.workingDaysBetween(request.receivedOn(), request.closedOn()), 1L, Long::sum);
                if (request.dueDate() == null || !request.closedOn().isAfter(request.dueDate())) {
                    withinPeriod++;
                } else {
                    late++;
                }
            } else if (!request.receivedOn().isAfter(asOf) && !request.closedBy(asOf)) {
                open.add(request);
            }
            if (!request.receivedOn().isBefore(start)) {
                received++;
                byChannel.merge(request.channel().label(), 1L, Long::sum);
                extended += request.extended() ? 1 : 0;
                supplemented += request.supplemented() ? 1 : 0;
            }
        }
        long pastDue = open.stream().filter(r -> r.dueDate() != null && r.dueDate().isBefore(asOf)).count();
        List<OldRequest> oldest = open.stream()
                .sorted(Comparator.comparing(CountedRequest::receivedOn).thenComparing(CountedRequest::caseNo))
                .limit(OLDEST)
                .map(r -> new OldRequest(r.id(), r.agencyCode(), r.caseNo(), r.receivedOn(), r.dueDate(),
                        calendar.workingDaysBetween(r.receivedOn(), asOf)))
                .toList();
        return new AnnexFigures(days, withinPeriod, late, pastDue, oldest, byChannel, received, extended, supplemented,
                flags);
    }

    /** The annex of several agencies together: their figures added, then the median, rates and bands of the sum. */
    static Annex sum(List<AnnexFigures> agencies, LocalDate asOf) {
        Map<String, Long> flagCounts = RequestFlags.noCounts();
        TreeMap<Integer, Long> days = new TreeMap<>();
        Map<String, Long> bands = new LinkedHashMap<>();
        BANDS.forEach(band -> bands.put(band, 0L));
        Map<String, Long> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel.label(), 0L);
        }
        long withinPeriod = 0;
        long late = 0;
        long pastDue = 0;
        long received = 0;
        long extended = 0;
        long supplemented = 0;
        List<OldRequest> open = new ArrayList<>();
        for (AnnexFigures agency : agencies) {
            agency.workingDays().forEach((taken, count) -> days.merge(taken, count, Long::sum));
            agency.byChannel().forEach((channel, count) -> byChannel.merge(channel, count, Long::sum));
            withinPeriod += agency.withinPeriod();
            late += agency.late();
            pastDue += agency.pastDue();
            received += agency.received();
            extended += agency.extended();
            supplemented += agency.supplemented();
            open.addAll(agency.oldestOpen());
            agency.flags().forEach((code, count) -> flagCounts.merge(code, count, Long::sum));
        }
        long answered = 0;
        long sum = 0;
        for (Map.Entry<Integer, Long> entry : days.entrySet()) {
            answered += entry.getValue();
            sum += entry.getKey() * entry.getValue();
            bands.merge(band(entry.getKey()), entry.getValue(), Long::sum);
        }
        List<OldRequest> oldest = open.stream()
                .sorted(Comparator.comparing(OldRequest::receivedOn).thenComparing(OldRequest::caseNo))
                .limit(OLDEST)
                .toList();
        boolean none = answered == 0;
        return new Annex(answered, withinPeriod, share(withinPeriod, answered),
                none ? null : workingDays(median(days, answered)),
                none ? null : workingDays((double) sum / answered),
                none ? null : workingDays(days.firstKey()),
                none ? null : workingDays(days.lastKey()),
                bands, late, pastDue, asOf, oldest, byChannel, received, share(extended, received),
                share(supplemented, received), flagCounts);
    }

    /** The median of the {@code n} answers whose working days the histogram counts, as of a sorted list of them. */
    static double median(TreeMap<Integer, Long> days, long n) {
        return n % 2 == 1 ? nth(days, n / 2) : (nth(days, n / 2 - 1) + nth(days, n / 2)) / 2.0;
    }

    private static int nth(TreeMap<Integer, Long> days, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : days.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond " + seen);
    }

    /** The band of twenty working days an answer falls in; same-day answers and those over 100 days have their own. */
    static String band(int days) {
        if (days < 1) {
            return "<1";
        }
        if (days > 100) {
            return ">100";
        }
        int upper = ((days - 1) / 20 + 1) * 20;
        return (upper - 19) + "-" + upper;
    }

    /** Same-day answers read "<1", as in the US annual FOIA reports; others to one decimal where halves occur. */
    static String workingDays(double days) {
        if (days < 1) {
            return "<1";
        }
        BigDecimal value = BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.toPlainString();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
