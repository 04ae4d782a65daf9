package cn.foi.command.notice;

import cn.foi.events.request.AnswerDueDateChanged;
import cn.foi.events.request.AnswerPeriodExtended;
import cn.foi.events.request.ConsultationStarted;
import cn.foi.events.request.DecisionCorrected;
import cn.foi.events.request.FeeNoticeIssued;
import cn.foi.command.request.Regulation;
import cn.foi.events.request.Outcome;
import cn.foi.events.request.RegistrationCorrected;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.request.RequestWithdrawn;
import cn.foi.events.request.SupplementRequested;
import java.time.LocalDate;

/**
 * What a notice says about its request, read from the request's own events (the aggregate keeps only what its rules
 * need, not the applicant's name or the items of a 补正). The latest of each step counts.
 */
final class NoticeFacts {

    RequestReceived received;
    RegistrationCorrected corrected;
    SupplementRequested supplement;
    AnswerPeriodExtended extension;
    ConsultationStarted consultation;
    FeeNoticeIssued fee;
    RequestDecided decided;
    DecisionCorrected decisionCorrected;
    RequestWithdrawn withdrawn;
    AnswerDueDateChanged dueDate;

    void on(Object event) {
        if (event instanceof RequestReceived e) {
            received = e;
        } else if (event instanceof RegistrationCorrected e) {
            corrected = e;
        } else if (event instanceof SupplementRequested e) {
            supplement = e;
        } else if (event instanceof AnswerPeriodExtended e) {
            extension = e;
        } else if (event instanceof ConsultationStarted e) {
            consultation = e;
        } else if (event instanceof FeeNoticeIssued e) {
            fee = e;
        } else if (event instanceof RequestDecided e) {
            decided = e;
            decisionCorrected = null;
        } else if (event instanceof DecisionCorrected e) {
            decisionCorrected = e;
        } else if (event instanceof RequestWithdrawn e) {
            withdrawn = e;
        } else if (event instanceof AnswerDueDateChanged e) {
            dueDate = e;
        }
    }

    ConsultationStarted consultation() {
        return consultation;
    }

    /** The answer as it stands: a correction replaces the decision; a withdrawal is answered as 其他. */
    Outcome outcome() {
        if (decisionCorrected != null) {
            return decisionCorrected.outcome();
        }
        if (decided != null) {
            return decided.outcome();
        }
        return withdrawn != null ? Outcome.R3_6_3 : null;
    }

    /** The day the answer was given as it stands, or the withdrawal's. */
    LocalDate decidedOn() {
        if (decisionCorrected != null) {
            return decisionCorrected.decidedOn();
        }
        if (decided != null) {
            return decided.decidedOn();
        }
        return withdrawn != null ? withdrawn.withdrawnOn() : null;
    }

    String applicantName() {
        return corrected != null ? corrected.applicant().name() : received.applicant().name();
    }

    String caseNo() {
        return corrected != null ? corrected.caseNo() : received.caseNo();
    }

    LocalDate receivedOn() {
        return corrected != null ? corrected.receivedOn() : received.receivedOn();
    }

    /** The 条例 the request is answered under, by its receipt date as it stands: the letter cites that one. */
    Regulation regulation() {
        return Regulation.forReceipt(receivedOn());
    }

    String description() {
        String text = corrected != null ? corrected.description() : received.description();
        return text == null ? "" : text;
    }

    /** The answer's note as last recorded (a correction replaces the first decision's). */
    String decisionNote() {
        String note = decisionCorrected != null ? decisionCorrected.note() : decided != null ? decided.note() : null;
        return note == null ? "" : note;
    }
}
