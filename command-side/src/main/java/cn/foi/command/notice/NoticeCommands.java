package cn.foi.command.notice;

import cn.foi.events.request.NoticeKind;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issuing a written notice for a request: the request decides whether its state calls for that kind. */
public final class NoticeCommands {

    private NoticeCommands() {
    }

    public record IssueNotice(@TargetAggregateIdentifier String requestId, NoticeKind kind, LocalDate issuedOn) {
    }
}
