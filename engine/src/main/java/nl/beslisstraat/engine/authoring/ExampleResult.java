package nl.beslisstraat.engine.authoring;

import java.util.List;
import java.util.Map;

/** One example case decided by a candidate version: what the officer expects, what came out. */
public record ExampleResult(
        String name,
        long line,
        boolean passed,
        String expectedOutcome,
        String actualOutcome,
        List<String> expectedReasons,
        List<String> actualReasons,
        Map<String, String> expectedAmounts,
        Map<String, String> actualAmounts) {

    /** Whether this version's outcome is not the one expected (a page marks the cell). */
    public boolean outcomeDiffers() {
        return !java.util.Objects.equals(expectedOutcome, actualOutcome);
    }

    /** Whether this version gives other reasons than expected. */
    public boolean reasonsDiffer() {
        return !java.util.Objects.equals(
                expectedReasons == null
                        ? List.of()
                        : expectedReasons.stream().sorted().toList(),
                actualReasons == null
                        ? List.of()
                        : actualReasons.stream().sorted().toList());
    }

    /** Whether this version sets other amounts than expected. */
    public boolean amountsDiffer() {
        return !java.util.Objects.equals(
                expectedAmounts == null ? Map.of() : expectedAmounts, actualAmounts == null ? Map.of() : actualAmounts);
    }
}
