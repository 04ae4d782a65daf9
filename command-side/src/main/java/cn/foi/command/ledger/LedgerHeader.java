package cn.foi.command.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which cell of a row holds which column, read from the header row. Columns the ledger does not know (备注, 经办人...)
 * are left alone: real ledgers carry them.
 *
 * <p>A header is read as our column's name or key, unless a mapping says otherwise: first the mapping the clerk sent
 * with this file, then the one remembered for the agency from its last mapped import (only where it fits this file:
 * a remembered header on a column this file already names itself is passed over).
 */
final class LedgerHeader {

    /** Where a header's column came from. */
    enum Source { RECOGNISED, MAPPED, REMEMBERED, NONE }

    /** One header cell: its text, the column it is read as (null: left alone) and why. */
    record Choice(int index, String header, LedgerColumn column, Source source) {
    }

    private final Map<Integer, LedgerColumn> columns;

    private LedgerHeader(Map<Integer, LedgerColumn> columns) {
        this.columns = columns;
    }

    /**
     * The column of every header cell under the two mappings.
     *
     * @throws LedgerMappingException when the clerk's mapping names a header the file does not have, or maps one onto a
     *                                column another header of the file already is
     */
    static List<Choice> choose(List<String> cells, LedgerMapping mapped, LedgerMapping remembered) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i) == null ? "" : cells.get(i).strip();
            Optional<LedgerColumn> explicit = mapped.find(header);
            Optional<LedgerColumn> kept = remembered.find(header);
            if (explicit != null) {
                choices.add(new Choice(i, header, explicit.orElse(null), Source.MAPPED));
            } else if (kept != null) {
                choices.add(new Choice(i, header, kept.orElse(null), Source.REMEMBERED));
            } else {
                LedgerColumn recognised = LedgerColumn.fromHeader(header).orElse(null);
                choices.add(new Choice(i, header, recognised, recognised == null ? Source.NONE : Source.RECOGNISED));
            }
        }
        for (String header : mapped.entries().keySet()) {
            String form = LedgerColumn.headerForm(header);
            if (choices.stream().noneMatch(c -> LedgerColumn.headerForm(c.header()).equals(form))) {
                throw new LedgerMappingException("列对应关系中的表头“" + header + "”不在文件的表头中");
            }
        }
        // A remembered entry yields to a column this file names itself or the clerk mapped: it was made for another file.
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            if (choice.source() == Source.REMEMBERED && choice.column() != null
                    && taken(choices, choice, Source.RECOGNISED, Source.MAPPED)) {
                LedgerColumn own = LedgerColumn.fromHeader(choice.header()).orElse(null);
                choices.set(i, new Choice(choice.index(), choice.header(), own,
                        own == null ? Source.NONE : Source.RECOGNISED));
            }
        }
        for (Choice choice : choices) {
            if (choice.source() == Source.MAPPED && choice.column() != null) {
                choices.stream().filter(other -> other != choice && other.column() == choice.column()
                        && other.source() != Source.MAPPED).findFirst().ifPresent(other -> {
                            throw new LedgerMappingException("列对应关系把表头“" + choice.header() + "”对应到了“"
                                    + choice.column().chineseName() + "”，但文件中的表头“" + other.header()
                                    + "”已是这一列：请把其中一个改为其他列或“" + LedgerMapping.IGNORE + "”");
                        });
            }
        }
        return choices;
    }

    private static boolean taken(List<Choice> choices, Choice choice, Source... by) {
        return choices.stream().anyMatch(other -> other != choice && other.column() == choice.column()
                && Arrays.asList(by).contains(other.source()));
    }

    /** The header, or the errors that say why this row is not a ledger's header (under the mappings given). */
    static LedgerHeader read(int row, List<String> cells, List<LedgerError> errors, LedgerMapping mapped,
                             LedgerMapping remembered) {
        return fromChoices(row, choose(cells, mapped, remembered), errors);
    }

    /** The header as our column names and keys say, without a mapping. */
    static LedgerHeader read(int row, List<String> cells, List<LedgerError> errors) {
        return read(row, cells, errors, LedgerMapping.NONE, LedgerMapping.NONE);
    }

    /** The header of the given choices, or the errors that say why it is none. */
    static LedgerHeader fromChoices(int row, List<Choice> choices, List<LedgerError> errors) {
        Map<Integer, LedgerColumn> columns = new LinkedHashMap<>();
        Map<LedgerColumn, Integer> seen = new EnumMap<>(LedgerColumn.class);
        for (Choice choice : choices) {
            LedgerColumn column = choice.column();
            if (column == null) {
                continue;
            }
            if (seen.containsKey(column)) {
                errors.add(LedgerError.at(row, column, "列“" + column.chineseName() + "”在表头中出现了两次（第 "
                        + (seen.get(column) + 1) + " 列和第 " + (choice.index() + 1) + " 列）"));
            } else {
                seen.put(column, choice.index());
                columns.put(choice.index(), column);
            }
        }
        if (columns.isEmpty()) {
            errors.add(new LedgerError(row, null, "这不是政府信息公开申请台账：第 " + row + " 行应为表头，写明 "
                    + required() + " 等列名（或列键 case_no、applicant_category、received_on 等）；"
                    + "表头与本系统列名不同时，请在导入页面为各列选择对应的本系统列"));
            return null;
        }
        List<LedgerColumn> missing = missing(choices);
        for (LedgerColumn column : missing) {
            errors.add(LedgerError.at(row, column, "表头缺少必填列“" + column.chineseName() + "”（" + column.key() + "）"));
        }
        return missing.isEmpty() && errors.isEmpty() ? new LedgerHeader(columns) : null;
    }

    /** The required columns no header is read as. */
    static List<LedgerColumn> missing(List<Choice> choices) {
        return Arrays.stream(LedgerColumn.values()).filter(LedgerColumn::required)
                .filter(c -> choices.stream().noneMatch(choice -> choice.column() == c)).toList();
    }

    private static String required() {
        return Arrays.stream(LedgerColumn.values()).filter(LedgerColumn::required).map(LedgerColumn::chineseName)
                .collect(Collectors.joining("、"));
    }

    /** The columns of a header made of the choices, without its checks (a preview reads rows under any header). */
    static LedgerHeader of(List<Choice> choices) {
        Map<Integer, LedgerColumn> columns = new LinkedHashMap<>();
        Map<LedgerColumn, Integer> seen = new EnumMap<>(LedgerColumn.class);
        for (Choice choice : choices) {
            if (choice.column() != null && seen.putIfAbsent(choice.column(), choice.index()) == null) {
                columns.put(choice.index(), choice.column());
            }
        }
        return new LedgerHeader(columns);
    }

    /** The non-blank cells of a data row by column. */
    /** Whether the header has the column at all (a cell of it may still be blank). */
    boolean has(LedgerColumn column) {
        return columns.containsValue(column);
    }

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
