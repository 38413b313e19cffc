package nl.beslisstraat.engine.authoring;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 */
@Component
@ConditionalOnWebApplication
class SimulationWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SimulationWarmUp.class);

    private final Simulation simulation;
    private final NormCandidates normCandidates;
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
            NormCandidates normCandidates,
            @Value("${beslisstraat.simulation.warm-up-cases:20000}") int cases) {
        this.simulation = simulation;
        this.normCandidates = normCandidates;
        this.cases = cases;
    }

    @TransactionalEventListener
    void uploaded(DraftUploaded draft) {
        if (cases > 0) {
            warmUps.execute(() -> warmUp(draft));
        }
    }

    @PreDestroy
    void stop() {
        warmUps.shutdownNow();
    }

    private void warmUp(DraftUploaded draft) {
        try {
            SimulationResult result = draft.kind() == DraftUploaded.Kind.RULE_SET
                    ? simulation.run(draft.id(), null, null, cases)
                    : simulation.runNorms(draft.id(), normCandidates.firstChange(draft.id()), null, null, cases);
            log.info(
                    "Draft {} {} warmed up on {} past cases in {} ms",
                    draft.kind(),
                    draft.id(),
                    result.cases(),
                    result.millis());
        } catch (RuntimeException e) {
            log.warn("Warming up draft {} {} failed; its first simulation will be slower", draft.kind(), draft.id(), e);
        }
    }
}
