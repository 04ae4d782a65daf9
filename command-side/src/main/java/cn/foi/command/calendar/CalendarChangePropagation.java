package cn.foi.command.calendar;

import cn.foi.command.calendar.CalendarCommands.RecomputeDueDate;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A calendar change reaches every open request it touches: each gets a command to recompute its due date, and records
 * the change with its reason when the date moves. Runs after the declaration is stored (a tracking processor), so a
 * declaration is never held up by the number of requests it touches, and none is missed after a restart.
 */
@Component
@ProcessingGroup(CalendarChangePropagation.PROCESSING_GROUP)
public class CalendarChangePropagation {

    public static final String PROCESSING_GROUP = "calendar-propagation";
    private static final Logger log = LoggerFactory.getLogger(CalendarChangePropagation.class);
    private static final int IN_FLIGHT = 32;

    private final CommandGateway commands;
    private final OpenRequests openRequests;

    public CalendarChangePropagation(CommandGateway commands, OpenRequests openRequests) {
        this.commands = commands;
        this.openRequests = openRequests;
    }

    @EventHandler
    void on(CalendarYearDeclared event, @MetaDataValue("actor") String actor) {
        recompute(openRequests.touchedBy(event.year(), null), "国家 " + event.year() + " 年节假日安排（" + event.source()
                + "）", actor);
    }

    @EventHandler
    void on(RegionalDaysDeclared event, @MetaDataValue("actor") String actor) {
        recompute(openRequests.touchedBy(event.year(), openRequests.subtree(event.agencyCode())),
                event.agencyCode() + " 地方假日（" + event.reason() + "）", actor);
    }

    private void recompute(List<String> requestIds, String cause, String actor) {
        if (requestIds.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<CompletableFuture<Object>> inFlight = new ArrayList<>();
        for (String requestId : requestIds) {
            inFlight.add(commands.send(GenericCommandMessage.asCommandMessage(new RecomputeDueDate(requestId, cause))
                    .andMetaData(Map.of("actor", actor == null ? "system" : actor))));
            if (inFlight.size() >= IN_FLIGHT) {
                inFlight.forEach(CompletableFuture::join);
                inFlight.clear();
            }
        }
        inFlight.forEach(CompletableFuture::join);
        log.info("Recomputed the due dates of {} open requests after {} in {} ms", requestIds.size(), cause,
                (System.nanoTime() - started) / 1_000_000);
    }
}
