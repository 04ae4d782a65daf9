package cn.foi.events.report;

import java.util.List;

/**
 * The three column groups of Table 四 (domain §2.2), the same in both templates. Each holds five numbers: 结果维持,
 * 结果纠正, 其他结果, 尚未审结, 总计.
 */
public final class Table4Rows {

    public static final String RECONSIDERATION = "reconsideration";
    public static final String LAWSUIT_DIRECT = "lawsuitDirect";
    public static final String LAWSUIT_AFTER_RECONSIDERATION = "lawsuitAfterReconsideration";

    public static final List<String> KEYS = List.of(RECONSIDERATION, LAWSUIT_DIRECT, LAWSUIT_AFTER_RECONSIDERATION);
    public static final int COLUMNS = 5;

    private Table4Rows() {
    }
}
