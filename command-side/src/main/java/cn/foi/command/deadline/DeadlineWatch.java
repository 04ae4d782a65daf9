package cn.foi.command.deadline;

import cn.foi.command.directory.CommandDirectories;
import cn.foi.command.request.DeadlineKind;
import cn.foi.events.request.AnswerClockResumed;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.FeeLapseRecorded;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.events.request.FeePaid;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementLapseRecorded;
import cn.foi.events.request.SupplementReceived;
import cn.foi.events.request.SupplementRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the checks of every open request in step with its deadlines, in the transaction of the events. The checks
 * only need to come no later than the deadline: the request answers an early one with the day to look again.
 */
@Component
@ProcessingGroup(CommandDirectories.PROCESSING_GROUP)
public class DeadlineWatch {

    /** Twenty working days to pay take at least twenty calendar days: the earliest the fee deadline can pass. */
    private static final int FEE_PERIOD_AT_LEAST_DAYS = 20;

    private final DeadlineScheduler deadlines;

    public DeadlineWatch(DeadlineScheduler deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(AnswerDueDateChanged event) {
        deadlines.checkOn(DeadlineKind.ANSWER, event.requestId(), event.dueOn().plusDays(1));
    }

    /** The clock may resume with the due date unchanged (no standstill): its check may have been passed over. */
    @EventHandler
    void on(AnswerClockResumed event) {
        deadlines.checkSoon(DeadlineKind.ANSWER, event.requestId());
    }

    @EventHandler
    void on(SupplementRequested event) {
        deadlines.checkOn(DeadlineKind.SUPPLEMENT, event.requestId(), event.dueOn().plusDays(1));
    }

    /** The period starts again; a new due date follows, and if it happens to be the same, this check finds it. */
    @EventHandler
    void on(SupplementReceived event) {
        deadlines.stopWatching(DeadlineKind.SUPPLEMENT, event.requestId());
        deadlines.checkSoon(DeadlineKind.ANSWER, event.requestId());
    }

    @EventHandler
    void on(SupplementLapseRecorded event) {
        deadlines.stopWatching(DeadlineKind.SUPPLEMENT, event.requestId());
    }

    @EventHandler
    void on(FeeNoticeIssued event) {
        deadlines.checkOn(DeadlineKind.FEE, event.requestId(),
                event.noticeOn().plusDays(FEE_PERIOD_AT_LEAST_DAYS + 1));
    }

    @EventHandler
    void on(FeePaid event) {
        deadlines.stopWatching(DeadlineKind.FEE, event.requestId());
    }

    @EventHandler
    void on(FeeLapseRecorded event) {
        deadlines.stopWatching(DeadlineKind.FEE, event.requestId());
    }

    @EventHandler
    void on(RequestDecided event) {
        closed(event.requestId());
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        closed(event.requestId());
    }

    private void closed(String requestId) {
        deadlines.stopWatchingAll(requestId);
    }
}
