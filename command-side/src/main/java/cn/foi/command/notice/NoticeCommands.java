package cn.foi.command.notice;

import cn.foi.events.request.NoticeKind;
import cn.foi.events.request.ServiceMethod;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issuing, serving and voiding the written notices of a request: the request decides whether its state allows it. */
public final class NoticeCommands {

    private NoticeCommands() {
    }

    /** @param servesNumber for a 送达回证, the number of the notice it accompanies; null for every other kind */
    public record IssueNotice(@TargetAggregateIdentifier String requestId, NoticeKind kind, LocalDate issuedOn,
                              String servesNumber) {

        public IssueNotice(String requestId, NoticeKind kind, LocalDate issuedOn) {
            this(requestId, kind, issuedOn, null);
        }
    }

    /** @param reason required when the notice's service was already recorded: the record is then corrected */
    public record ServeNotice(@TargetAggregateIdentifier String requestId, String number, LocalDate servedOn,
                              ServiceMethod method, String recipient, String reason) {
    }

    public record VoidNotice(@TargetAggregateIdentifier String requestId, String number, String reason) {
    }
}
