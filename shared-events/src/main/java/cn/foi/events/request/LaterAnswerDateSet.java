package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** For an excessive but reasonable request the agency set a later answer date (条例 35); it replaces the computed one. */
@Revision("1")
public record LaterAnswerDateSet(String requestId, LocalDate setOn, LocalDate answerBy, String reason)
        implements RequestEvent {
}
