package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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

    @org.junit.jupiter.api.Test
    void anOfficersFileThatCannotBeReadIsRefusedNamingTheLineInBothLanguages() {
        RuleSet parking = regulationsOnce()
                .filter(ruleSet -> ruleSet.caseType().equals("PARKING_PERMIT"))
                .findFirst()
                .orElseThrow();
        Phrase source = new Phrase("eigen voorbeeldgevallen", "own example cases");

        assertThat(refusal(
                        parking,
                        source,
                        "case,referenceDate,zone,vehicleHolderIsApplicant,outcome,reasons\n"
                                + "A,2026-03-15,A,yes,GRANTED,PERMIT_GRANTED\n"))
                .isEqualTo(new Phrase(
                        "eigen voorbeeldgevallen, regel 2: vehicleHolderIsApplicant: 'yes' is niet true of false.",
                        "own example cases, line 2: vehicleHolderIsApplicant: 'yes' is not true or false."));
        assertThat(refusal(
                        parking,
                        source,
                        "case,referenceDate,zone,outcome,reasons\n"
                                + "A,2026-03-15,A,GRANTED,PERMIT_GRANTED\nB,15-03-2026,A,GRANTED,PERMIT_GRANTED\n"))
                .isEqualTo(new Phrase(
                        "eigen voorbeeldgevallen, regel 3: referenceDate: '15-03-2026' is geen datum; schrijf"
                                + " jjjj-mm-dd.",
                        "own example cases, line 3: referenceDate: '15-03-2026' is not a date; write yyyy-mm-dd."));
        assertThat(
                        refusal(
                                parking,
                                source,
                                "case,referenceDate,zone,outcome,reasons,fee\nA,2026-03-15,A,GRANTED,PERMIT_GRANTED,1e999999999\n"))
                .isEqualTo(new Phrase(
                        "eigen voorbeeldgevallen, regel 2: fee: '1e999999999' is geen bedrag; schrijf bijvoorbeeld 240.00.",
                        "own example cases, line 2: fee: '1e999999999' is not an amount; write for example 240.00."));
        assertThat(refusal(parking, source, "case,referenceDate,zone,outcome,reasons\nA,2026-03-15,A,TOEGEKEND,\n")
                        .in(Locale.ENGLISH))
                .startsWith("own example cases, line 2: outcome: 'TOEGEKEND' is not an outcome; choose from ");
        assertThat(refusal(parking, source, "case,referenceDate,religion,outcome,reasons\n"))
                .isEqualTo(new Phrase(
                        "eigen voorbeeldgevallen: kolom 'religion' is geen invoerveld van Bewonersparkeervergunning en geen bedrag"
                                + " of datum die de uitkomst vastlegt.",
                        "own example cases: column 'religion' is neither an input field of Resident parking permit nor an"
                                + " amount or date its outcome sets."));
        assertThat(refusal(parking, source, "case,zone,outcome,reasons\n"))
                .isEqualTo(new Phrase(
                        "eigen voorbeeldgevallen: de kolom 'referenceDate' ontbreekt.",
                        "own example cases: the column 'referenceDate' is missing."));
    }

    private static Phrase refusal(RuleSet ruleSet, Phrase source, String csv) {
        try {
            ExampleCases.read(ruleSet, new java.io.StringReader(csv), source);
        } catch (ExampleCases.Unreadable unreadable) {
            assertThat(unreadable.getMessage())
                    .as("Dutch, as the API answers")
                    .isEqualTo(unreadable.phrase().nl());
            return unreadable.phrase();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("read without a refusal: " + csv);
    }
}
