package nl.beslisstraat.batch.recompute;

import java.util.concurrent.atomic.AtomicLong;
import nl.beslisstraat.engine.decision.Recomputation;
import org.springframework.stereotype.Component;

/**
 * {@code --recompute [--run-id=N]}: recomputes every stored automated decision (or those of one
 * nightly run) from its stored input with its recorded rule-set and norm versions, prints each
 * difference, and ends with the counts. Exit code 0 when every decision came out identical, 1
 * when some differ, 2 when some could not be recomputed with the content they were taken with
 * (content gone, or its hash not the recorded one): each of those is printed on stderr, naming
 * the decision, the label and the hash, and never counted as a difference.
 */
@Component
public class RecomputeCommand {

    private static final int PRINTED_DIFFERENCES = 20;

    private final Recomputation recomputation;

    RecomputeCommand(Recomputation recomputation) {
        this.recomputation = recomputation;
    }

    public int run(Long runId) {
        AtomicLong identical = new AtomicLong();
        AtomicLong different = new AtomicLong();
        AtomicLong notRecomputable = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        recomputation.all(
                runId,
                result -> {
                    if (!result.recomputable() && result.differences().isEmpty()) {
                        notRecomputable.incrementAndGet(); // a failed decision: no rule set was applied
                    } else if (result.identical()) {
                        identical.incrementAndGet();
                    } else {
                        if (different.incrementAndGet() <= PRINTED_DIFFERENCES) {
                            System.out.printf(
                                    "case %d (decision %d, %s, norms %s) differs:%n",
                                    result.caseId(),
                                    result.decisionId(),
                                    result.ruleSetVersion(),
                                    result.normVersion());
                            result.differences().forEach(difference -> System.out.println("  " + difference));
                        }
                    }
                },
                refusal -> {
                    refused.incrementAndGet();
                    System.err.println("GEWEIGERD: " + refusal.getMessage());
                });
        System.out.printf(
                "Recomputed %,d decisions%s: %,d identical, %,d different; %,d failed decisions not recomputable%n",
                identical.get() + different.get(),
                runId == null ? "" : " of run " + runId,
                identical.get(),
                different.get(),
                notRecomputable.get());
        if (refused.get() > 0) {
            System.err.printf(
                    "%,d decisions REFUSED: their rule or norm content cannot be had as recorded%n", refused.get());
            return 2;
        }
        return different.get() == 0 ? 0 : 1;
    }
}
