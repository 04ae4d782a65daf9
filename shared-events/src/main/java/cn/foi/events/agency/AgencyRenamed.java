package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/**
 * An agency took a new name (机构更名). Its code, requests and reports stay; a report names the agency as it was called at
 * the end of the report's year, so the old name stays in the history the query side keeps.
 */
@Revision("1")
public record AgencyRenamed(String code, String name) {
}
