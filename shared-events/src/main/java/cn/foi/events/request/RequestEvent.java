package cn.foi.events.request;

/**
 * Everything that happens to one disclosure request, from its receipt to the last court ruling. Every event is named
 * by the request it belongs to; its business dates are the dates of the law, not the moment it was recorded.
 */
public sealed interface RequestEvent
        permits RequestReceived, RegistrationCorrected, AnswerDueDateChanged, AnswerClockPaused, AnswerClockResumed,
        SupplementRequested, SupplementReceived, SupplementLapseRecorded,
        AnswerPeriodExtended, ConsultationStarted, ConsultationEnded,
        FeeNoticeIssued, FeePaid, FeeLapseRecorded, LaterAnswerDateSet,
        RequestDecided, DecisionCorrected, RequestRedecided, RequestWithdrawn,
        ReconsiderationFiled, ReconsiderationDecided, LawsuitFiled, LawsuitDecided,
        RequestBecameOverdue, SupplementDeadlinePassed, FeePaymentDeadlinePassed,
        NoticeIssued, NoticeServed, NoticeVoided, AttachmentAdded, AttachmentRemoved, RequestAssigned,
        RequestLinkedToEarlier {

    String requestId();
}
