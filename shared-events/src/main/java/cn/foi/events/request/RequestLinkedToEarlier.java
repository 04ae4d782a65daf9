package cn.foi.events.request;

import org.axonframework.serialization.Revision;

/**
 * The clerk linked this request to an earlier request of the same agency, usually as a possible repeated request
 * (重复申请): the same applicant asking again for what was asked before. A link records what the clerk saw; it decides
 * nothing, and the request is handled and answered on its own.
 *
 * @param earlierCaseNo the earlier request's case number when the link was made, so the timeline reads without it
 * @param reason        why the clerk linked them; empty when none was given
 */
@Revision("1")
public record RequestLinkedToEarlier(String requestId, String earlierRequestId, String earlierCaseNo, String reason)
        implements RequestEvent {
}
