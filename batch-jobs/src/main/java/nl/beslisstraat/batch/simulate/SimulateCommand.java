package nl.beslisstraat.batch.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.beslisstraat.engine.authoring.Candidate;
import nl.beslisstraat.engine.authoring.RuleSetCandidates;
import nl.beslisstraat.engine.authoring.Simulation;
import nl.beslisstraat.engine.authoring.SimulationResult;
import org.springframework.stereotype.Component;

/**
 * {@code --simulate=table.drl.xlsx --case-type=PARKING_PERMIT [--last=100000]}: uploads the table
 * as a draft (checked like any upload), simulates it on the decisions already taken, prints the
 * transitions and the time taken, and withdraws the draft again. The benchmark of
 * docs/performance.md.
 */
@Component
public class SimulateCommand {

    private final RuleSetCandidates candidates;
    private final Simulation simulation;

    SimulateCommand(RuleSetCandidates candidates, Simulation simulation) {
        this.candidates = candidates;
        this.simulation = simulation;
    }

    public int run(Path table, String caseType, Integer last) throws IOException {
        Candidate draft = candidates.upload(
                caseType, "simulation-" + System.currentTimeMillis(), Files.readAllBytes(table), "simulation-cli");
        try {
            // Twice: the first run pays for the JIT warming up, as only the first request to a
            // freshly started engine would; the second is what an officer waits for.
            SimulationResult cold = simulation.run(draft.id(), null, null, last);
            SimulationResult result = simulation.run(draft.id(), null, null, last);
            System.out.printf(
                    "Simulated %s on %,d past %s decisions in %,d ms (first run in a fresh JVM: %,d ms): %,d would change%n",
                    table.getFileName(), result.cases(), caseType, result.millis(), cold.millis(), result.changed());
            result.transitions()
                    .forEach(transition -> System.out.printf(
                            "  %-18s -> %-18s %,8d  e.g. cases %s%n",
                            transition.from(), transition.to(), transition.count(), transition.sampleCases()));
            return 0;
        } finally {
            candidates.withdraw(draft.id(), "simulation-cli");
        }
    }
}
