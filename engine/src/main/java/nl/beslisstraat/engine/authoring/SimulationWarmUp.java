package nl.beslisstraat.engine.authoring;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The first simulation of a new draft takes about 3 seconds longer than the next, whatever its
 * size, while the JIT recompiles the decision path for the draft's freshly generated rule code
 * (docs/performance.md). So right after an upload the web engine simulates the draft once on
 * recent past cases in the background, storing nothing; by the time the officer has read the
 * example results and asks for a simulation of 100,000 cases, it runs at full speed.
 *
 * <p>Bounded like any officer's job ({@link OfficerJobs}): in the author's name, within its own
 * time budget, stopped when the draft is withdrawn or the author asks for anything (an upload or
 * a simulation that warms up the JIT just as well), and skipped when the author is busy or the
 * draft no longer a draft by the time its turn comes. It decides on its own thread only, never on
 * the shared pool the officers' simulations use.
 */
@Component
@ConditionalOnWebApplication
class SimulationWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SimulationWarmUp.class);

    private final Simulation simulation;
    private final RuleSetCandidates candidates;
    private final NormCandidates normCandidates;
    private final OfficerJobs jobs;
    private final int cases;
    /**
     * One warm-up at a time, on a low-priority thread, and only the newest waiting: a burst of
     * uploads never takes more than one core away from the officers' own requests.
     */
    private final ThreadPoolExecutor warmUps = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1),
            work -> {
                Thread thread = new Thread(work, "simulation-warm-up");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            },
            new ThreadPoolExecutor.DiscardOldestPolicy());

    SimulationWarmUp(
            Simulation simulation,
            RuleSetCandidates candidates,
            NormCandidates normCandidates,
            OfficerJobs jobs,
            @Value("${beslisstraat.simulation.warm-up-cases:20000}") int cases) {
        this.simulation = simulation;
        this.candidates = candidates;
        this.normCandidates = normCandidates;
        this.jobs = jobs;
        this.cases = cases;
    }

    @TransactionalEventListener
    void uploaded(DraftUploaded draft) {
        if (cases > 0) {
            warmUps.execute(Municipality.propagate(() -> warmUp(draft)));
        }
    }

    @PreDestroy
    void stop() {
        warmUps.shutdownNow();
    }

    /** Whether no warm-up runs or waits: its thread is then parked on the empty queue. */
    boolean idle() {
        return warmUps.getActiveCount() == 0 && warmUps.getQueue().isEmpty();
    }

    /** How many warm-ups have ended (done, stopped, skipped or failed). */
    long finished() {
        return warmUps.getCompletedTaskCount();
    }

    private void warmUp(DraftUploaded draft) {
        try {
            boolean ruleSet = draft.kind() == DraftUploaded.Kind.RULE_SET;
            Candidate candidate = ruleSet ? candidates.find(draft.id()) : null;
            NormCandidate norms = ruleSet ? null : normCandidates.find(draft.id());
            String status = ruleSet ? candidate.status() : norms.status();
            if (!status.equals("DRAFT")) {
                return; // withdrawn while it waited
            }
            Optional<OfficerJobs.Job> started = jobs.startWarmUp(
                    ruleSet ? candidate.author() : norms.author(), new OfficerJobs.Target(draft.kind(), draft.id()));
            if (started.isEmpty()) {
                log.info(
                        "Draft {} {} not warmed up: its author is running a job of their own",
                        draft.kind(),
                        draft.id());
                return;
            }
            SimulationResult result;
            try (OfficerJobs.Job job = started.get()) {
                result = ruleSet
                        ? simulation.run(candidate, null, null, cases, job, false)
                        : simulation.runNorms(
                                draft.id(), normCandidates.firstChange(draft.id()), null, null, cases, job, false);
            }
            log.info(
                    "Draft {} {} warmed up on {} past cases in {} ms{}",
                    draft.kind(),
                    draft.id(),
                    result.cases(),
                    result.millis(),
                    result.stopped() == null ? "" : ", " + result.stopped());
        } catch (RuntimeException e) {
            log.warn("Warming up draft {} {} failed; its first simulation will be slower", draft.kind(), draft.id(), e);
        }
    }
}
