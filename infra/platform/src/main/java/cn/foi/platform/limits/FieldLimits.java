package cn.foi.platform.limits;

import java.math.BigDecimal;

/**
 * The limits of the numbers a user enters, beside those of the texts ({@link TextField}). Like those, the command side
 * enforces them and a query-side test checks that the read side's columns hold them.
 */
public final class FieldLimits {

    /**
     * The largest fee notice, in 元. Fees under 国办函〔2020〕109号 are tens or hundreds of 元; a million is far above any
     * real notice and far inside the read side's {@code numeric(12,2)} (at most 9,999,999,999.99).
     */
    public static final BigDecimal MAX_FEE_AMOUNT = new BigDecimal("1000000.00");
    /** Fees are in 元 and 分. */
    public static final int FEE_AMOUNT_DECIMALS = 2;
    /** The read side's column of fee amounts, {@code numeric(precision, scale)}. */
    public static final String FEE_AMOUNT_COLUMN = "report_fee.amount";

    /** The most items (申请事项) one request may count: a request of thousands of items is a typing slip. */
    public static final int MAX_ITEMS = 1_000;
    /** The read side's column of item counts. */
    public static final String ITEMS_COLUMN = "request_summary.item_count";

    private FieldLimits() {
    }
}
