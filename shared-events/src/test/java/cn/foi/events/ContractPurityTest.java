package cn.foi.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractPurityTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.foi.events");

    @Test
    void theEventsDependOnNoFramework() {
        noClasses().that().resideOutsideOfPackage("cn.foi.events.json..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "org.hibernate..",
                        "com.fasterxml..")
                .check(contract);
    }

    /** How the events are written (EventJson) is said beside them; the events themselves never call it. */
    @Test
    void noEventKnowsHowItIsWritten() {
        noClasses().that().resideOutsideOfPackage("cn.foi.events.json..")
                .should().dependOnClassesThat().resideInAPackage("cn.foi.events.json..")
                .check(contract);
    }

    @Test
    void everyEventIsARecordWithARevision() {
        classes().that().haveSimpleNameNotEndingWith("Test")
                .and().areRecords()
                .and().doNotHaveSimpleName("Applicant")
                .should().beAnnotatedWith(org.axonframework.serialization.Revision.class)
                .check(contract);
    }
}
