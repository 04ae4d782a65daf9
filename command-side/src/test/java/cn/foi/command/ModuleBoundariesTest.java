package cn.foi.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.foi.command");

    @Test
    void theCommandSideNeverReadsTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("cn.foi.query..").check(commandSide);
    }

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
}
