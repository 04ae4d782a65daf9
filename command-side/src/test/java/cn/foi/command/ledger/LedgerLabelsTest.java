package cn.foi.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.foi.events.request.AppealResult;
import cn.foi.events.request.ApplicantCategory;
import cn.foi.events.request.Channel;
import cn.foi.events.request.ConsultedParty;
import cn.foi.events.request.FeeMethod;
import cn.foi.events.request.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Every label of every enumerated ledger column, both ways (issue 14, point 10): each accepted spelling (key, long
 * label, short form, the aliases offices write) read from a one-row CSV ledger gives its value; and what the export
 * writes for each value is read back by the import as that same value. A label the error message offers and the
 * reader refuses (as 其他 was for the appeal results) fails here.
 */
class LedgerLabelsTest {

    /** The columns whose cells name one of a fixed set of values. */
    private static final Set<LedgerColumn.Kind> ENUMERATED = EnumSet.of(LedgerColumn.Kind.CATEGORY,
            LedgerColumn.Kind.CHANNEL, LedgerColumn.Kind.OUTCOME, LedgerColumn.Kind.APPEAL_RESULT,
            LedgerColumn.Kind.LAWSUIT_KIND, LedgerColumn.Kind.PARTY, LedgerColumn.Kind.FEE_METHOD);

    /** Column, accepted text, the value it reads as. */
    static Stream<Arguments> labels() {
        List<Arguments> cases = new ArrayList<>();
        for (ApplicantCategory c : ApplicantCategory.values()) {
            keyAndLabels(cases, LedgerColumn.APPLICANT_CATEGORY, c, c.name(), c.label());
        }
        for (Channel c : Channel.values()) {
            keyAndLabels(cases, LedgerColumn.CHANNEL, c, c.name(), c.label());
        }
        for (String alias : List.of("当面提交", "现场")) {
            cases.add(Arguments.of(LedgerColumn.CHANNEL, alias, Channel.IN_PERSON));
        }
        for (String alias : List.of("挂号信", "挂号", "EMS", "ems", "邮政快递")) {
            cases.add(Arguments.of(LedgerColumn.CHANNEL, alias, Channel.REGISTERED_MAIL));
        }
        for (String alias : List.of("平常信函", "信函")) {
            cases.add(Arguments.of(LedgerColumn.CHANNEL, alias, Channel.ORDINARY_MAIL));
        }
        for (String alias : List.of("互联网", "网上申请", "在线申请", "电子邮件", "网络申请")) {
            cases.add(Arguments.of(LedgerColumn.CHANNEL, alias, Channel.ONLINE));
        }
        for (Outcome o : Outcome.values()) {
            LedgerOutcome read = new LedgerOutcome(o, false);
            keyAndLabels(cases, LedgerColumn.OUTCOME, read, o.name(), o.label());
            cases.add(Arguments.of(LedgerColumn.OUTCOME, o.name().replace('_', '-'), read));
        }
        for (String withdrawal : List.of("撤回", "申请人撤回", "撤回申请")) {
            cases.add(Arguments.of(LedgerColumn.OUTCOME, withdrawal, new LedgerOutcome(Outcome.R3_6_3, true)));
        }
        cases.add(Arguments.of(LedgerColumn.OUTCOME, "逾期不补正", new LedgerOutcome(Outcome.R3_6_1, false)));
        cases.add(Arguments.of(LedgerColumn.OUTCOME, "逾期未缴费", new LedgerOutcome(Outcome.R3_6_2, false)));
        cases.add(Arguments.of(LedgerColumn.OUTCOME, "逾期不缴费", new LedgerOutcome(Outcome.R3_6_2, false)));
        for (LedgerColumn column : List.of(LedgerColumn.RECONSIDERATION_RESULT, LedgerColumn.LAWSUIT_RESULT)) {
            for (AppealResult r : AppealResult.values()) {
                keyAndLabels(cases, column, r, r.name(), r.label(), r.shortLabel());
            }
        }
        for (String direct : List.of("直接起诉", "未经复议直接起诉", "直接")) {
            cases.add(Arguments.of(LedgerColumn.LAWSUIT_KIND, direct, false));
        }
        for (String after : List.of("复议后起诉", "复议后")) {
            cases.add(Arguments.of(LedgerColumn.LAWSUIT_KIND, after, true));
        }
        for (ConsultedParty p : ConsultedParty.values()) {
            keyAndLabels(cases, LedgerColumn.CONSULTATION_PARTY, p, p.name(), p.label());
        }
        for (FeeMethod m : FeeMethod.values()) {
            keyAndLabels(cases, LedgerColumn.FEE_METHOD, m, m.name(), m.label());
        }
        return cases.stream();
    }

    /** Column and every value it can hold, for the export's round trip. */
    static Stream<Arguments> values() {
        // Arguments has no equals: compare the pairs as lists.
        return labels().map(a -> List.of(a.get()[0], a.get()[2])).distinct()
                .map(pair -> Arguments.of(pair.get(0), pair.get(1)));
    }

    private static void keyAndLabels(List<Arguments> cases, LedgerColumn column, Object value, String key,
                                     String... labels) {
        cases.add(Arguments.of(column, key, value));
        cases.add(Arguments.of(column, key.toLowerCase(Locale.ROOT), value));
        for (String label : labels) {
            cases.add(Arguments.of(column, label, value));
            cases.add(Arguments.of(column, "“" + label + "” ", value)); // as Word quotes it
        }
    }

    /** The value a one-row CSV ledger holds in the column, read the way an import reads it. */
    private static Object readFromLedger(LedgerColumn column, String text) {
        String cell = "\"" + text.replace("\"", "\"\"") + "\"";
        String csv = column == LedgerColumn.APPLICANT_CATEGORY
                ? "受理编号,申请人类型,收到日期\r\n2025-001," + cell + ",2025-03-03\r\n"
                : "受理编号,申请人类型,收到日期," + column.chineseName() + "\r\n2025-001,自然人,2025-03-03," + cell + "\r\n";
        List<List<String>> rows = new ArrayList<>();
        LedgerFiles.read(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)), (row, cells) -> rows.add(cells));
        List<LedgerError> errors = new ArrayList<>();
        LedgerHeader header = LedgerHeader.read(1, rows.get(0), errors);
        LedgerRow row = header == null ? null : LedgerRows.read(2, header.cells(rows.get(1)), errors);
        assertThat(errors).as("%s “%s”", column.chineseName(), text).isEmpty();
        return row.get(column);
    }

    @ParameterizedTest(name = "{0} “{1}” → {2}")
    @MethodSource("labels")
    void everyAcceptedLabelOfAnEnumeratedColumnIsRead(LedgerColumn column, String text, Object expected) {
        assertThat(readFromLedger(column, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("values")
    void theExportWritesALabelTheImportReadsBackToTheSameValue(LedgerColumn column, Object value) {
        String written = LedgerValues.write(value);
        assertThat(written).isNotBlank();
        assertThat(readFromLedger(column, written)).as("“%s”", written).isEqualTo(value);
    }

    @Test
    void theTableCoversEveryEnumeratedColumnAndEveryValue() {
        Set<LedgerColumn> enumerated = Stream.of(LedgerColumn.values()).filter(c -> ENUMERATED.contains(c.kind()))
                .collect(Collectors.toSet());
        Set<Object> covered = values().map(a -> a.get()[0]).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(enumerated);
        // Each value of each enum at least once: a value added to an enum without a label here fails the test.
        long distinctValues = values().count();
        long expected = ApplicantCategory.values().length + Channel.values().length + Outcome.values().length + 1
                + 2L * AppealResult.values().length + 2 + ConsultedParty.values().length + FeeMethod.values().length;
        assertThat(distinctValues).isEqualTo(expected);
        assertThat(EnumSet.allOf(LedgerColumn.Kind.class).stream().filter(k -> !ENUMERATED.contains(k)))
                .as("kinds that are not enumerated").containsExactlyInAnyOrder(LedgerColumn.Kind.TEXT,
                        LedgerColumn.Kind.DATE, LedgerColumn.Kind.WORKING_DAYS, LedgerColumn.Kind.AMOUNT,
                        LedgerColumn.Kind.COUNT);
    }
}
