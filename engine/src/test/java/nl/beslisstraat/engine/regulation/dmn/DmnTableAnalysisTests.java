package nl.beslisstraat.engine.regulation.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.table.Verification;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 7: DMN decision tables get the same analysis as our own tables, by KIE's decision
 * table analysis. The fixtures under {@code authoring/analysis/} are {@code parking-permit.dmn}
 * with one rule removed or added; each says so in its first comment.
 */
class DmnTableAnalysisTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
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
        assertThat(verification.overlaps()).isNotEmpty().allSatisfy(overlap -> {
            assertThat(overlap.explanation().in(DUTCH)).contains("sterkste uitkomst");
            assertThat(overlap.explanation().in(Locale.ENGLISH)).contains("strongest outcome");
        });
    }

    @Test
    void aZoneThatNoRuleGrantsIsAGapNamingTheZoneWithAnExampleCase() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("analysis/gap-zone-b.dmn"), LABELS);

        assertThat(verification.complete()).isTrue();
        assertThat(verification.blocksApproval()).isFalse();
        assertThat(verification.gaps()).isNotEmpty().allSatisfy(gap -> {
            assertThat(Phrase.in(gap.conditions(), DUTCH)).contains("Zone: B", "permitsAtAddress: minder dan 2");
            assertThat(Phrase.in(gap.conditions(), Locale.ENGLISH))
                    .contains("Zone: B", "permitsAtAddress: less than 2")
                    .allSatisfy(condition -> assertThat(condition)
                            .doesNotContain("geen", "regel", "minder", "meer", "minstens", "hoogste", "een van"));
            assertThat(gap.example())
                    .containsEntry("Zone", Phrase.same("B"))
                    .containsEntry("permitsAtAddress", Phrase.same("1"));
        });
        assertThat(verification.gaps())
                .anySatisfy(gap -> assertThat(gap.example())
                        .containsEntry("vehicleHolderIsApplicant", new Phrase("ja", "yes"))
                        .containsEntry("leaseOrCompanyCar", new Phrase("nee", "no")));
    }

    @Test
    void twoRulesSettingTheFeeForTheSameZoneBlockApproval() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("analysis/overlap-fee-zone-a.dmn"), LABELS);

        assertThat(verification.blocksApproval()).isTrue();
        assertThat(verification.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.table()).isEqualTo("Besluit");
            assertThat(conflict.rule().in(DUTCH)).startsWith("regel 9:");
            assertThat(conflict.rule().in(Locale.ENGLISH)).startsWith("rule 9:");
            assertThat(conflict.otherRule().in(DUTCH)).startsWith("regel 12:");
            assertThat(conflict.explanation().in(DUTCH)).contains("fee", "opgeteld");
            assertThat(conflict.explanation().in(Locale.ENGLISH))
                    .isEqualTo("Both rules set fee; for an application both apply to, the amounts are added up."
                            + " Make the conditions exclude each other.");
            assertThat(conflict.example())
                    .containsEntry("Zone", Phrase.same("A"))
                    .containsEntry("Lengte voertuig", Phrase.same("4"));
        });
    }

    @Test
    void aRuleThatAStrongerOutcomeAlwaysOverrulesIsADeadRow() throws IOException {
        Verification verification = DmnTableAnalysis.analyse(model("analysis/dead-row-long-vehicle.dmn"), LABELS);

        assertThat(verification.complete()).isTrue();
        assertThat(verification.deadRows()).singleElement().satisfies(dead -> {
            assertThat(dead.rule().in(DUTCH)).isEqualTo("regel 12: Art. 3 lid 2: lange camper toestaan");
            assertThat(dead.rule().in(Locale.ENGLISH)).isEqualTo("rule 12: Art. 3 lid 2: lange camper toestaan");
            assertThat(dead.reason().in(DUTCH))
                    .startsWith("Voor elke aanvraag waarvoor deze regel geldt")
                    .contains("regel 2: Art. 3 lid 1a");
            assertThat(dead.reason().in(Locale.ENGLISH))
                    .startsWith("For every application this rule applies to, a stronger outcome decides: rule 2:"
                            + " Art. 3 lid 1a")
                    .doesNotContain("regel 2", "Voor elke");
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
