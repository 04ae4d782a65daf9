package cn.foi.command.report;

import cn.foi.command.shared.RuleViolation;
import cn.foi.platform.report.ReportContent;
import cn.foi.events.report.Table2Item;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** What Table 二 must look like when entered (domain §2.3): the whole table of one template, each figure of its kind. */
final class Table2Rules {

    /** Four decimals of 万元 is one 元: the finest unit the reports use. */
    static final int AMOUNT_DECIMALS = 4;
    /** Far above any real figure; it keeps a typing slip (or a hostile client) from storing absurd numbers. */
    static final int MAX_INTEGER_DIGITS = 12;

    private Table2Rules() {
    }

    /** The figures in the official order, normalized (3.0 → 3), or the first fault found. */
    static Map<String, BigDecimal> checked(String template, Map<String, BigDecimal> given) {
        Map<String, BigDecimal> figures = given == null ? Map.of() : given;
        // Unknown keys first, in a fixed order: a mistyped key otherwise shows up as a "missing" one.
        for (String key : new TreeSet<>(figures.keySet())) {
            if (Table2Item.find(template, key).isEmpty()) {
                throw RuleViolation.invalid("TABLE2_UNKNOWN_FIGURE", "figures." + key,
                        "表二（" + template + " 年版模板）没有 " + key + " 这一项，请核对模板和项目名称");
            }
        }
        Map<String, BigDecimal> checked = new LinkedHashMap<>();
        for (Table2Item item : Table2Item.of(template)) {
            if (!figures.containsKey(item.key())) {
                throw RuleViolation.invalid("TABLE2_INCOMPLETE", "figures." + item.key(),
                        "表二须整表录入，缺少 " + item.key() + "（" + item.label() + "）；没有的项目请填 0");
            }
            checked.put(item.key(), valueOf(item, figures.get(item.key())));
        }
        return Collections.unmodifiableMap(checked);
    }

    private static BigDecimal valueOf(Table2Item item, BigDecimal given) {
        String field = "figures." + item.key();
        String name = item.key() + "（" + item.label() + "）";
        if (given == null) {
            throw RuleViolation.invalid("TABLE2_VALUE_MISSING", field, "请填写表二 " + name + "；没有的项目请填 0");
        }
        BigDecimal value = ReportContent.normalized(given);
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw RuleViolation.invalid("TABLE2_VALUE_TOO_LARGE", field, "表二 " + name + " 的数值过大，请核对");
        }
        switch (item.kind()) {
            case COUNT -> {
                if (value.scale() > 0 || value.signum() < 0) {
                    throw RuleViolation.invalid("TABLE2_VALUE_INVALID", field,
                            "表二 " + name + " 须为不小于 0 的整数，现为 " + value.toPlainString());
                }
            }
            case SIGNED -> {
                if (value.scale() > 0) {
                    throw RuleViolation.invalid("TABLE2_VALUE_INVALID", field,
                            "表二 " + name + " 须为整数（减少时填负数），现为 " + value.toPlainString());
                }
            }
            case AMOUNT -> {
                if (value.signum() < 0 || value.scale() > AMOUNT_DECIMALS) {
                    throw RuleViolation.invalid("TABLE2_VALUE_INVALID", field, "表二 " + name
                            + " 为金额（万元），须不小于 0，最多保留 " + AMOUNT_DECIMALS + " 位小数，现为 " + value.toPlainString());
                }
            }
        }
        return value;
    }
}
