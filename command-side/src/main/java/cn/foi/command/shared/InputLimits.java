package cn.foi.command.shared;

import cn.foi.platform.limits.FieldLimits;
import cn.foi.platform.limits.TextField;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The catalogue's limits ({@link TextField}, {@link FieldLimits}) as guard clauses of the aggregates. Every command
 * goes through an aggregate, whether a clerk sent it or a ledger row became it, so checking here keeps any value the
 * read side could not hold out of the event store.
 */
public final class InputLimits {

    private InputLimits() {
    }

    /** The text unchanged when the catalogue allows it; else refused, naming the field as the API does. */
    public static String text(TextField field, String text) {
        return text(field, field.field(), text);
    }

    /** The same, for a field the API names otherwise (a nested or indexed path). */
    public static String text(TextField field, String apiField, String text) {
        field.fault(text).ifPresent(fault -> {
            throw RuleViolation.invalid(fault.rule(), apiField, fault.message());
        });
        return text;
    }

    /** A fee as stored, rounded to the 分: more than 0, at most the catalogue's maximum. */
    public static BigDecimal feeAmount(BigDecimal amount) {
        // Compared before rounding: setScale on 1e308 or 1e-999999999 would build a number of that many digits.
        if (amount == null || amount.signum() <= 0) {
            throw RuleViolation.invalid("FEE_AMOUNT", "amount", "收费金额须大于 0 元");
        }
        if (amount.compareTo(FieldLimits.MAX_FEE_AMOUNT) > 0) {
            throw RuleViolation.invalid("FEE_AMOUNT_TOO_LARGE", "amount", "收费金额不能超过 "
                    + FieldLimits.MAX_FEE_AMOUNT.toPlainString() + " 元，请核对");
        }
        if (amount.compareTo(SMALLEST_FEE) < 0) {
            throw RuleViolation.invalid("FEE_AMOUNT", "amount", "收费金额须大于 0 元（以元为单位，精确到分）");
        }
        return amount.setScale(FieldLimits.FEE_AMOUNT_DECIMALS, RoundingMode.HALF_UP);
    }

    /** Half a 分: the least that rounds to a fee at all. */
    private static final BigDecimal SMALLEST_FEE = new BigDecimal("0.005");
}
