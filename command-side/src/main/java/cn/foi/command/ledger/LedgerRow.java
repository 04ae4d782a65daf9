package cn.foi.command.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One request of a ledger, its cells read as values: what an import turns into commands and an export writes. */
public final class LedgerRow {

    private final int row;
    private final EnumMap<LedgerColumn, Object> values;

    LedgerRow(int row, Map<LedgerColumn, Object> values) {
        this.row = row;
        this.values = values.isEmpty() ? new EnumMap<>(LedgerColumn.class) : new EnumMap<>(values);
    }

    /** The spreadsheet's row number, for errors. */
    public int row() {
        return row;
    }

    /** The value of a cell, null when blank. */
    @SuppressWarnings("unchecked")
    public <T> T get(LedgerColumn column) {
        return (T) values.get(column);
    }

    public boolean has(LedgerColumn column) {
        return values.get(column) != null;
    }

    public Map<LedgerColumn, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "LedgerRow" + row + values;
    }
}
