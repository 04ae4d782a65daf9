package cn.foi.command.calendar;

import cn.foi.platform.calendar.WorkingDayCalendar;

/** The working-day calendar that applies to an agency: the national days and its region's extra days. */
public interface AgencyCalendars {

    WorkingDayCalendar forAgency(String agencyCode);
}
