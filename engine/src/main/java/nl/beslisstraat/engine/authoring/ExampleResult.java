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
        Map<String, String> actualAmounts) {}
