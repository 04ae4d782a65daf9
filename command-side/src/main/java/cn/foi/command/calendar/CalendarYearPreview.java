package cn.foi.command.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * What declaring a year again would change, before it is stored: the days it adds or takes back (a day that changes
 * from holiday to working day, or back, is in both), how many open requests' due dates it would move, and whether it
 * needs the administrator's confirmation with a reason.
 */
public record CalendarYearPreview(int year, List<LocalDate> addedDays, List<LocalDate> removedDays,
                                  int openRequestsMoved, boolean confirmationRequired) {
}
