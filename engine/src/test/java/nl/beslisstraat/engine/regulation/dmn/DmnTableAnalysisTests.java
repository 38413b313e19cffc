package nl.beslisstraat.engine.regulation.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nl.beslisstraat.engine.regulation.table.Verification;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 7: DMN decision tables get the same analysis as our own tables, by KIE's decision
 * table analysis. The fixtures under {@code authoring/analysis/} are {@code parking-permit.dmn}
 * with one rule removed or added; each says so in its first comment.
 */
class DmnTableAnalysisTests {

    private static final Map<String, String> LABELS = Map.of("zone", "Zone", "vehicleLength", "Lengte voertuig");

    @Test
    void parkingPermitHasNoConflictsNoGapsAndNoDeadRows() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("parking-permit.dmn"), LABELS);

        assertThat(verification.complete()).isTrue();
        assertThat(verification.conflicts()).isEmpty();
        assertThat(verification.gaps()).isEmpty();
        assertThat(verification.deadRows()).isEmpty();
        assertThat(verification.blocksApproval()).isFalse();
        // rejections overlap grants: resolved by the strongest outcome, shown but not blocking
        assertThat(verification.overlaps())
                .isNotEmpty()
                .allSatisfy(overlap -> assertThat(overlap.explanation()).contains("sterkste uitkomst"));
    }

    @Test
    void aZoneThatNoRuleGrantsIsAGapNamingTheZoneWithAnExampleCase() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("analysis/gap-zone-b.dmn"), LABELS);

        assertThat(verification.complete()).isTrue();
        assertThat(verification.blocksApproval()).isFalse();
        assertThat(verification.gaps()).isNotEmpty().allSatisfy(gap -> {
            assertThat(gap.conditions()).contains("Zone: B", "permitsAtAddress: minder dan 2");
            assertThat(gap.example()).containsEntry("Zone", "B").containsEntry("permitsAtAddress", "1");
        });
        assertThat(verification.gaps())
                .anySatisfy(gap -> assertThat(gap.example())
                        .containsEntry("vehicleHolderIsApplicant", "ja")
                        .containsEntry("leaseOrCompanyCar", "nee"));
    }

    @Test
    void twoRulesSettingTheFeeForTheSameZoneBlockApproval() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("analysis/overlap-fee-zone-a.dmn"), LABELS);

        assertThat(verification.blocksApproval()).isTrue();
        assertThat(verification.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.table()).isEqualTo("Besluit");
            assertThat(conflict.rule()).startsWith("regel 9:");
            assertThat(conflict.otherRule()).startsWith("regel 12:");
            assertThat(conflict.explanation()).contains("fee", "opgeteld");
            assertThat(conflict.example()).containsEntry("Zone", "A").containsEntry("Lengte voertuig", "4");
        });
    }

    @Test
    void aRuleThatAStrongerOutcomeAlwaysOverrulesIsADeadRow() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("analysis/dead-row-long-vehicle.dmn"), LABELS);

        assertThat(verification.complete()).isTrue();
        assertThat(verification.deadRows()).singleElement().satisfies(dead -> {
            assertThat(dead.rule()).isEqualTo("regel 12: Art. 3 lid 2: lange camper toestaan");
            assertThat(dead.reason()).contains("regel 2: Art. 3 lid 1a");
        });
        assertThat(verification.conflicts()).isEmpty();
    }

    @Test
    void aModelTheAnalysisCannotReadIsIncompleteNotAnException() {
        Verification verification =
                DmnTableAnalysis.analyse("<definitions><decision".getBytes(StandardCharsets.UTF_8), LABELS);

        assertThat(verification.complete()).isFalse();
        assertThat(verification.blocksApproval()).isTrue();
    }

    @Test
    void anAnalysisOverItsTimeLimitIsIncomplete() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("parking-permit.dmn"), LABELS, Duration.ofMillis(1));

        assertThat(verification.complete()).isFalse();
        assertThat(verification.blocksApproval()).isTrue();
    }

    private static byte[] model(String name) throws IOException {
        try (InputStream in = DmnTableAnalysisTests.class.getResourceAsStream("/authoring/" + name)) {
            return in.readAllBytes();
        }
    }
}
