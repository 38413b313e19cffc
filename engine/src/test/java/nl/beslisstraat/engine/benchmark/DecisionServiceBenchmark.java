package nl.beslisstraat.engine.benchmark;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.ExampleCases;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast the decision core is without a database: one stored case (raw JSON, as the nightly
 * run reads it) through parse, schema check, rules and motivation, cycling over the officers'
 * example cases. See docs/performance.md for the command and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionServiceBenchmark {

    private DecisionService decisions;
    private List<QueuedCase> cases;
    private int next;

    @Setup
    public void compileRules() {
        JsonMapper json = JsonMapper.builder().build();
        RegulationCatalog regulations = new RegulationCatalog(json);
        decisions = new DecisionService(regulations, new NormCatalog(List.of(NormCatalog.bundled())), json);
        cases = regulations.ruleSets().stream()
                .flatMap(ruleSet -> ExampleCases.of(ruleSet).stream())
                .map(example -> new QueuedCase(
                        0,
                        example.application().caseType(),
                        example.application().referenceDate(),
                        OffsetDateTime.now(),
                        example.application().input().toString()))
                .toList();
    }

    @Benchmark
    public DecidedCase decideOneStoredCase() {
        QueuedCase queued = cases.get(next++ % cases.size());
        return decisions.decide(queued, null);
    }
}
