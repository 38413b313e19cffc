package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.decision.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every regulation's example cases (the policy officers' CSV files in {@code rules/}) through
 * the real rule sets and checks outcome, reason codes and amounts as the officer wrote them. To add
 * a case, add a row to the file; no Java changes.
 */
class ExampleCasesTests {

    private static RegulationCatalog regulations;
    private static DecisionService decisions;

    @BeforeAll
    static void compileRules() {
        JsonMapper json = JsonMapper.builder().build();
        regulations = new RegulationCatalog(json);
        decisions = new DecisionService(regulations, json);
    }

    @TestFactory
    Stream<DynamicNode> everyExampleCaseIsDecidedAsTheOfficerExpects() {
        return regulations.ruleSets().stream()
                .map(ruleSet -> DynamicContainer.dynamicContainer(
                        ruleSet.version(),
                        ExampleCases.of(ruleSet).stream()
                                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)))));
    }

    @TestFactory
    Stream<DynamicNode> everyRegulationHasAtLeastTwentyFiveExampleCases() {
        return regulations.ruleSets().stream()
                .map(ruleSet -> DynamicTest.dynamicTest(
                        ruleSet.version(),
                        () -> assertThat(ExampleCases.of(ruleSet)).hasSizeGreaterThanOrEqualTo(25)));
    }

    private static void check(ExampleCase example) {
        DecisionOutcome outcome = decisions.decide(example.application());

        Set<String> reasons =
                new LinkedHashSet<>(outcome.reasons().stream().map(Reason::code).toList());
        assertThat(outcome.outcome()).as("outcome of %s", example).isEqualTo(example.expectedOutcome());
        assertThat(reasons).as("reasons of %s", example).containsExactlyInAnyOrderElementsOf(example.expectedReasons());
        assertThat(comparable(outcome.amounts()))
                .as("amounts of %s", example)
                .isEqualTo(comparable(example.expectedAmounts()));
        assertThat(outcome.reasons())
                .as("every reason of %s is motivated in Dutch and English", example)
                .allSatisfy(reason -> assertThat(reason.motivation()).containsKeys("nl", "en"));
    }

    /** 240.00 and 240.0 are the same amount; the officer need not type the cents. */
    private static Map<String, BigDecimal> comparable(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> stripped = new TreeMap<>();
        amounts.forEach((name, value) -> stripped.put(name, value.stripTrailingZeros()));
        return stripped;
    }
}
