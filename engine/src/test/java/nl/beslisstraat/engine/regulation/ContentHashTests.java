package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 4: a rule-set version is identified by its content. The hash is taken over the
 * bytes the compiler compiles, so the same bytes give the same hash whatever their label, and one
 * changed byte gives another.
 */
class ContentHashTests {

    private static RegulationCatalog regulations;

    @BeforeAll
    static void compileRules() {
        regulations = new RegulationCatalog(JsonMapper.builder().build());
    }

    @Test
    void theSameRulesGiveTheSameHashWhateverTheirLabel() {
        RuleSet shipped = regulations.version("PARKING_PERMIT/2026.2.1");

        RuleSet copy = regulations.compileUploaded(
                "PARKING_PERMIT", "2099.1", LocalDate.of(2099, 1, 1), shipped.tableContent());

        assertThat(shipped.contentHash()).matches("[0-9a-f]{64}");
        assertThat(copy.contentHash()).isEqualTo(shipped.contentHash());
        assertThat(new RegulationCatalog(JsonMapper.builder().build())
                        .version("PARKING_PERMIT/2026.2.1")
                        .contentHash())
                .as("compiled again")
                .isEqualTo(shipped.contentHash());
    }

    @Test
    void otherRulesGiveAnotherHash() {
        assertThat(regulations.version("PARKING_PERMIT/2026.1").contentHash())
                .isNotEqualTo(regulations.version("PARKING_PERMIT/2026.2").contentHash());
        assertThat(regulations.ruleSets().stream().map(RuleSet::contentHash).distinct())
                .hasSameSizeAs(regulations.ruleSets());
    }

    @Test
    void aKnownLabelCannotBeGivenOtherRules() {
        RuleSet other = regulations.compileUploaded(
                "PARKING_PERMIT",
                "2026.2",
                LocalDate.of(2026, 7, 1),
                regulations.version("PARKING_PERMIT/2026.1").tableContent());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> regulations.register(other))
                .hasMessageContaining("PARKING_PERMIT/2026.2");
        assertThat(regulations
                        .inForce("PARKING_PERMIT", LocalDate.of(2026, 7, 1))
                        .contentHash())
                .isNotEqualTo(other.contentHash());
    }
}
