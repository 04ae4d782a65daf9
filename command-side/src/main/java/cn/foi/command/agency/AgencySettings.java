package cn.foi.command.agency;

/** How each agency counts its periods (see the AgencySettingsChanged event); agencies that never chose use the defaults. */
public interface AgencySettings {

    Settings of(String agencyCode);

    /** The defaults: counting starts the day after the receipt, and a fee notice stops the clock until payment. */
    record Settings(boolean countFromReceiptDay, boolean feePausesClock) {
        public static final Settings DEFAULT = new Settings(false, true);
    }
}
