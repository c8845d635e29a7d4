package com.syncledger.connectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.syncledger.connectors.spi.Platform;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the connectors module, checked on its main classes: a platform package knows only the
 * contract ({@code spi}), the shared wire support ({@code wire}) and the root package, never another
 * platform; and the module knows nothing of the app or the sandbox.
 */
class ConnectorBoundariesTest {

    private static final String ROOT = "com.syncledger.connectors";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void aPlatformPackageNeverUsesAnotherPlatformsPackage() {
        for (Platform platform : Connectors.implemented()) {
            String own = ROOT + "." + platform.slug();
            String[] others = Connectors.implemented().stream()
                    .filter(other -> other != platform)
                    .map(other -> ROOT + "." + other.slug() + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(own + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a platform's knowledge stays in its own package; shared code belongs in spi or wire");
            rule.check(MAIN);
        }
    }

    @Test
    void sharedPackagesNeverUseAPlatformPackage() {
        String[] platforms = Connectors.implemented().stream()
                .map(platform -> ROOT + "." + platform.slug() + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAnyPackage(ROOT + ".spi..", ROOT + ".wire..")
                .should().dependOnClassesThat().resideInAnyPackage(platforms)
                .because("spi and wire are shared by every platform")
                .check(MAIN);
    }

    @Test
    void connectorsNeverUseTheAppOrTheSandbox() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.syncledger.app..", "com.syncledger.sandbox..")
                .because("dependencies point one way: app -> connectors; the sandbox is only for tests")
                .check(MAIN);
    }
}
