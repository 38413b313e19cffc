package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.decision.Reason;
import nl.beslisstraat.engine.norms.NormCatalog;
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
        decisions = new DecisionService(regulations, new NormCatalog(List.of(NormCatalog.bundled())), json);
    }

    /** One rule set per regulation: the examples pick their version by reference date themselves. */
    private static Stream<RuleSet> regulationsOnce() {
        return regulations.ruleSets().stream()
                .collect(Collectors.toMap(RuleSet::caseType, ruleSet -> ruleSet, (older, newer) -> newer, TreeMap::new))
                .values()
                .stream();
    }

    @TestFactory
    Stream<DynamicNode> everyExampleCaseIsDecidedAsTheOfficerExpects() {
        return regulationsOnce()
                .map(ruleSet -> DynamicContainer.dynamicContainer(
                        ruleSet.caseType(),
                        ExampleCases.of(ruleSet).stream()
                                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)))));
    }

    @TestFactory
    Stream<DynamicNode> everyRegulationHasAtLeastTwentyFiveExampleCases() {
        return regulationsOnce()
                .map(ruleSet -> DynamicTest.dynamicTest(
                        ruleSet.caseType(),
                        () -> assertThat(ExampleCases.of(ruleSet)).hasSizeGreaterThanOrEqualTo(25)));
    }

    private static void check(ExampleCase example) {
        DecisionOutcome outcome = decisions.decide(example.application());

        List<String> reasons =
                outcome.reasons().stream().map(Reason::code).sorted().toList();
        assertThat(outcome.outcome()).as("outcome of %s", example).isEqualTo(example.expectedOutcome());
        assertThat(reasons).as("reasons of %s", example).isEqualTo(example.expectedReasons());
        assertThat(comparable(outcome.amounts()))
                .as("amounts of %s", example)
                .isEqualTo(comparable(example.expectedAmounts()));
        assertThat(outcome.dates()).as("dates of %s", example).isEqualTo(example.expectedDates());
        assertThat(outcome.reasons())
                .as("every reason of %s is motivated in Dutch and English, every figure filled in", example)
                .allSatisfy(reason -> assertThat(reason.motivation().values())
                        .hasSize(2)
                        .allSatisfy(text -> assertThat(text).doesNotContain("{").doesNotContain("}")));
    }

    /** 240.00 and 240.0 are the same amount; the officer need not type the cents. */
    private static Map<String, BigDecimal> comparable(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> stripped = new TreeMap<>();
        amounts.forEach((name, value) -> stripped.put(name, value.stripTrailingZeros()));
        return stripped;
    }
}
