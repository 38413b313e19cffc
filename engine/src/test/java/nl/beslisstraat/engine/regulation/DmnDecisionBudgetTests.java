package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 9: one case decided by a DMN model has a time budget of 200 ms. */
class DmnDecisionBudgetTests {

    @Test
    void aCaseWithinTheBudgetPasses() {
        assertThatCode(() -> DmnDecision.withinBudget(
                        "PARKING_PERMIT/2029.5", Duration.ofMillis(200).toNanos()))
                .doesNotThrowAnyException();
    }

    @Test
    void aCaseOverTheBudgetFailsNamingTheVersionAndTheTime() {
        assertThatThrownBy(() -> DmnDecision.withinBudget(
                        "PARKING_PERMIT/2029.5", Duration.ofMillis(750).toNanos()))
                .isInstanceOf(DecisionOverBudget.class)
                .hasMessageContaining("PARKING_PERMIT/2029.5")
                .hasMessageContaining("750 ms")
                .hasMessageContaining("200 ms");
    }
}
