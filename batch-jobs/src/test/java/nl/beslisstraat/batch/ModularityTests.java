package nl.beslisstraat.batch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Batch jobs call the engine's decision service in-process and never touch Drools themselves. */
class ModularityTests {

    @Test
    void batchJobsNeverTouchDrools() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.beslisstraat.batch"));
    }
}
