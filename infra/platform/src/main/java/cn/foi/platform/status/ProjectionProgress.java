package cn.foi.platform.status;

import java.time.Duration;

/**
 * How far the query side's projections are, for a writer that must not run ahead of them: a ledger import appends its
 * tens of thousands of events at the pace the projections take them, so that a clerk's event appended meanwhile is not
 * queued behind all of them. Present where the query side runs in the same process (the all-in-one).
 */
public interface ProjectionProgress {

    /**
     * Waits until every projection holds every event up to {@code position}, at most {@code max}.
     *
     * @return whether they do
     */
    boolean awaitProjected(long position, Duration max);
}
