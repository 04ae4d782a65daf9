package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/**
 * An agency was placed under another parent agency (机构隶属关系调整); who oversees it follows the tree from now on.
 *
 * @param parentCode the new parent; null when the agency now stands at the top of the tree
 */
@Revision("1")
public record AgencyMoved(String code, String parentCode) {
}
