package nl.beslisstraat.engine.intake;

import java.util.List;
import java.util.Optional;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.decision.RecordedDecision;
import nl.beslisstraat.engine.decision.StoredDecision;
import nl.beslisstraat.engine.review.ReviewTask;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API does with an application: queue it for the nightly run, or decide it at once by
 * the rules and records the nightly run uses (decide, store, record), committed before it answers.
 */
@Service
public class CaseIntake {

    private final CaseStore cases;
    private final ImmediateDecisions immediate;
    private final DecisionStore decisions;
    private final ReviewTaskStore reviewTasks;
    private final JsonMapper json;

    CaseIntake(
            CaseStore cases,
            ImmediateDecisions immediate,
            DecisionStore decisions,
            ReviewTaskStore reviewTasks,
            JsonMapper json) {
        this.cases = cases;
        this.immediate = immediate;
        this.decisions = decisions;
        this.reviewTasks = reviewTasks;
        this.json = json;
    }

    @Transactional
    long enqueue(CaseApplication application) {
        return cases.enqueue(application);
    }

    /**
     * Decides the application at once; returns the case as {@link #caseFile} would read it once the
     * decision is committed. Requests that arrive together share a transaction ({@link
     * ImmediateDecisions}). The answer is built from what was just written rather than read back:
     * reading it back took a transaction and three queries of its own, half of the database's
     * statements per request (docs/performance.md).
     */
    CaseFile decideNow(CaseApplication application, String language) {
        ImmediateDecisions.Decided decided = immediate.decide(application);
        RecordedDecision recorded = decided.recorded();
        return caseFile(
                decided.stored(),
                List.of(MotivationLanguage.of(decisions.asStored(recorded), language)),
                recorded.reviewTask());
    }

    /** The case with its decisions, their motivation in the language asked for ("nl" or "en"). */
    @Transactional(readOnly = true)
    public Optional<CaseFile> caseFile(long id, String language) {
        return cases.find(id)
                .map(stored -> caseFile(
                        stored,
                        decisions.findFor(id).stream()
                                .map(decision -> MotivationLanguage.of(decision, language))
                                .toList(),
                        reviewTasks.openFor(id).stream().findFirst().orElse(null)));
    }

    private CaseFile caseFile(StoredCase stored, List<StoredDecision> decided, ReviewTask reviewTask) {
        return new CaseFile(
                stored.id(),
                stored.caseType(),
                stored.referenceDate(),
                stored.receivedAt(),
                stored.status(),
                json.readTree(stored.input()),
                decided,
                reviewTask);
    }
}
