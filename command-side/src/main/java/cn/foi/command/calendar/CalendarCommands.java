package cn.foi.command.calendar;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class CalendarCommands {

    /** The identifier of the national calendar; a region's calendar is identified by its agency's code. */
    public static final String NATIONAL = "CN";

    private CalendarCommands() {
    }

    /** A calendar's stream, apart from agencies' and users' (see AgencyCommands#streamId). */
    public static String streamId(String scope) {
        return "calendar:" + scope;
    }

    /**
     * Declares a year's national schedule, replacing what was declared for it.
     *
     * @param confirmed the administrator confirmed a change that takes back declared days of a year already under way
     * @param reason    why, required with {@code confirmed}
     */
    public record DeclareCalendarYear(String calendarId, int year, List<LocalDate> holidays,
                                      List<LocalDate> makeUpWorkdays, String source, boolean confirmed,
                                      String reason) {

        /** A declaration that needs no confirmation: a new year, or one that only adds days. */
        public DeclareCalendarYear(String calendarId, int year, List<LocalDate> holidays,
                                   List<LocalDate> makeUpWorkdays, String source) {
            this(calendarId, year, holidays, makeUpWorkdays, source, false, null);
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return CalendarCommands.streamId(calendarId);
        }
    }

    /** What {@link DeclareCalendarYear} with these days would change; stores nothing (a dry run). */
    public record PreviewCalendarYear(String calendarId, int year, List<LocalDate> holidays,
                                      List<LocalDate> makeUpWorkdays) {
        @TargetAggregateIdentifier
        public String streamId() {
            return CalendarCommands.streamId(calendarId);
        }
    }

    public record DeclareRegionalDays(String agencyCode, int year, List<LocalDate> holidays,
                                      List<LocalDate> makeUpWorkdays, String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return CalendarCommands.streamId(agencyCode);
        }
    }

    /** Recompute a request's due date after a calendar change; changes nothing when the date stays the same. */
    public record RecomputeDueDate(@TargetAggregateIdentifier String requestId, String cause) {
    }
}
