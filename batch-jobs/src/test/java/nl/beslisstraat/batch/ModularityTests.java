package nl.beslisstraat.batch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Batch jobs call the engine's decision service in-process and never touch Drools themselves. */
class ModularityTests {

    private static final JavaClasses BATCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.beslisstraat.batch");

    /**
     * The job (nightly) does not know who starts it (the manager, the command line) or who decides
     * its partitions (workers); the command line, at the top, knows them all.
     */
    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("nl.beslisstraat.batch.(*)..")
                .should()
                .beFreeOfCycles()
                .check(BATCH);
    }

    @Test
    void theNightlyJobKnowsNeitherItsManagerNorItsWorkers() {
        noClasses()
                .that()
                .resideInAPackage("nl.beslisstraat.batch.nightly..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("nl.beslisstraat.batch.manager..", "nl.beslisstraat.batch.partitions..")
                .check(BATCH);
    }

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
