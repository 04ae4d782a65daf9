package cn.foi.events.request;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The applicant sued (行政诉讼), directly or after a reconsideration (复议后起诉).
 *
 * @param reconsiderationNo the decided reconsideration the suit follows, or 0 for a direct suit
 */
@Revision("1")
public record LawsuitFiled(String requestId, int lawsuitNo, LocalDate filedOn, boolean afterReconsideration,
                           int reconsiderationNo) implements RequestEvent {
}
