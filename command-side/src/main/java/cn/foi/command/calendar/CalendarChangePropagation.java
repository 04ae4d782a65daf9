package cn.foi.command.calendar;

import cn.foi.platform.logging.Redacted;
import cn.foi.command.CommandSideConfiguration;
import cn.foi.command.calendar.CalendarCommands.RecomputeDueDate;
import cn.foi.command.request.DisclosureRequest;
import cn.foi.events.calendar.CalendarYearDeclared;
import cn.foi.events.calendar.RegionalDaysDeclared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A calendar change reaches every open request it touches: each recomputes its due date, and records the change with
 * its reason when the date moves. Runs after the declaration is stored (a tracking processor), so a declaration is never
 * held up by the number of requests it touches, and none is missed after a restart: the processor's position moves on
 * only once every request is done, and recomputing twice changes nothing.
 *
 * <p>The requests are recomputed in batches, each in one unit of work and one transaction: a change touching 100,000
 * requests commits a few hundred times instead of 100,000 times. The batches run on threads of their own, so that their
 * units of work are not nested in the processor's and commit as they go; several at once (three by default), because a
 * batch spends most of its time waiting for PostgreSQL to load its requests. The batches touch different requests. A
 * batch that fails (a clerk's command on one of its requests at the same moment, say) is retried one request at a
 * time, so that one request in trouble holds up only itself.
 */
@Component
@ProcessingGroup(CalendarChangePropagation.PROCESSING_GROUP)
public class CalendarChangePropagation implements DisposableBean {

    public static final String PROCESSING_GROUP = "calendar-propagation";
    private static final Logger log = LoggerFactory.getLogger(CalendarChangePropagation.class);
    /**
     * A declaration touching every open request of the country takes minutes, not the seconds Axon allows a handler by
     * default (30 s, then it interrupts and the processor retries from the start). The processor's unit of work has
     * the same limit in command-side-defaults.properties.
     */
    static final int RECOMPUTE_TIMEOUT_MS = 3_600_000;
    static final int RECOMPUTE_WARNING_MS = 600_000;

    private final CommandGateway commands;
    private final OpenRequests openRequests;
    private final Repository<DisclosureRequest> requests;
    private final TransactionManager transactions;
    private final List<CorrelationDataProvider> correlationData;
    private final int batchSize;
    private final ExecutorService workers;

    public CalendarChangePropagation(CommandGateway commands, OpenRequests openRequests,
                                     Repository<DisclosureRequest> requests, TransactionManager transactions,
                                     List<CorrelationDataProvider> correlationData,
                                     @Value("${foi.calendar.recompute-batch-size:250}") int batchSize,
                                     @Value("${foi.calendar.recompute-threads:3}") int threads) {
        this.commands = commands;
        this.openRequests = openRequests;
        this.requests = requests;
        this.transactions = transactions;
        this.correlationData = correlationData;
        this.batchSize = batchSize;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads,
                runnable -> new Thread(runnable, "calendar-recompute-" + number.incrementAndGet()));
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RECOMPUTE_TIMEOUT_MS, warningThresholdMs = RECOMPUTE_WARNING_MS,
            warningIntervalMs = RECOMPUTE_WARNING_MS)
    void on(CalendarYearDeclared event, @MetaDataValue("actor") String actor) throws Exception {
        recompute(openRequests.touchedBy(event.year(), null), "国家 " + event.year() + " 年节假日安排（" + event.source()
                + "）", actor);
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = RECOMPUTE_TIMEOUT_MS, warningThresholdMs = RECOMPUTE_WARNING_MS,
            warningIntervalMs = RECOMPUTE_WARNING_MS)
    void on(RegionalDaysDeclared event, @MetaDataValue("actor") String actor) throws Exception {
        recompute(openRequests.touchedBy(event.year(), openRequests.subtree(event.agencyCode())),
                event.agencyCode() + " 地方假日（" + event.reason() + "）", actor);
    }

    private void recompute(List<String> requestIds, String cause, String actor) throws Exception {
        if (requestIds.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        String by = actor == null ? "system" : actor;
        List<Future<?>> batches = new ArrayList<>();
        for (int from = 0; from < requestIds.size(); from += batchSize) {
            List<String> batch = requestIds.subList(from, Math.min(requestIds.size(), from + batchSize));
            batches.add(workers.submit(() -> recomputeBatch(batch, cause, by)));
        }
        try {
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (ExecutionException e) {
            batches.forEach(batch -> batch.cancel(false));
            throw e.getCause() instanceof Exception cause1 ? cause1 : e;
        }
        log.info("Recomputed the due dates of {} open requests after {} in {} ms", requestIds.size(), cause,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void recomputeBatch(List<String> batch, String cause, String actor) {
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(
                command(batch.get(0), cause, actor));
        correlationData.forEach(unitOfWork::registerCorrelationDataProvider);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            for (String requestId : batch) {
                requests.load(requestId).handle(command(requestId, cause, actor));
            }
            return null;
        });
        if (result.isExceptional()) {
            log.warn("Recomputing {} due dates together failed ({}); recomputing them one by one", batch.size(),
                    Redacted.describe(result.exceptionResult()));
            for (String requestId : batch) {
                commands.sendAndWait(command(requestId, cause, actor));
            }
        }
    }

    private static CommandMessage<?> command(String requestId, String cause, String actor) {
        return GenericCommandMessage.asCommandMessage(new RecomputeDueDate(requestId, cause))
                .andMetaData(Map.of(CommandSideConfiguration.ACTOR, actor));
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
