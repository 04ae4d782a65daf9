package cn.foi.query.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.platform.limits.FieldLimits;
import cn.foi.platform.limits.TextField;
import cn.foi.query.TestFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The projection tables, as the migrations leave them, hold whatever the command side accepts: every column the
 * catalogue (TextField, FieldLimits) names is at least as wide as its limit. A migration that narrows a column, or a
 * catalogue change that widens a limit beyond its column, fails here rather than in a projection that then never
 * catches up.
 */
class ColumnLimitsTest {

    /**
     * The columns of the catalogued tables that hold no text a user typed: identifiers the system makes, enum names,
     * hashes. Any other text column of these tables must be in the catalogue.
     */
    private static final Set<String> SYSTEM_WRITTEN = Set.of(
            "agency.appeal_year_rule",
            "user_account.password_hash", "user_account.role",
            "request_summary.id", "request_summary.applicant_category", "request_summary.channel",
            "request_summary.requested_form", "request_summary.outcome", "request_summary.status",
            "request_summary.due_explanation",
            "request_timeline.request_id", "request_timeline.event_type", "request_timeline.title",
            "request_timeline.data",
            "calendar_day.kind", "calendar_declaration.event_id",
            "report_fee.request_id",
            "report_entry.template", "report_entry.table2",
            "report_publication.template", "report_publication.content_hash",
            // The audit of skipped parked events: ids, kinds and the administrator's name, all from the system.
            "dead_letter_audit.action", "dead_letter_audit.actor", "dead_letter_audit.dead_letter_id",
            "dead_letter_audit.event_identifier", "dead_letter_audit.event_type",
            "dead_letter_audit.processing_group", "dead_letter_audit.sequence_identifier");

    private static QueryDatabase database;

    @BeforeAll
    static void database() {
        database = TestFixtures.database("column_limits_test");
    }

    @AfterAll
    static void close() {
        database.destroy();
    }

    private record Column(String name, String type, Integer maxLength, Integer precision, Integer scale) {
        boolean unlimitedText() {
            return type.equals("text") || type.equals("jsonb");
        }
    }

    private static Map<String, Column> columns() {
        return database.jdbc().query("select table_name, column_name, data_type, character_maximum_length, "
                        + "numeric_precision, numeric_scale from information_schema.columns "
                        + "where table_schema = current_schema()",
                (rs, i) -> new Column(rs.getString(1) + "." + rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6)))
                .stream().collect(Collectors.toMap(Column::name, c -> c));
    }

    @Test
    void everyCataloguedTextFitsEachColumnThatHoldsIt() {
        Map<String, Column> columns = columns();
        List<String> tooNarrow = new ArrayList<>();
        for (TextField field : TextField.values()) {
            assertThat(field.columns()).as("the read side's columns of %s", field).isNotEmpty();
            for (String name : field.columns()) {
                Column column = columns.get(name);
                assertThat(column).as("column %s of %s", name, field).isNotNull();
                if (column.unlimitedText()) {
                    continue;
                }
                assertThat(column.type()).as("type of %s", name).isEqualTo("character varying");
                if (column.maxLength() != null && column.maxLength() < field.maxLength()) {
                    tooNarrow.add(name + " is varchar(" + column.maxLength() + ") but " + field + " allows "
                            + field.maxLength());
                }
            }
        }
        assertThat(tooNarrow).isEmpty();
    }

    @Test
    void everyTextColumnOfTheseTablesIsCatalogued() {
        Set<String> tables = Arrays.stream(TextField.values()).flatMap(f -> f.columns().stream())
                .map(c -> c.substring(0, c.indexOf('.'))).collect(Collectors.toSet());
        Set<String> catalogued = Arrays.stream(TextField.values()).flatMap(f -> f.columns().stream())
                .collect(Collectors.toSet());
        Set<String> unaccounted = new TreeSet<>();
        columns().values().stream()
                .filter(c -> tables.contains(c.name().substring(0, c.name().indexOf('.'))))
                .filter(c -> c.type().equals("character varying") || c.unlimitedText())
                .map(Column::name)
                .filter(name -> !catalogued.contains(name) && !SYSTEM_WRITTEN.contains(name))
                .forEach(unaccounted::add);
        assertThat(unaccounted)
                .as("text columns that are neither in the catalogue (TextField) nor written by the system only")
                .isEmpty();
    }

    @Test
    void theLargestFeeAndItemCountFit() {
        Column amount = columns().get(FieldLimits.FEE_AMOUNT_COLUMN);
        assertThat(amount.type()).isEqualTo("numeric");
        assertThat(amount.scale()).isEqualTo(FieldLimits.FEE_AMOUNT_DECIMALS);
        int integerDigits = FieldLimits.MAX_FEE_AMOUNT.precision() - FieldLimits.MAX_FEE_AMOUNT.scale();
        assertThat(amount.precision() - amount.scale()).isGreaterThanOrEqualTo(integerDigits);
        // and the database says so itself
        assertThat(database.jdbc().queryForObject("select cast(? as numeric(" + amount.precision() + ","
                + amount.scale() + "))", java.math.BigDecimal.class, FieldLimits.MAX_FEE_AMOUNT))
                .isEqualByComparingTo(FieldLimits.MAX_FEE_AMOUNT);

        Column items = columns().get(FieldLimits.ITEMS_COLUMN);
        assertThat(items.type()).isIn("integer", "bigint");
    }
}
