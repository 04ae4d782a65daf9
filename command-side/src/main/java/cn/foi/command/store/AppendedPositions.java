package cn.foi.command.store;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Field;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.AbstractSequencedDomainEventEntry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the client of a write where its last event stands in the event store: the response of a request whose events
 * were stored carries {@value #HEADER}, the highest global index it appended. A read on the query side given that
 * position ({@code ?after=}) waits until every projection has it, so a clerk never reads "not found" for what they
 * have just saved.
 *
 * <p>Hooked into JPA ({@code META-INF/orm.xml}) rather than into each controller: every write, whichever command or
 * import it runs (requests, agencies, users, reports, calendar, ledger), appends through Axon's JPA storage engine,
 * which has the global index from the sequence as soon as the entry is persisted; a ledger import's staged events are
 * appended by {@link StagedEvents}, which records them here too. The position is only published once the transaction
 * has committed: a rolled-back append never reaches a client, and a ledger import answers with its last event. Appends outside a web request (deadline checks, calendar propagation) are ignored.
 */
public final class AppendedPositions {

    public static final String HEADER = "X-Event-Position";

    /** The request attribute holding the highest committed position of the request so far. */
    public static final String ATTRIBUTE = AppendedPositions.class.getName() + ".position";

    /** Axon's entry keeps its global index in a field without a getter; JPA itself reads the field too. */
    private static final Field GLOBAL_INDEX;

    static {
        try {
            GLOBAL_INDEX = AbstractSequencedDomainEventEntry.class.getDeclaredField("globalIndex");
            GLOBAL_INDEX.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Called by JPA after an event entry is inserted (entity listener of Axon's entries, see orm.xml). */
    public void appended(Object entry) throws IllegalAccessException {
        if (entry instanceof AbstractSequencedDomainEventEntry<?>) {
            record(GLOBAL_INDEX.getLong(entry));
        }
    }

    static void record(long globalIndex) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // One synchronization per transaction, found among the transaction's own: it is suspended with it, so a
        // nested transaction's appends are counted only when that one commits.
        Highest highest = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Highest.class::isInstance).map(Highest.class::cast).findFirst()
                .orElseGet(() -> {
                    Highest created = new Highest(servlet);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        highest.position = Math.max(highest.position, globalIndex);
    }

    private static final class Highest implements TransactionSynchronization {
        private final ServletRequestAttributes attributes;
        private long position = -1;

        Highest(ServletRequestAttributes attributes) {
            this.attributes = attributes;
        }

        @Override
        public void afterCommit() {
            HttpServletRequest request = attributes.getRequest();
            Object earlier = request.getAttribute(ATTRIBUTE);
            long highest = earlier instanceof Long known ? Math.max(known, position) : position;
            request.setAttribute(ATTRIBUTE, highest);
            HttpServletResponse response = attributes.getResponse();
            // Set now, before the controller writes its answer: a filter running after it would find the body (and
            // with it the headers) already sent.
            if (response != null && !response.isCommitted()) {
                response.setHeader(HEADER, Long.toString(highest));
            }
        }
    }
}
