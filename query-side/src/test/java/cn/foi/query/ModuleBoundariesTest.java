package cn.foi.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.foi.query");

    @Test
    void theQuerySideKnowsOnlyTheEventContractOfTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("cn.foi.command..").check(querySide);
    }

    @Test
    void theQuerySideNeverUsesJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(querySide);
    }
}
