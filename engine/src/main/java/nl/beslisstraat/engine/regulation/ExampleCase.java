package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.rules.Outcome;

/**
 * One row of a regulation's example cases: a named application and what the policy officer
 * expects the rules to decide for it.
 *
 * @param line the row's line in the file, so a failure points the officer to it
 * @param expectedReasons the reason codes, sorted; a code appears as often as it is expected
 * @param expectedAmounts the amounts the outcome must set; empty when it sets none
 * @param expectedDates the dates the outcome must set; empty when it sets none
 */
public record ExampleCase(
        String name,
        long line,
        CaseApplication application,
        Outcome expectedOutcome,
        List<String> expectedReasons,
        Map<String, BigDecimal> expectedAmounts,
        Map<String, LocalDate> expectedDates) {

    @Override
    public String toString() {
        return name + " (line " + line + ")";
    }
}
