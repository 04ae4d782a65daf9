package cn.foi.events.report;

import org.axonframework.serialization.Revision;

/**
 * A corrected version of a published report (更正): it supersedes the earlier versions, which stay on record.
 *
 * @param version the new version: 2 for the first correction, then 3, 4…
 * @param reason  why the report was corrected, as the agency wrote it
 */
@Revision("1")
public record AnnualReportRepublished(String agencyCode, int year, int version, String template, String contentHash,
                                      PublishedReport report, String reason) implements ReportEvent {
}
