package cn.foi.command.request;

import cn.foi.events.request.AppealKind;
import cn.foi.events.request.LawsuitDecided;
import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * A 行政诉讼 against the answer, directly or after a reconsideration. Axon hands it the judgment whose {@code lawsuitNo}
 * is its own number; its filing is handled by the request, which numbers it among the request's lawsuits.
 */
class Lawsuit extends Appeal {

    @EntityId
    private final int lawsuitNo;

    Lawsuit(int lawsuitNo, LocalDate filedOn) {
        super(AppealKind.LAWSUIT, lawsuitNo, filedOn);
        this.lawsuitNo = lawsuitNo;
    }

    @Override
    String decisionDateName() {
        return "判决日期";
    }

    @Override
    String filingDateName() {
        return "起诉日期";
    }

    @EventSourcingHandler
    void on(LawsuitDecided event) {
        decided(event.result(), event.decidedOn());
    }
}
