package nl.beslisstraat.engine.regulation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.rules.CaseFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision core against bare Drools, in one run, on the same cases: the officers' example
 * cases of all four regulations whose input is complete (so both fire the rules on every case).
 *
 * <ul>
 *   <li>{@link #bareStatelessDrools}: what Drools alone costs: a new fact filled with the case's
 *       values, one stateless execute.
 *   <li>{@link #fullDecisionPath}: the engine's decision of an application as it arrives (its
 *       JSON read, as the intake API receives it): pick the rule set and norms in force, check the
 *       input schema, bind the facts, fire the rules, and turn the findings into reasons, amounts
 *       and motivations.
 *   <li>{@link #storedCaseDecision}: the same for a case as the nightly run reads it from the
 *       queue, which adds reading its stored JSON text and, for a case sent to review, the
 *       reviewer's deadline.
 * </ul>
 *
 * {@link #main} runs all three and prints the ratios; docs/performance.md has the command and figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class DecisionCoreBenchmark {

    private DecisionService decisions;
    private List<QueuedCase> cases;
    private List<CaseApplication> applications;
    private List<BareCase> bare;
    private int next;

    /** One case as bare Drools takes it: the rule set and the fact's values, already typed. */
    private record BareCase(RuleSet rules, Map<String, Object> values) {}

    @Setup
    public void compileRules() {
        // as the engine reads stored inputs (JsonSettings): decimals exactly
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        RegulationCatalog regulations = new RegulationCatalog(json);
        NormCatalog norms = new NormCatalog(List.of(NormCatalog.bundled()));
        decisions = new DecisionService(regulations, norms, json);
        List<ExampleCase> examples = regulations.ruleSets().stream()
                .flatMap(ruleSet -> ExampleCases.of(ruleSet).stream()
                        .filter(example -> ruleSet.inputSchema()
                                .check(example.application().input())
                                .isEmpty()))
                .toList();
        applications = examples.stream().map(ExampleCase::application).toList();
        cases = examples.stream()
                .map(example -> new QueuedCase(
                        0,
                        example.application().caseType(),
                        example.application().referenceDate(),
                        OffsetDateTime.now(),
                        example.application().input().toString()))
                .toList();
        bare = examples.stream()
                .map(example -> {
                    RuleSet rules = regulations.inForce(
                            null,
                            example.application().caseType(),
                            example.application().referenceDate());
                    NormVersion normsInForce =
                            norms.inForce(example.application().referenceDate());
                    CaseFacts bound = rules.facts(
                            example.application().referenceDate(),
                            example.application().input(),
                            normsInForce);
                    Map<String, Object> values = new HashMap<>(rules.factType().getAsMap(bound));
                    values.remove("findings");
                    values.values().removeIf(java.util.Objects::isNull);
                    return new BareCase(rules, Map.copyOf(values));
                })
                .toList();
    }

    @Benchmark
    public Collection<?> bareStatelessDrools() throws ReflectiveOperationException {
        BareCase next = bare.get(this.next++ % bare.size());
        CaseFacts facts = (CaseFacts) next.rules().factType().newInstance();
        next.rules().factType().setFromMap(facts, next.values());
        next.rules().execute(facts);
        return facts.getFindings().all();
    }

    @Benchmark
    public DecisionOutcome fullDecisionPath() {
        return decisions.decide(applications.get(next++ % applications.size()));
    }

    @Benchmark
    public DecidedCase storedCaseDecision() {
        return decisions.decide(cases.get(next++ % cases.size()), null);
    }

    /** Runs both benchmarks in one JMH invocation and prints the full path's share of bare Drools. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(DecisionCoreBenchmark.class.getSimpleName())
                        .jvmArgsAppend(args)
                        .build())
                .run();
        Map<String, Double> scores = new HashMap<>();
        results.forEach(result -> scores.put(
                result.getParams().getBenchmark().replaceAll(".*\\.", ""),
                result.getPrimaryResult().getScore()));
        double bare = scores.get("bareStatelessDrools");
        System.out.printf(
                "%nFull decision path / bare stateless Drools: %.0f / %.0f decisions/s = %.2f%n",
                scores.get("fullDecisionPath"), bare, scores.get("fullDecisionPath") / bare);
        System.out.printf(
                "Stored case (its JSON text read first) / bare stateless Drools: %.0f / %.0f decisions/s = %.2f%n",
                scores.get("storedCaseDecision"), bare, scores.get("storedCaseDecision") / bare);
    }
}
