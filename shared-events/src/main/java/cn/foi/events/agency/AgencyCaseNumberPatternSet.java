package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/**
 * The pattern of the agency's case numbers (受理编号), from which registration suggests the next number (ADR 24).
 *
 * @param pattern the agency's own pattern, with {年} and {序号} (or {序号:3}); null: the deployment's pattern
 */
@Revision("1")
public record AgencyCaseNumberPatternSet(String code, String pattern) {
}
