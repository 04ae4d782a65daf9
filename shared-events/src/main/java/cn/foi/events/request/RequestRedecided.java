package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The agency answered the request anew (重新答复) because a reconsideration or a court corrected its answer and ordered
 * a new one. The first answer stays the request's closing: Table 三 counts a request once, in the year and row it was
 * first answered, so this event changes neither (unlike {@link DecisionCorrected}, which fixes a recording mistake).
 *
 * @param orderedBy the kind of appeal whose 纠正 result ordered the new answer
 * @param appealNo  that appeal's number among the request's reconsiderations or lawsuits
 * @param decidedOn the day the new answer was made
 * @param servedOn  the day it was served on the applicant (送达), if known
 * @param note      the specific reason where the outcome asks for one (其他处理·其他)
 */
@Revision("1")
public record RequestRedecided(String requestId, Outcome outcome, LocalDate decidedOn, LocalDate servedOn, String note,
                               AppealKind orderedBy, int appealNo) implements RequestEvent {
}
