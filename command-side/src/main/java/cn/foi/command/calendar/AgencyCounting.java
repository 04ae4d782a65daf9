package cn.foi.command.calendar;

import cn.foi.command.agency.AgencySettings;
import cn.foi.platform.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/** What a request's periods are counted by: its agency's calendar and its agency's choices where the law is open. */
public interface AgencyCounting {

    Counting forAgency(String agencyCode);

    /** The calendar and the agency's settings, together. */
    record Counting(WorkingDayCalendar calendar, boolean countFromReceiptDay, boolean feePausesClock) {

        /** The day before the first counted day: counting starts the day after it. */
        public java.time.LocalDate countingBase(java.time.LocalDate start) {
            return countFromReceiptDay ? start.minusDays(1) : start;
        }
    }

    /** The rules of the running system: the calendars as declared and the agencies' settings as chosen. */
    @Component
    class Declared implements AgencyCounting {
        private final AgencyCalendars calendars;
        private final AgencySettings settings;

        public Declared(AgencyCalendars calendars, AgencySettings settings) {
            this.calendars = calendars;
            this.settings = settings;
        }

        @Override
        public Counting forAgency(String agencyCode) {
            AgencySettings.Settings chosen = settings.of(agencyCode);
            return new Counting(calendars.forAgency(agencyCode), chosen.countFromReceiptDay(), chosen.feePausesClock());
        }
    }
}
