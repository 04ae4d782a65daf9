package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.IssueFeeNotice;
import cn.foi.command.request.RequestCommands.RegisterRequest;
import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.RequestReceived;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * An agency's settings where the law leaves the counting open (domain §1.3, §1.5).
 */
class DisclosureRequestAgencySettingsTest extends DisclosureRequestFixture {

    @Test
    void anAgencyThatCountsFromTheReceiptDayIsDueOneWorkingDayEarlier() {
        countFromReceiptDay = true;
        fixture.givenNoPriorActivity()
                .when(new RegisterRequest(ID, AGENCY, inPerson(RECEIVED)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof RequestReceived),
                                org.axonframework.test.matchers.Matchers.predicate(event ->
                                        event instanceof AnswerDueDateChanged changed
                                                && changed.dueOn().equals(LocalDate.of(2026, 6, 5))
                                                && changed.explanation().contains("当日起")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void anAgencyWhoseFeesDoNotPauseTheClockKeepsItRunning() {
        feePausesClock = false;
        givenReceived()
                .when(new IssueFeeNotice(ID, FEE_NOTICE, new BigDecimal("200"), FeeMethod.PER_PAGE))
                .expectEvents(feeNotice());
    }
}
