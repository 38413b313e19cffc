package nl.beslisstraat.batch.nightly;

import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionService;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Decides one queued case. It never throws for a bad case: the decision service turns unreadable
 * input or a rule error into a failed outcome that goes to review, so one case cannot stop a run.
 */
class CaseDecisionProcessor implements ItemProcessor<QueuedCase, DecidedCase> {

    private final DecisionService decisions;
    private final long runId;

    CaseDecisionProcessor(DecisionService decisions, long runId) {
        this.decisions = decisions;
        this.runId = runId;
    }

    @Override
    public DecidedCase process(QueuedCase queued) {
        return decisions.decide(queued, runId);
    }
}
