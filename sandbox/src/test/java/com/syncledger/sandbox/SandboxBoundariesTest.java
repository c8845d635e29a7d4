package com.syncledger.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The fakes are written from the platforms' documentation alone: a fake that shared the connectors' wire
 * classes would repeat their misreadings, and every contract test would still pass.
 */
class SandboxBoundariesTest {

    @Test
    void theSandboxNeverUsesTheConnectorsOrTheApp() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.syncledger.connectors..", "com.syncledger.app..")
                .because("the sandbox must stay an independent reading of each platform's documentation")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.syncledger.sandbox"));
    }
}
