package cn.foi.command.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which cell of a row holds which column, read from the header row. Columns the ledger does not know (备注, 经办人...)
 * are left alone: real ledgers carry them.
 */
final class LedgerHeader {

    private final Map<Integer, LedgerColumn> columns;

    private LedgerHeader(Map<Integer, LedgerColumn> columns) {
        this.columns = columns;
    }

    /** The header, or the errors that say why this row is not a ledger's header. */
    static LedgerHeader read(int row, List<String> cells, List<LedgerError> errors) {
        Map<Integer, LedgerColumn> columns = new LinkedHashMap<>();
        Map<LedgerColumn, Integer> seen = new EnumMap<>(LedgerColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            int index = i;
            LedgerColumn.fromHeader(cells.get(i)).ifPresent(column -> {
                if (seen.containsKey(column)) {
                    errors.add(LedgerError.at(row, column, "列“" + column.chineseName() + "”在表头中出现了两次（第 "
                            + (seen.get(column) + 1) + " 列和第 " + (index + 1) + " 列）"));
                } else {
                    seen.put(column, index);
                    columns.put(index, column);
                }
            });
        }
        if (columns.isEmpty()) {
            errors.add(new LedgerError(row, null, "这不是政府信息公开申请台账：第 " + row + " 行应为表头，写明 "
                    + required() + " 等列名（或列键 case_no、applicant_category、received_on 等）"));
            return null;
        }
        List<LedgerColumn> missing = new ArrayList<>(Arrays.stream(LedgerColumn.values())
                .filter(LedgerColumn::required).filter(c -> !seen.containsKey(c)).toList());
        for (LedgerColumn column : missing) {
            errors.add(LedgerError.at(row, column, "表头缺少必填列“" + column.chineseName() + "”（" + column.key() + "）"));
        }
        return missing.isEmpty() && errors.isEmpty() ? new LedgerHeader(columns) : null;
    }

    private static String required() {
        return Arrays.stream(LedgerColumn.values()).filter(LedgerColumn::required).map(LedgerColumn::chineseName)
                .collect(Collectors.joining("、"));
    }

    /** The non-blank cells of a data row by column. */
    Map<LedgerColumn, String> cells(List<String> cells) {
        Map<LedgerColumn, String> byColumn = new EnumMap<>(LedgerColumn.class);
        columns.forEach((index, column) -> {
            if (index < cells.size() && cells.get(index) != null && !cells.get(index).isBlank()) {
                byColumn.put(column, cells.get(index));
            }
        });
        return byColumn;
    }
}
