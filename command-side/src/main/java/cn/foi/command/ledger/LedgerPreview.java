package cn.foi.command.ledger;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.shared.RuleViolation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * A ledger's header and first rows as an import would read them, without storing anything: what the import page shows
 * a clerk whose ledger names its columns in the office's own words, to map them to ours before importing.
 *
 * <p>Headers the clerk has not mapped and we do not recognise get our likeliest column pre-chosen when no other header
 * has it ({@link LedgerSuggestions}); the rows are read as if the clerk had accepted those choices, and an import
 * takes them only when the clerk sends them as the mapping. Only the cells' formats and the ledger's own consistency
 * are checked here; the law's rules are the aggregate's, which a check of the whole file (dry run) applies.
 */
@Component
public class LedgerPreview {

    /** Data rows shown: enough to see whether the columns are right. */
    public static final int ROWS = 10;

    /** Where a header's column came from, as the API says it. */
    public enum Source { RECOGNISED, MAPPED, REMEMBERED, SUGGESTED, NONE }

    /** One header cell, the column it is read as (null: left alone), why, and the columns it may mean. */
    public record Column(int index, String header, LedgerColumn mappedTo, Source source,
                         List<LedgerSuggestions.Suggestion> suggested) {
    }

    /** One data row: per column the value as read (in the ledger's words), and the row's errors. */
    public record Row(int row, Map<LedgerColumn, String> values, List<LedgerError> errors) {
    }

    /**
     * The preview: the header's columns, the headers left alone, the required columns no header is, the header's own
     * errors, the remembered mapping (null if none) with the headers it was applied to, and the first rows.
     */
    public record Preview(int headerRow, List<Column> columns, List<String> unmapped, List<LedgerColumn> missingRequired,
                          List<LedgerError> errors, LedgerMappings.Remembered remembered, List<String> rememberedApplied,
                          List<Row> rows) {
    }

    private final LedgerMappings mappings;
    private final AgencyDirectory agencies;

    public LedgerPreview(LedgerMappings mappings, AgencyDirectory agencies) {
        this.mappings = mappings;
        this.agencies = agencies;
    }

    /**
     * @throws LedgerFileException    when the file is empty or cannot be read
     * @throws LedgerMappingException when the clerk's mapping does not fit the file's header
     */
    public Preview preview(String agencyCode, InputStreamSource file, LedgerMapping mapping) {
        if (!agencies.exists(agencyCode)) {
            throw RuleViolation.notFound("AGENCY_UNKNOWN", "本系统中没有编码为 " + agencyCode + " 的机关");
        }
        LedgerMappings.Remembered remembered = mappings.forAgency(agencyCode).orElse(null);
        Reading reading = new Reading(mapping, remembered == null ? LedgerMapping.NONE : remembered.mapping());
        try {
            LedgerFiles.read(file, reading::row);
        } catch (Enough enough) {
            // the rows shown are read; the rest of the file is the import's
        }
        if (reading.columns == null) {
            throw new LedgerFileException("台账文件中没有任何内容（只有空行）", true);
        }
        List<String> applied = reading.columns.stream().filter(c -> c.source() == Source.REMEMBERED)
                .map(Column::header).toList();
        return new Preview(reading.headerRow, reading.columns, reading.columns.stream()
                .filter(c -> c.mappedTo() == null && !c.header().isEmpty()).map(Column::header).toList(),
                reading.missing, reading.headerErrors, remembered, applied, reading.rows);
    }

    /** Thrown out of the reader once the rows shown are read. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private static final class Reading {
        private final LedgerMapping mapping;
        private final LedgerMapping remembered;
        private List<Column> columns;
        private LedgerHeader header;
        private int headerRow;
        private List<LedgerColumn> missing = List.of();
        private final List<LedgerError> headerErrors = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();

        Reading(LedgerMapping mapping, LedgerMapping remembered) {
            this.mapping = mapping;
            this.remembered = remembered;
        }

        void row(int row, List<String> cells) {
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            if (columns == null) {
                header(row, cells);
                return;
            }
            List<LedgerError> errors = new ArrayList<>();
            Map<LedgerColumn, String> raw = header.cells(cells);
            Map<LedgerColumn, String> values = new LinkedHashMap<>();
            raw.forEach((column, text) -> {
                try {
                    values.put(column, LedgerValues.write(LedgerValues.read(column, text)));
                } catch (LedgerValues.Unreadable e) {
                    values.put(column, null);
                }
            });
            LedgerRow read = LedgerRows.read(row, raw, errors);
            if (read != null) {
                errors.addAll(LedgerRows.inconsistencies(read));
            }
            rows.add(new Row(row, values, List.copyOf(errors)));
            if (rows.size() >= ROWS) {
                throw new Enough();
            }
        }

        private void header(int row, List<String> cells) {
            headerRow = row;
            List<LedgerHeader.Choice> choices = new ArrayList<>(LedgerHeader.choose(cells, mapping, remembered));
            Set<LedgerColumn> taken = EnumSet.noneOf(LedgerColumn.class);
            choices.stream().map(LedgerHeader.Choice::column).filter(c -> c != null).forEach(taken::add);
            columns = new ArrayList<>();
            for (int i = 0; i < choices.size(); i++) {
                LedgerHeader.Choice choice = choices.get(i);
                List<LedgerSuggestions.Suggestion> suggested = choice.source() == LedgerHeader.Source.RECOGNISED
                        ? List.of() : LedgerSuggestions.forHeader(choice.header());
                LedgerColumn column = choice.column();
                Source source = Source.valueOf(choice.source().name());
                if (choice.source() == LedgerHeader.Source.NONE) {
                    LedgerColumn best = suggested.stream().map(LedgerSuggestions.Suggestion::column)
                            .filter(c -> !taken.contains(c)).findFirst().orElse(null);
                    if (best != null) {
                        taken.add(best);
                        column = best;
                        source = Source.SUGGESTED;
                        choices.set(i, new LedgerHeader.Choice(choice.index(), choice.header(), best,
                                LedgerHeader.Source.MAPPED));
                    }
                }
                columns.add(new Column(choice.index(), choice.header(), column, source, suggested));
            }
            missing = LedgerHeader.missing(choices);
            LedgerHeader.fromChoices(row, choices, headerErrors);
            header = LedgerHeader.of(choices);
        }
    }
}
