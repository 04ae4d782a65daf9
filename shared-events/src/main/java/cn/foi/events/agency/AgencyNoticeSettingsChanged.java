package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/**
 * What an agency's notices print where the law leaves the words to it. A null field is not set: the agency takes its
 * parent agency's value, and the default when no agency above it set one.
 *
 * @param shortName           the 机关简称 in document numbers (default: the agency's name)
 * @param numberPattern       the document number pattern, with {机关简称}, {类别}, {年} and {序号}
 * @param reconsiderationBody the 行政复议机关 named in an answer's remedy notice
 * @param court               the court named in an answer's remedy notice (行政诉讼)
 */
@Revision("1")
public record AgencyNoticeSettingsChanged(String code, String shortName, String numberPattern,
                                          String reconsiderationBody, String court) {
}
