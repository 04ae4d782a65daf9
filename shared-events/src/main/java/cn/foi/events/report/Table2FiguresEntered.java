package cn.foi.events.report;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * Table 二 as entered, whole: it replaces any earlier entry for the year.
 *
 * @param template "2019" or "2021": the template whose figures these are
 * @param figures  every figure of the template by its key ({@link Table2Item#key()}); counts as integers, amounts in
 *                 万元 without trailing zeros
 */
@Revision("1")
public record Table2FiguresEntered(String agencyCode, int year, String template, Map<String, BigDecimal> figures)
        implements ReportEvent {
}
