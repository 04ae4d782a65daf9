package cn.foi.command.calendar;

import java.time.LocalDate;
import java.util.Set;

/** What a change of the national calendar would do to the open requests, asked before the change is made. */
public interface CalendarImpact {

    /**
     * How many open requests have one of the days within their answer period (after the day of receipt, up to the
     * current due date): counting those days differently moves their due date. An upper bound: a request whose clock
     * stood still over the day keeps its date.
     */
    int openRequestsMoved(Set<LocalDate> changedDays);
}
