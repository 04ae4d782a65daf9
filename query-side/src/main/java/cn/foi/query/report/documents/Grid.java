package cn.foi.query.report.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of the report as the official template lays it out, independent of the file format: cells placed on a grid
 * of logical columns, each spanning rows and columns. The three renderers draw the same grid, so a table looks the same
 * in HTML, XLSX and DOCX, and the tests can read every format back into this shape.
 *
 * @param name        a stable name: {@code table2}, {@code table3}, {@code table4}, {@code checks}, {@code annex-…}
 * @param widths      the relative width of each logical column; their sum is the table's width in units
 * @param headerRows  how many rows at the top are headings (repeated on every printed page in HTML)
 * @param cells       every cell, by its top-left position; positions covered by a span hold no cell
 */
public record Grid(String name, List<Integer> widths, int headerRows, List<Cell> cells) {

    public Grid {
        widths = List.copyOf(widths);
        cells = List.copyOf(cells);
    }

    public int columns() {
        return widths.size();
    }

    public int rows() {
        return cells.stream().mapToInt(cell -> cell.row() + cell.rowSpan()).max().orElse(0);
    }

    /** The cell whose top-left corner is at the position, or null when the position is covered by a span. */
    public Cell at(int row, int column) {
        return cells.stream().filter(cell -> cell.row() == row && cell.column() == column).findFirst().orElse(null);
    }

    public int unitsBefore(int column) {
        return widths.subList(0, column).stream().mapToInt(Integer::intValue).sum();
    }

    public int units(int column, int span) {
        return widths.subList(column, column + span).stream().mapToInt(Integer::intValue).sum();
    }

    /** What a cell holds decides how every format aligns it and whether a spreadsheet stores it as a number. */
    public enum Kind {
        /** A column or section heading: centred, bold. */
        HEADER,
        /** A row label: left-aligned. */
        LABEL,
        /** A count: an integer, zero written as 0. */
        COUNT,
        /** 本年增/减: an integer with its sign. */
        SIGNED,
        /** An amount in 万元 or 元: a decimal without trailing zeros. */
        AMOUNT,
        /** A Table 二 figure the agency has not entered: "—", never a number. */
        NOT_ENTERED,
        /** Free text, left-aligned. */
        TEXT,
        /** A check that holds. */
        PASSED,
        /** A check that fails: printed so that nobody misses it. */
        FAILED
    }

    /**
     * @param value the number a spreadsheet stores, for {@link Kind#COUNT}, {@link Kind#SIGNED} and
     *              {@link Kind#AMOUNT}; null otherwise
     */
    public record Cell(int row, int column, int rowSpan, int columnSpan, String text, Kind kind, BigDecimal value) {

        public boolean numeric() {
            return value != null;
        }
    }

    static Builder builder(String name, int headerRows, Integer... widths) {
        return new Builder(name, headerRows, List.of(widths));
    }

    /** Places cells row by row; the layout code reads like the template it copies. */
    static final class Builder {
        private final String name;
        private final int headerRows;
        private final List<Integer> widths;
        private final List<Cell> cells = new ArrayList<>();

        private Builder(String name, int headerRows, List<Integer> widths) {
            this.name = name;
            this.headerRows = headerRows;
            this.widths = widths;
        }

        Builder cell(int row, int column, int rowSpan, int columnSpan, String text, Kind kind) {
            cells.add(new Cell(row, column, rowSpan, columnSpan, text, kind, null));
            return this;
        }

        Builder header(int row, int column, int rowSpan, int columnSpan, String text) {
            return cell(row, column, rowSpan, columnSpan, text, Kind.HEADER);
        }

        Builder label(int row, int column, int rowSpan, int columnSpan, String text) {
            return cell(row, column, rowSpan, columnSpan, text, Kind.LABEL);
        }

        Builder count(int row, int column, long value) {
            cells.add(new Cell(row, column, 1, 1, Long.toString(value), Kind.COUNT, BigDecimal.valueOf(value)));
            return this;
        }

        Builder figure(int row, int column, int columnSpan, BigDecimal value, Kind kind) {
            if (value == null) {
                return cell(row, column, 1, columnSpan, ReportLayout.NOT_ENTERED, Kind.NOT_ENTERED);
            }
            cells.add(new Cell(row, column, 1, columnSpan, ReportLayout.number(value, kind), kind, value));
            return this;
        }

        Grid build() {
            return new Grid(name, widths, headerRows, cells);
        }
    }
}
