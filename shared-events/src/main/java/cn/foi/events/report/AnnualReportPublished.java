package cn.foi.events.report;

import org.axonframework.serialization.Revision;

/**
 * The report for the year was published for the first time.
 *
 * @param version     always 1; corrections follow as {@link AnnualReportRepublished}
 * @param contentHash the SHA-256 fingerprint (infra/platform's ReportContent) of {@code report}, computed by the
 *                    command side
 */
@Revision("1")
public record AnnualReportPublished(String agencyCode, int year, int version, String template, String contentHash,
                                    PublishedReport report) implements ReportEvent {
}
