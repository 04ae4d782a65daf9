package cn.foi.events.calendar;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The national schedule of one year (国务院办公厅关于X年部分节假日安排的通知): its holidays and its make-up working days
 * on weekends. A later declaration of the same year replaces the earlier one (a correction of the notice).
 *
 * <p>Revision 2 adds who declared it and why. A correction that takes back days of a year already under way (which
 * moves the due dates of open requests) needs a reason; other declarations may leave it null. Events stored in
 * revision 1 read with both null.
 *
 * @param holidays       days off that would otherwise be working days (and the weekend days of a holiday, for clarity)
 * @param makeUpWorkdays weekend days that are working days (调休上班)
 * @param source         where the dates come from, such as the notice's number
 * @param reason         why a declared year was changed (null: not asked for, or declared before revision 2)
 * @param declaredBy     the user who declared it, {@code system} for the dates that ship with the system (null: before
 *                       revision 2)
 */
@Revision("2")
public record CalendarYearDeclared(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source,
                                   String reason, String declaredBy) {

    /** A declaration as revision 1 had it: nobody named, no reason. */
    public CalendarYearDeclared(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {
        this(year, holidays, makeUpWorkdays, source, null, null);
    }
}
