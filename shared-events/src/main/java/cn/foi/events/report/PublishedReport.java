package cn.foi.events.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The content of a published annual report, frozen as it was published: later requests, corrections or entries never
 * change it. Its SHA-256 fingerprint (infra/platform's ReportContent) is the events' {@code contentHash}.
 *
 * @param table3        Table 三 by row key ({@link Table3Rows}): C1..C6 and the total C7
 * @param table4        Table 四 by {@link Table4Rows} key: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计
 * @param table4Rule    which cases Table 四 counts for the year (domain §2.2 leaves it to a setting), in words
 * @param table2        Table 二 by {@link Table2Item#key()}
 * @param overview      一、总体情况
 * @param problems      五、存在的主要问题及改进情况
 * @param otherMatters  六、其他需要报告的事项
 * @param feesCollected 信息处理费 collected in the year, in 元
 */
@Revision("1")
public record PublishedReport(
        Map<String, List<Long>> table3,
        Map<String, List<Long>> table4,
        String table4Rule,
        Map<String, BigDecimal> table2,
        String overview,
        String problems,
        String otherMatters,
        BigDecimal feesCollected) {
}
