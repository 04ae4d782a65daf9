package cn.foi.command.ledger;

/**
 * One thing wrong in a ledger, where a clerk finds it: the spreadsheet's row number (the header is row 1 when it is the
 * first line) and the column's Chinese name, null when the whole row or file is at fault.
 */
public record LedgerError(int row, String column, String message) {

    static LedgerError at(int row, LedgerColumn column, String message) {
        return new LedgerError(row, column == null ? null : column.chineseName(), message);
    }
}
