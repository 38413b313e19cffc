package nl.beslisstraat.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's features (intake, cases, regulation, decision, review, audit, database) depend on
 * each other without cycles, and only the regulation feature talks to Drools: everything else
 * sees rule sets, facts and findings, never a KieBase.
 */
class ModularityTests {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.beslisstraat.engine");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("nl.beslisstraat.engine.(*)..")
                .should()
                .beFreeOfCycles()
                .check(ENGINE);
    }

    @Test
    void onlyTheRegulationFeatureTouchesDrools() {
        noClasses()
                .that()
                .resideOutsideOfPackage("nl.beslisstraat.engine.regulation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .check(ENGINE);
    }

    @Test
    void droolsSpreadsheetCompilerIsNotOnTheClassPath() {
        // Decision tables reach Drools only as the rules RuleRenderer writes from typed values;
        // without the spreadsheet compiler a table handed to Drools by mistake compiles nothing.
        assertThatThrownBy(() -> Class.forName("org.drools.decisiontable.DecisionTableProviderImpl"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.drools.decisiontable.SpreadsheetCompiler"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
