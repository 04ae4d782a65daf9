package cn.foi.events.report;

import org.axonframework.serialization.Revision;

/**
 * The text sections of the report as entered, all three at once; they replace any earlier entry for the year.
 *
 * @param overview     一、总体情况
 * @param problems     五、存在的主要问题及改进情况 (empty when none was written)
 * @param otherMatters 六、其他需要报告的事项 (empty when none was written)
 */
@Revision("1")
public record ReportTextsEntered(String agencyCode, int year, String overview, String problems, String otherMatters)
        implements ReportEvent {
}
