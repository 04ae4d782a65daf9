package cn.foi.events.agency;

import org.axonframework.serialization.Revision;

/**
 * How an agency counts its statutory periods, where the law leaves it open (domain §1.3, §1.5).
 *
 * @param countFromReceiptDay true when the receipt day itself is the first day of the period; by default the period
 *                            starts the day after
 * @param feePausesClock      whether a fee notice stops the answer clock until payment (default true)
 */
@Revision("1")
public record AgencySettingsChanged(String code, boolean countFromReceiptDay, boolean feePausesClock) {
}
