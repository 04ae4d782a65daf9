package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/** The agency chose the year rule of its Table 四 (domain §2.2); until it does, {@code FILED_IN_YEAR} applies. */
@Revision("1")
public record AppealYearRuleChosen(String code, AppealYearRule rule) {
}
