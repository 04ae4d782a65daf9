package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.EndConsultation;
import cn.foi.command.request.RequestCommands.StartConsultation;
import cn.foi.command.shared.RuleViolation.Kind;
import cn.foi.events.request.AnswerClockPaused;
import cn.foi.events.request.ConsultationEnded;
import cn.foi.events.request.ConsultationEnding;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.ConsultedParty;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Consultations of a third party or another agency (条例 32, 34).
 */
class DisclosureRequestConsultationTest extends DisclosureRequestFixture {

    @Test
    void startingAConsultationNumbersIt() {
        givenReceived()
                .when(new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "北京某科技有限公司", CONSULTED))
                .expectEvents(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted())
                .expectResultMessagePayload(1);
    }

    @Test
    void consultationsMayOverlap() {
        LocalDate started = LocalDate.of(2026, 5, 18);
        givenReceived(new AnswerClockPaused(ID, CONSULTED, "CONSULTATION"), consultationStarted())
                .when(new StartConsultation(ID, ConsultedParty.OTHER_AGENCY, "西城区规划分局", started))
                .expectEvents(new ConsultationStarted(ID, 2, ConsultedParty.OTHER_AGENCY, "西城区规划分局", started))
                .expectResultMessagePayload(2);
    }

    @Test
    void endingAConsultationRecordsTheReply() {
        LocalDate replied = LocalDate.of(2026, 5, 25);
        givenReceived(consultationStarted())
                .when(new EndConsultation(ID, 1, replied, ConsultationEnding.REPLIED, "不同意公开：涉及商业秘密"))
                .expectEvents(new ConsultationEnded(ID, 1, replied, ConsultationEnding.REPLIED, "不同意公开：涉及商业秘密"));
    }

    @Test
    void anOtherAgencysSilenceEndsTheConsultationAsLapsed() {
        LocalDate lapsed = LocalDate.of(2026, 6, 5);
        givenReceived(new ConsultationStarted(ID, 1, ConsultedParty.OTHER_AGENCY, "西城区规划分局", CONSULTED))
                .when(new EndConsultation(ID, 1, lapsed, ConsultationEnding.LAPSED, null))
                .expectEvents(new ConsultationEnded(ID, 1, lapsed, ConsultationEnding.LAPSED, ""));
    }

    @Test
    void aConsultationEndsByAReplyUnlessToldOtherwise() {
        givenReceived(consultationStarted())
                .when(new EndConsultation(ID, 1, CONSULTED, null, "同意公开"))
                .expectEvents(new ConsultationEnded(ID, 1, CONSULTED, ConsultationEnding.REPLIED, "同意公开"));
    }

    @Test
    void cannotStartAConsultationDatedBeforeTheReceipt() {
        expectRefusal(givenReceived()
                        .when(new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "某公司", LocalDate.of(2026, 5, 8))),
                Kind.INVALID, "DATE_BEFORE_RECEIPT", "征求意见日期（2026-05-08）不能早于收到申请日期（2026-05-11）");
    }

    @Test
    void cannotStartAConsultationWithoutSayingWhomItAsks() {
        expectRefusal(givenReceived().when(new StartConsultation(ID, null, "某公司", CONSULTED)),
                Kind.INVALID, "PARTY_REQUIRED", "请选择征求意见对象");
    }

    @Test
    void cannotStartAConsultationAfterTheAnswer() {
        expectRefusal(givenReceived(decided())
                        .when(new StartConsultation(ID, ConsultedParty.THIRD_PARTY, "某公司", SERVED)),
                Kind.CONFLICT, "ALREADY_ANSWERED", "办结后不能再征求意见");
    }

    @Test
    void cannotEndAnUnknownConsultation() {
        expectRefusal(givenReceived(consultationStarted())
                        .when(new EndConsultation(ID, 2, LocalDate.of(2026, 5, 25), null, "")),
                Kind.NOT_FOUND, "CONSULTATION_UNKNOWN", "该申请没有第 2 次征求意见");
    }

    @Test
    void cannotEndAConsultationTwice() {
        expectRefusal(givenReceived(consultationStarted(),
                        new ConsultationEnded(ID, 1, LocalDate.of(2026, 5, 25), ConsultationEnding.REPLIED, ""))
                        .when(new EndConsultation(ID, 1, LocalDate.of(2026, 5, 26), null, "")),
                Kind.CONFLICT, "CONSULTATION_ALREADY_ENDED", "第 1 次征求意见已经结束");
    }

    @Test
    void cannotEndAConsultationBeforeItStarted() {
        expectRefusal(givenReceived(consultationStarted())
                        .when(new EndConsultation(ID, 1, LocalDate.of(2026, 5, 14), null, "")),
                Kind.INVALID, "DATE_BEFORE_ENDEDON", "征求意见结束日期（2026-05-14）不能早于征求意见日期（2026-05-15）");
    }
}
