package cn.foi.events.calendar;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Extra days of a region, declared for an agency and applying to every agency under it: a minority festival, an
 * emergency extension of a holiday. Replaces what was declared before for the same agency and year.
 *
 * @param agencyCode     the agency at the top of the region
 * @param holidays       extra days off
 * @param makeUpWorkdays extra working days on weekends
 */
@Revision("1")
public record RegionalDaysDeclared(String agencyCode, int year, List<LocalDate> holidays,
                                   List<LocalDate> makeUpWorkdays, String reason) {
}
