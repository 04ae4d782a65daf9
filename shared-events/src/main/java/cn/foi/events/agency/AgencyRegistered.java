package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/** An agency (机关) joined the system, under its parent agency if it has one. */
@Revision("1")
public record AgencyRegistered(String code, String name, String parentCode) {
}
