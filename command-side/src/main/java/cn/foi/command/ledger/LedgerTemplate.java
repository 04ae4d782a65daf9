package cn.foi.command.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The empty ledger a clerk starts from: every column under its Chinese name, in the order an export writes them, and
 * one example row. The example is read through the import's own cell rules before it is written, so the template cannot
 * drift from what the import takes; imported as it is, it registers one request answered 予以公开.
 */
public final class LedgerTemplate {

    /** The example, as a clerk would type it. */
    static final Map<LedgerColumn, String> EXAMPLE = example();

    private LedgerTemplate() {
    }

    private static Map<LedgerColumn, String> example() {
        Map<LedgerColumn, String> cells = new LinkedHashMap<>();
        cells.put(LedgerColumn.CASE_NO, "2025-001");
        cells.put(LedgerColumn.APPLICANT_CATEGORY, "自然人");
        cells.put(LedgerColumn.APPLICANT_NAME, "张三");
        cells.put(LedgerColumn.CHANNEL, "网络");
        cells.put(LedgerColumn.RECEIVED_ON, "2025-03-03");
        cells.put(LedgerColumn.OUTCOME, "予以公开");
        cells.put(LedgerColumn.CLOSED_ON, "2025-03-20");
        cells.put(LedgerColumn.DESCRIPTION, "申请公开2024年度某道路改造项目的资金使用情况");
        return cells;
    }

    public static void write(OutputStream out) throws IOException {
        Map<LedgerColumn, Object> values = new EnumMap<>(LedgerColumn.class);
        for (Map.Entry<LedgerColumn, String> cell : EXAMPLE.entrySet()) {
            try {
                values.put(cell.getKey(), LedgerValues.read(cell.getKey(), cell.getValue()));
            } catch (LedgerValues.Unreadable e) {
                throw new IllegalStateException("the template's example is no ledger cell: " + cell, e);
            }
        }
        try (LedgerWriter writer = LedgerWriter.xlsx(out)) {
            writer.row(new LedgerRow(2, values));
        }
    }
}
