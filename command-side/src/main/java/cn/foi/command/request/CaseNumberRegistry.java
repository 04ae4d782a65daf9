package cn.foi.command.request;

/**
 * The set of case numbers in use, per agency. A claim is part of the command's transaction, so two clerks registering
 * the same number at the same moment cannot both succeed.
 */
public interface CaseNumberRegistry {

    /** Claims {@code caseNo} for the request, or refuses with a conflict when the agency already uses it. */
    void claim(String agencyCode, String caseNo, String requestId);

    /** Moves the request to a new case number after a correction, refusing a number already in use. */
    void reassign(String agencyCode, String oldCaseNo, String newCaseNo, String requestId);
}
