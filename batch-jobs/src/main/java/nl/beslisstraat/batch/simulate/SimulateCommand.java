package nl.beslisstraat.batch.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import nl.beslisstraat.engine.authoring.Candidate;
import nl.beslisstraat.engine.authoring.NormCandidate;
import nl.beslisstraat.engine.authoring.NormCandidates;
import nl.beslisstraat.engine.authoring.RuleSetCandidates;
import nl.beslisstraat.engine.authoring.Simulation;
import nl.beslisstraat.engine.authoring.SimulationResult;
import org.springframework.stereotype.Component;

/**
 * {@code --simulate=table.xlsx --case-type=PARKING_PERMIT [--last=100000]}: uploads the table
 * as a draft (checked like any upload), simulates it on the decisions already taken, prints the
 * transitions and the time taken, and withdraws the draft again. The benchmark of
 * docs/performance.md.
 */
@Component
public class SimulateCommand {

    /** The name the benchmark uploads, simulates and withdraws under, with an officer's limits. */
    private static final String OFFICER = "simulation-cli";

    private final RuleSetCandidates candidates;
    private final NormCandidates normCandidates;
    private final Simulation simulation;

    SimulateCommand(RuleSetCandidates candidates, NormCandidates normCandidates, Simulation simulation) {
        this.candidates = candidates;
        this.normCandidates = normCandidates;
        this.simulation = simulation;
    }

    /**
     * The same for a norm table: uploaded as a draft, simulated on the past decisions of every
     * regulation that reads norms with its amounts as of the first date it changes, withdrawn.
     */
    public int runNorms(Path csv, Integer last) throws IOException {
        NormCandidate draft = normCandidates.upload(
                "simulation-" + System.currentTimeMillis(), null, Files.readAllBytes(csv), OFFICER);
        try {
            LocalDate asOf = normCandidates.firstChange(draft.id());
            SimulationResult cold = simulation.runNorms(draft.id(), asOf, null, null, last, OFFICER);
            SimulationResult result = simulation.runNorms(draft.id(), asOf, null, null, last, OFFICER);
            print(csv, "norm-reading", asOf + " amounts", cold, result);
            return 0;
        } finally {
            normCandidates.withdraw(draft.id(), OFFICER);
        }
    }

    private static void print(Path file, String kind, String applied, SimulationResult cold, SimulationResult result) {
        System.out.printf(
                "Simulated %s (%s) on %,d past %s decisions in %,d ms (first run in a fresh JVM: %,d ms): %,d would change%n",
                file.getFileName(), applied, result.cases(), kind, result.millis(), cold.millis(), result.changed());
        if (result.stopped() != null) {
            System.out.printf("  Not every case was simulated: %s%n", result.stopped());
        }
        result.transitions()
                .forEach(transition -> System.out.printf(
                        "  %-18s -> %-18s %,8d  e.g. cases %s%n",
                        transition.from(), transition.to(), transition.count(), transition.sampleCases()));
    }

    public int run(Path table, String caseType, Integer last) throws IOException {
        Candidate draft = candidates.upload(
                caseType, "simulation-" + System.currentTimeMillis(), Files.readAllBytes(table), OFFICER);
        try {
            // Twice: the first run pays for the JIT warming up, as only the first request to a
            // freshly started engine would; the second is what an officer waits for.
            SimulationResult cold = simulation.run(draft.id(), null, null, last, OFFICER);
            SimulationResult result = simulation.run(draft.id(), null, null, last, OFFICER);
            print(table, caseType, "rule set", cold, result);
            return 0;
        } finally {
            candidates.withdraw(draft.id(), OFFICER);
        }
    }
}
