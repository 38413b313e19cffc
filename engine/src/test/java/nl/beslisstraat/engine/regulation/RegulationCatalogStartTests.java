package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.rules.CaseFacts;
import nl.beslisstraat.rules.Findings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog compiles every shipped version at once, on threads of its own, while the
 * application starts. What that must not change: every caller sees every regulation (never a
 * half-filled catalog), and each version is exactly the version compiled on its own, same content
 * hash and same decisions.
 */
class RegulationCatalogStartTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CASE_TYPES =
            List.of("CITY_PASS", "EVENT_NOTIFICATION", "PARKING_PERMIT", "TAX_REMISSION");

    @Test
    void callersRightAfterTheStartSeeEveryRegulationNeverPartOfThem() throws Exception {
        RegulationCatalog expected = new RegulationCatalog(JSON);
        List<String> allVersions =
                expected.shipped().stream().map(RuleSet::version).toList();

        RegulationCatalog catalog = new RegulationCatalog(JSON);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> asks = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asks.add(() -> catalog.shipped().stream().map(RuleSet::version).toList());
                asks.add(() -> CASE_TYPES.stream()
                        .filter(catalog::knows)
                        .map(caseType -> catalog.latest(caseType).version())
                        .toList());
            }
            List<Future<List<String>>> answers = callers.invokeAll(asks);
            for (int i = 0; i < answers.size(); i += 2) {
                assertThat(answers.get(i).get()).containsExactlyElementsOf(allVersions);
                assertThat(answers.get(i + 1).get()).hasSize(CASE_TYPES.size());
            }
            assertThat(catalog.caseTypes()).isEqualTo(expected.caseTypes());
        } finally {
            callers.shutdownNow();
        }
        assertThat(allVersions).hasSizeGreaterThanOrEqualTo(CASE_TYPES.size());
        assertThat(catalog.broken()).isEmpty();
    }

    @Test
    void everyVersionCompiledAtStartIsTheVersionCompiledOnItsOwnAndDecidesTheSame() {
        RegulationCatalog catalog = new RegulationCatalog(JSON);
        NormVersion norms = NormCatalog.bundled();
        RuleSetCompiler alone = new RuleSetCompiler();
        int decided = 0;
        for (RuleSet started : catalog.shipped()) {
            RuleSet compiledAlone = alone.compile(
                    started.descriptor(), started.descriptorVersion(), RegulationCatalog.class.getClassLoader());
            assertThat(compiledAlone.contentHash()).as(started.version()).isEqualTo(started.contentHash());
            for (ExampleCase example : ExampleCases.of(started)) {
                assertThat(decide(compiledAlone, example, norms))
                        .as("%s, %s", started.version(), example)
                        .isEqualTo(decide(started, example, norms));
                decided++;
            }
        }
        assertThat(decided).isGreaterThan(100);
    }

    @Test
    void theApplicationIsStartedOnlyOnceTheRegulationsAre() {
        RegulationCatalog catalog = new RegulationCatalog(JSON);
        RegulationsStarted started = new RegulationsStarted(catalog);

        started.start();

        assertThat(started.isRunning()).isTrue();
        assertThat(catalog.caseTypes()).containsAll(CASE_TYPES);
    }

    /** What the rules found, and every field of the application after they fired. */
    private static String decide(RuleSet rules, ExampleCase example, NormVersion norms) {
        CaseFacts facts;
        try {
            facts = rules.facts(
                    example.application().referenceDate(), example.application().input(), norms);
            rules.execute(facts);
        } catch (RuntimeException refused) {
            // a case the engine sends to review (a norm it lacks): refused alike both ways
            return refused.toString();
        }
        Map<String, Object> fields = new java.util.TreeMap<>(rules.factType().getAsMap(facts));
        fields.values().removeIf(Findings.class::isInstance);
        String findings = facts.getFindings().all().stream()
                .map(finding -> String.join(
                        " ",
                        finding.rule(),
                        String.valueOf(finding.outcome()),
                        String.valueOf(finding.reasonCode()),
                        finding.motivations().toString(),
                        finding.amounts().toString(),
                        finding.percentages().toString(),
                        finding.dates().toString()))
                .collect(Collectors.joining("; "));
        return findings + " " + fields;
    }
}
