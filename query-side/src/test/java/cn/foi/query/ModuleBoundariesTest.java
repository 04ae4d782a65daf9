package cn.foi.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.foi.query.persistence.BatchedWrites;
import cn.foi.query.persistence.QueryDatabase;
import cn.foi.query.request.EarlierRequests;
import cn.foi.query.request.RequestQueries;
import cn.foi.query.request.RequestView;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

/**
 * Boundaries inside the query side that no pom can draw (that it knows only the events of the command side and uses no
 * JPA, its pom already ensures: neither is on its class path). Each rule was seen failing on a deliberate violation.
 *
 * <p>What is not a boundary today, said so that nobody relies on it: the report code reads the request list's table
 * {@code request_summary} by SQL (AnnualStatistics' Table 三 counts, ReportFactsProjection's answers) and shares its
 * processing group and flags (RequestProjection.PROCESSING_GROUP, RequestFlags, Flag). What holds is below.
 */
class ModuleBoundariesTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.foi.query");

    /**
     * The annual report counts from the tables, never from the request list's answers to the web UI (its pages,
     * filters, timeline and views), which change with the UI and are limited to what one user may see.
     */
    @Test
    void reportsNeverReadTheRequestListsQueriesOrViews() {
        noClasses().that().resideInAPackage("cn.foi.query.report..")
                .should().dependOnClassesThat().belongToAnyOf(RequestQueries.class, RequestView.class,
                        EarlierRequests.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("cn.foi.query.web..",
                        "cn.foi.query.deadline..")
                .check(querySide);
    }

    /** A controller reads through a query bean: never SQL of its own, the event store, or a projection's writes. */
    @Test
    void webControllersNeverUseJdbcOrTheEventStore() {
        noClasses().that().resideInAPackage("cn.foi.query.web..")
                .should().dependOnClassesThat().belongToAnyOf(QueryDatabase.class, BatchedWrites.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..",
                        "java.sql..", "org.axonframework.eventsourcing..", "org.axonframework.eventhandling..",
                        "cn.foi.query.kafka..")
                .check(querySide);
    }

    /** Only the projections write the query tables, so that a replay rebuilds everything that was written. */
    @Test
    void onlyProjectionsWriteTheQueryTables() {
        noClasses().that().areNotAnnotatedWith(ProcessingGroup.class)
                .and().resideOutsideOfPackages("cn.foi.query.persistence..", "cn.foi.query.failures..")
                .should().dependOnClassesThat().belongToAnyOf(BatchedWrites.class)
                .check(querySide);
    }

    /** A projection answers no HTTP call: it is replayed at any time, and the web UI must not wait on it. */
    @Test
    void projectionsKnowNothingOfHttp() {
        noClasses().that().areAnnotatedWith(ProcessingGroup.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "cn.foi.query.web..")
                .check(querySide);
    }
}
