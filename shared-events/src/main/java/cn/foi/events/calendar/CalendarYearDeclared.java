package cn.foi.events.calendar;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The national schedule of one year (国务院办公厅关于X年部分节假日安排的通知): its holidays and its make-up working days
 * on weekends. A later declaration of the same year replaces the earlier one (a correction of the notice).
 *
 * @param holidays       days off that would otherwise be working days (and the weekend days of a holiday, for clarity)
 * @param makeUpWorkdays weekend days that are working days (调休上班)
 * @param source         where the dates come from, such as the notice's number
 */
@Revision("1")
public record CalendarYearDeclared(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {
}
