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

    public record DeclareCalendarYear(String calendarId, int year, List<LocalDate> holidays,
                                      List<LocalDate> makeUpWorkdays, String source) {
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
