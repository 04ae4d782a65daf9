package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The request was given to a handler (承办人), handed on to another, or left without one ({@code handler} null). The
 * handler is a clerk or supervisor of the request's agency, named by user name; {@code assignedBy} is the user who
 * decided it, {@code assignedOn} the office's date it was decided. A handler is internal work management: it changes
 * no period of the law.
 */
@Revision("1")
public record RequestAssigned(String requestId, String handler, String assignedBy, LocalDate assignedOn)
        implements RequestEvent {
}
