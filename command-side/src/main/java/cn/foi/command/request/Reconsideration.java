package cn.foi.command.request;

import cn.foi.events.request.AppealKind;
import cn.foi.events.request.ReconsiderationDecided;
import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * A 行政复议 against the answer. Axon hands it the decision whose {@code reconsiderationNo} is its own number; its
 * filing is handled by the request, which numbers it among the request's reconsiderations.
 */
class Reconsideration extends Appeal {

    @EntityId
    private final int reconsiderationNo;

    Reconsideration(int reconsiderationNo, LocalDate filedOn) {
        super(AppealKind.RECONSIDERATION, reconsiderationNo, filedOn);
        this.reconsiderationNo = reconsiderationNo;
    }

    @Override
    String decisionDateName() {
        return "行政复议决定日期";
    }

    @Override
    String filingDateName() {
        return "行政复议申请日期";
    }

    @EventSourcingHandler
    void on(ReconsiderationDecided event) {
        decided(event.result(), event.decidedOn());
    }
}
