package cn.foi.command.calendar;

import cn.foi.command.calendar.CalendarCommands.DeclareCalendarYear;
import cn.foi.platform.calendar.WorkingDayCalendar;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, declares every year of the national dates that ship with the system and has not been declared yet, so
 * that the calendar's whole history is events too. Years an administrator declared are left as they are.
 */
@Component
@Order(0)
public class CalendarBootstrap implements ApplicationRunner {

    private final CommandGateway commands;
    private final StoredAgencyCalendars calendars;

    public CalendarBootstrap(CommandGateway commands, StoredAgencyCalendars calendars) {
        this.commands = commands;
        this.calendars = calendars;
    }

    @Override
    public void run(ApplicationArguments args) {
        WorkingDayCalendar shipped = WorkingDayCalendar.national();
        Set<Integer> declared = calendars.declaredYears();
        for (int year : shipped.years()) {
            if (declared.contains(year)) {
                continue;
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DeclareCalendarYear(
                            CalendarCommands.NATIONAL, year,
                            shipped.holidays().stream().filter(d -> d.getYear() == year).sorted().toList(),
                            shipped.makeUpWorkdays().stream().filter(d -> d.getYear() == year).sorted().toList(),
                            "国务院办公厅关于" + year + "年部分节假日安排的通知（随系统提供）"))
                    .andMetaData(Map.of("actor", "system")));
        }
    }

}
