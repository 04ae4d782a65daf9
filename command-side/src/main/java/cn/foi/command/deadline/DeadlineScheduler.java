package cn.foi.command.deadline;

import cn.foi.command.CommandSideConfiguration;
import cn.foi.command.request.DeadlineKind;
import cn.foi.command.request.RequestCommands.CheckDeadline;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadlines the system watches, kept in PostgreSQL by db-scheduler so that they survive restarts and run once
 * across several command-side instances.
 *
 * <p>Each request has at most one pending check per {@link DeadlineKind}, identified by the kind and the request:
 * when a due date moves, its check moves with it instead of a second one being added. That keeps a calendar change
 * that moves 100,000 due dates linear, where cancelling by scope would scan every scheduled deadline each time.
 *
 * <p>A check asks the request itself ({@link CheckDeadline}); the request records the deadline once it has really
 * passed, or names the day to look again. Scheduling goes through the transaction of the command that caused it, so a
 * refused command leaves no check behind, and a stored event never lacks its check.
 */
@Component
public class DeadlineScheduler {

    static final String TASK = "request-deadline";
    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);
    /** Marks the second check of a request and kind, asked for while the first was executing. */
    private static final String AGAIN = ":again";

    private final Clock clock;
    private final JdbcTemplate jdbc;
    /**
     * How long a deadline that had already passed when it was entered waits for its check. A clerk entering an old
     * request step by step, or a ledger import, must not have the request found overdue between its receipt and the
     * answer entered a minute later.
     */
    private final Duration lateEntryGrace;
    private final ObjectProvider<CommandGateway> commands;
    private final Scheduler scheduler;

    public DeadlineScheduler(DataSource dataSource, Clock clock, ObjectProvider<CommandGateway> commands,
                             @Value("${foi.deadlines.polling-interval:PT10S}") Duration pollingInterval,
                             @Value("${foi.deadlines.threads:2}") int threads,
                             @Value("${foi.deadlines.late-entry-grace:PT1H}") Duration lateEntryGrace) {
        this.clock = clock;
        this.jdbc = new JdbcTemplate(dataSource);
        this.lateEntryGrace = lateEntryGrace;
        this.commands = commands;
        CustomTask<Void> task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> check(instance));
        this.scheduler = Scheduler.create(dataSource, task)
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Checks the deadline of this kind at the start of the given day (office time), replacing an earlier check. A day
     * already past is a history entered late: checked after the grace, so the rest of it can be entered first.
     */
    public void checkOn(DeadlineKind kind, String requestId, LocalDate day) {
        Instant at = day.atStartOfDay(clock.getZone()).toInstant();
        schedule(kind, requestId, at.isAfter(clock.instant()) ? at : afterGrace());
    }

    /** Checks the deadline of this kind again soon, after the grace of {@link #checkOn}. */
    public void checkSoon(DeadlineKind kind, String requestId) {
        schedule(kind, requestId, afterGrace());
    }

    private Instant afterGrace() {
        return clock.instant().plus(lateEntryGrace);
    }

    /** Stops watching the deadline of this kind; a check running now asks the request, which knows it is done. */
    public void stopWatching(DeadlineKind kind, String requestId) {
        String id = instanceId(kind, requestId);
        jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance in (?, ?) and not picked", TASK,
                id, id + AGAIN);
    }

    /** Stops watching every deadline of a closed request, in one statement (a ledger import closes thousands). */
    public void stopWatchingAll(String requestId) {
        java.util.List<Object> arguments = new java.util.ArrayList<>(List.of(TASK));
        StringBuilder instances = new StringBuilder();
        for (DeadlineKind kind : DeadlineKind.values()) {
            String id = instanceId(kind, requestId);
            arguments.add(id);
            arguments.add(id + AGAIN);
            instances.append(instances.isEmpty() ? "?, ?" : ", ?, ?");
        }
        jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance in (" + instances + ") "
                + "and not picked", arguments.toArray());
    }

    /**
     * One statement per check, in the caller's transaction: db-scheduler's client needs two or three (read, then
     * insert or update), which a calendar change moving 100,000 due dates feels. The row is the one db-scheduler
     * writes itself for a task without data (version 1, not picked, default priority); the table is ours (V4).
     */
    private void schedule(DeadlineKind kind, String requestId, Instant at) {
        String id = instanceId(kind, requestId);
        if (upsert(id, at) == 0) {
            // The check is running: it may already have read the request as it was before this change.
            upsert(id + AGAIN, at);
        }
    }

    private int upsert(String instance, Instant at) {
        return jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, "
                + "priority) values (?, ?, ?, false, 1, 0) on conflict (task_name, task_instance) do update set "
                + "execution_time = excluded.execution_time, version = scheduled_tasks.version + 1, "
                + "consecutive_failures = null where not scheduled_tasks.picked", TASK, instance, Timestamp.from(at));
    }

    private static String instanceId(DeadlineKind kind, String requestId) {
        return kind.name() + ":" + requestId;
    }

    private CompletionHandler<Void> check(TaskInstance<Void> instance) {
        String[] parts = instance.getId().split(":", 3);
        DeadlineKind kind = DeadlineKind.valueOf(parts[0]);
        String requestId = parts[1];
        LocalDate next;
        try {
            next = commands.getObject().sendAndWait(GenericCommandMessage.asCommandMessage(
                    new CheckDeadline(requestId, kind)).andMetaData(Map.of(CommandSideConfiguration.ACTOR, "system")));
        } catch (AggregateNotFoundException e) {
            log.warn("A {} deadline was scheduled for request {}, which does not exist; dropped", kind, requestId);
            next = null;
        }
        if (next == null) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = next.atStartOfDay(clock.getZone()).toInstant();
        return (complete, operations) -> operations.reschedule(complete, at);
    }

    /** Checks start once the application can handle the commands they send. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.start();
    }

    /** Stops before the command bus does: a check in progress finishes, none starts. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.stop();
    }
}
