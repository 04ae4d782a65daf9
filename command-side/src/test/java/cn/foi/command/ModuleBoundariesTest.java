package cn.foi.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.Test;

/**
 * Boundaries inside the command side that no pom can draw (that it never reads the query side, the poms already
 * forbid: command-side does not depend on query-side). Each rule was seen failing on a deliberate violation.
 */
class ModuleBoundariesTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.foi.command");

    /** The packages of the aggregates: DisclosureRequest, AnnualReport, UserAccount, Agency, WorkingCalendar. */
    private static final String[] AGGREGATES = {"cn.foi.command.request", "cn.foi.command.report",
            "cn.foi.command.access", "cn.foi.command.agency", "cn.foi.command.calendar"};

    @Test
    void theAggregatesKnowNothingOfHttpOrDatabases() {
        noClasses().that().resideInAnyPackage("cn.foi.command.request", "cn.foi.command.agency",
                        "cn.foi.command.access")
                .and().doNotHaveSimpleName("AdministratorBootstrap")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.jdbc..", "jakarta.persistence..", "cn.foi.command.web..",
                        "cn.foi.command.directory..")
                .check(commandSide);
    }

    /**
     * A controller changes state only by sending a command (or through a store made for it, such as the attachments'):
     * never by writing to the event store, JPA or JDBC itself, which would bypass the aggregates' rules.
     */
    @Test
    void webControllersNeverTouchTheEventStoreOrTheDatabase() {
        noClasses().that().resideInAPackage("cn.foi.command.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                        "org.axonframework.eventhandling..", "jakarta.persistence..", "org.hibernate..",
                        "org.springframework.jdbc..", "javax.sql..", "java.sql..", "cn.foi.command.store..")
                .because("a controller sends commands; only the aggregates decide which events are stored")
                .check(commandSide);
    }

    /**
     * An event is stored only when an aggregate (or a member entity beside it) applies it, after its guard clauses:
     * no service, controller or import applies one of its own.
     */
    @Test
    void onlyTheAggregatesApplyEvents() {
        noClasses().that().resideOutsideOfPackages(AGGREGATES)
                .should().callMethod(AggregateLifecycle.class, "apply", Object.class)
                .orShould().callMethod(AggregateLifecycle.class, "apply", Object.class,
                        org.axonframework.messaging.MetaData.class)
                .check(commandSide);
    }
}
