package cn.foi.query.failures;

import cn.foi.query.persistence.QueryDatabase;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a projection survives an event it cannot apply: the event is parked in the dead-letter queue with the rest of
 * its request, and every other event goes on (ADR 11).
 *
 * <p>A batch is applied fast: its writes are collected and sent together when it commits ({@code BatchedWrites}), with
 * no savepoint. When a batch fails, whether in a handler or when its writes are sent, nobody can tell which event was
 * at fault, and PostgreSQL refuses every further statement of the failed transaction, dead-letter rows included. So
 * the batch is rolled back whole, and the processor's next batch, which starts with the same events, is applied
 * <em>event by event</em>: each event's writes go at once, inside a savepoint of its own. An event that fails is rolled
 * back to its savepoint, and Axon's dead-lettering invoker parks it, in the transaction that also moves the
 * processor's position. Once such a batch commits, the processor is fast again.
 *
 * <p>Nothing logged or stored says more than the processor, the request's id, the event's id and the exception's type
 * (with the database's message cleaned of values): see {@link ProjectionFailure}.
 */
@Component
public class ProjectionFailures {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailures.class);

    /** A resource of a batch's root unit of work: true when its events are applied one by one. */
    private static final String EVENT_BY_EVENT = ProjectionFailures.class.getName() + ".eventByEvent";
    private static final String SAVEPOINT = "foi_projection_event";

    private final JdbcTemplate jdbc;
    /** Processors whose last batch failed: their next batch is applied event by event. */
    private final Set<String> retryingEventByEvent = ConcurrentHashMap.newKeySet();

    public ProjectionFailures(QueryDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** Whether the current batch applies its events one by one, each write sent at once. */
    public static boolean eventByEvent() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().resources().get(EVENT_BY_EVENT));
    }

    /**
     * Around each event a processor handles, and around each parked event an administrator retries (Axon runs the
     * processor's interceptors there too, with the dead letter among the unit's resources).
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        return (unitOfWork, chain) -> {
            boolean retryOfParked = unitOfWork.resources().containsKey(DeadLetter.class.getName());
            UnitOfWork<?> batch = unitOfWork.root();
            if (!batch.resources().containsKey(EVENT_BY_EVENT)) {
                boolean eventByEvent = retryOfParked || retryingEventByEvent.contains(processor);
                batch.resources().put(EVENT_BY_EVENT, eventByEvent);
                if (!retryOfParked) {
                    batch.onRollback(u -> retryingEventByEvent.add(processor));
                    if (eventByEvent) {
                        batch.afterCommit(u -> retryingEventByEvent.remove(processor));
                    }
                }
            }
            EventMessage<?> event = unitOfWork.getMessage();
            if (!Boolean.TRUE.equals(batch.resources().get(EVENT_BY_EVENT))) {
                try {
                    return chain.proceed();
                } catch (Exception e) {
                    throw ProjectionFailure.of("projection batch failed, to be applied again event by event", e);
                }
            }
            jdbc.execute("savepoint " + SAVEPOINT);
            try {
                Object result = chain.proceed();
                jdbc.execute("release savepoint " + SAVEPOINT);
                return result;
            } catch (Exception e) {
                // What the failed handlers wrote is undone, so the transaction can still record the failure.
                jdbc.execute("rollback to savepoint " + SAVEPOINT);
                ProjectionFailure failure = ProjectionFailure.of("event could not be applied", e);
                if (retryOfParked) {
                    log.warn("Retry of parked event {} of {} by processor {} failed ({}); it stays parked",
                            event.getIdentifier(), sequenceOf(event), processor, failure.causeType());
                }
                throw failure;
            }
        };
    }

    /**
     * Called inside Axon's dead-lettering invoker when a handler throws, before the invoker decides to park the event:
     * the only place where the failed event's writes can be rolled back before the dead letter is written.
     */
    public ListenerInvocationErrorHandler errorHandler(String processor) {
        return (exception, event, handler) -> {
            if (!eventByEvent()) {
                throw ProjectionFailure.of("projection batch failed, to be applied again event by event", exception);
            }
            jdbc.execute("rollback to savepoint " + SAVEPOINT);
            ProjectionFailure failure = ProjectionFailure.of("event could not be applied", exception);
            log.warn("Processor {} could not apply event {} of {} ({}): the event is parked with the later events of "
                            + "its sequence; the others go on", processor, event.getIdentifier(), sequenceOf(event),
                    failure.causeType());
            throw failure;
        };
    }

    /**
     * Parks the event with its cause cleaned of values, when the batch is applied event by event. In a fast batch the
     * failure must fail the batch instead: the transaction is spoilt, and the other events' writes are not yet sent.
     */
    public EnqueuePolicy<EventMessage<?>> enqueuePolicy() {
        return (letter, cause) -> {
            ProjectionFailure failure = ProjectionFailure.of("event could not be applied", cause);
            if (fastBatch()) {
                throw failure;
            }
            return Decisions.enqueue(new ThrowableCause(failure.causeType(), failure.causeMessage()));
        };
    }

    private static boolean fastBatch() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.FALSE.equals(CurrentUnitOfWork.get().root().resources().get(EVENT_BY_EVENT));
    }

    private static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? domain.getType() + " " + domain.getAggregateIdentifier() : "event " + event.getIdentifier();
    }
}
