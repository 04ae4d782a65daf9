package cn.foi.query.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The open requests of an agency (and, for a supervisor, of the agencies under it) against their answer dates.
 *
 * @param agency   the agency asked for
 * @param today    the day the working days are counted from
 * @param within   how many working days ahead a due date counts as "due soon"
 * @param counts   the number of requests in each state, every state present
 * @param requests the most urgent first: fewest working days left, those without a due date last
 */
public record DeadlineBoard(String agency, LocalDate today, int within, Map<DeadlineState, Integer> counts,
                            List<Item> requests) {

    /**
     * @param workingDaysLeft working days from today to the due date: 0 on the due date, negative when overdue, null
     *                        without a due date
     * @param pausedBecause   {@code SUPPLEMENT}, {@code CONSULTATION} or {@code FEE} while the clock stands still
     * @param dueDateProvisional the period counts days of a year whose national notice is not declared yet
     */
    public record Item(String id, String agencyCode, String agencyName, String caseNo, String applicantName,
                       LocalDate receivedOn, LocalDate dueDate, Integer workingDaysLeft, DeadlineState state,
                       String stateLabel, String pausedBecause, boolean dueDateProvisional) {
    }
}
