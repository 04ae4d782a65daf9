package cn.foi.command.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Marks a unit of work whose events are staged instead of appended: its events go to {@code staged_event} under the
 * import's id, in the order they were applied, and reach the event store later through {@link StagedEvents}.
 *
 * <p>Why: a ledger import holds tens of thousands of events in one transaction. Appended directly, they take global
 * indexes that other offices' events overtake while the import runs (tracking processors then carry tens of thousands of
 * gaps, and remember at most a bounded number of them), or, when the event table is locked against that, every clerk
 * of every office waits for the import. Staged, they take no global index until they are known to be good.
 */
public final class EventStaging {

    private static final String RESOURCE = EventStaging.class.getName();

    private final String importId;
    private final AtomicInteger next = new AtomicInteger();

    public EventStaging(String importId) {
        this.importId = importId;
    }

    public String importId() {
        return importId;
    }

    /** Stages the events of {@code unitOfWork} (and of the units of work nested in it) under this import. */
    public void attachTo(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(RESOURCE, this);
    }

    /** The staging of the current unit of work, or {@code null} when its events are to be appended as usual. */
    static EventStaging current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (EventStaging) CurrentUnitOfWork.get().root().resources().get(RESOURCE);
    }

    /** The ordinal of the next staged event: the order in which the import applied them. */
    int nextOrdinal() {
        return next.getAndIncrement();
    }
}
