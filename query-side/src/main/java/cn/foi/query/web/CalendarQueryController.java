package cn.foi.query.web;

import cn.foi.platform.calendar.StatutoryHolidays;
import cn.foi.platform.calendar.WorkingDayCalendar;
import cn.foi.platform.web.InvalidInputException;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.calendar.CalendarDeclarations;
import cn.foi.query.calendar.AgencyCalendars;
import cn.foi.query.directory.DirectoryProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A year of the working-day calendar as an agency counts it (national dates with the regional ones of the agency and
 * those above it), for the date pickers and the administrator's year at a glance. The dates are public knowledge: any
 * signed-in user may read them.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "工作日历")
public class CalendarQueryController {

    private final AgencyCalendars calendar;
    private final DirectoryProjection directory;
    private final CalendarDeclarations declarations;

    public CalendarQueryController(AgencyCalendars calendar, DirectoryProjection directory,
                                   CalendarDeclarations declarations) {
        this.calendar = calendar;
        this.directory = directory;
        this.declarations = declarations;
    }

    @GetMapping("/calendar/{year:\\d+}")
    @Operation(summary = "某年的工作日历：法定节假日（holidays）和调休上班日（workdays）、全国安排的公布记录（declarations：何时、由谁、依据和更改原因）；"
            + "给出 agency 时含该机关及其上级机关的地方假日；尚未公布放假安排的年份（derived）按《全国年节及纪念日放假办法》的法定节日推算，不含调休")
    public Map<String, Object> year(@PathVariable int year, @RequestParam(required = false) String agency) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "年份须在 2000 至 2100 年之间");
        }
        boolean national = agency == null || agency.isBlank();
        if (!national && directory.agency(agency).isEmpty()) {
            throw new NotFoundException("未找到编码为 " + agency + " 的机关");
        }
        WorkingDayCalendar days = calendar.forAgency(national ? AgencyCalendars.NATIONAL : agency);
        boolean derived = days.isDerivedYear(year);
        Set<LocalDate> holidayDays = new java.util.HashSet<>(days.holidays());
        if (derived) {
            // What the periods count until the notice is declared: the statutory days derived from the law.
            holidayDays.addAll(StatutoryHolidays.of(year).keySet());
            holidayDays.removeAll(days.makeUpWorkdays());
        }
        List<String> holidays = inYear(holidayDays, year);
        List<String> workdays = inYear(days.makeUpWorkdays(), year);
        int workingDays = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            workingDays += days.isWorkingDay(day) ? 1 : 0;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("agency", national ? null : agency);
        body.put("declared", days.years().contains(year));
        body.put("derived", derived);
        body.put("holidays", holidays);
        body.put("workdays", workdays);
        body.put("workingDays", workingDays);
        // Who declared the national schedule of the year, when and why (newest first).
        body.put("declarations", national ? declarations.ofYear(year) : List.of());
        return body;
    }

    private static List<String> inYear(Set<LocalDate> days, int year) {
        return days.stream().filter(day -> day.getYear() == year).sorted().map(LocalDate::toString).toList();
    }
}
