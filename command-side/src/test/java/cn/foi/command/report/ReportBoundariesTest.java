package cn.foi.command.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportBoundariesTest {

    private final JavaClasses report = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.foi.command.report");

    @Test
    void theReportAggregateKnowsNothingOfHttpOrDatabases() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.jdbc..", "jakarta.persistence..", "cn.foi.command.web..",
                        "cn.foi.command.directory..", "cn.foi.query..")
                .check(report);
    }
}
