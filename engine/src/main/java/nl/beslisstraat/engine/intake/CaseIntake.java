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
import org.springframework.dao.DuplicateKeyException;
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

    /**
     * Queues the application; with a key the client sent it with before, the case stored then
     * (the same application) or a refusal (another one), and nothing new.
     */
    long enqueue(CaseApplication application, String idempotencyKey) {
        if (idempotencyKey == null) {
            return cases.enqueue(application);
        }
        Optional<CaseStore.SentBefore> before = cases.sentBefore(idempotencyKey, application);
        if (before.isPresent()) {
            return again(before.get());
        }
        try {
            return cases.enqueue(application, idempotencyKey);
        } catch (DuplicateKeyException sentMeanwhile) {
            return again(sentBefore(idempotencyKey, application, sentMeanwhile));
        }
    }

    /**
     * Decides the application at once; returns the case as {@link #caseFile} would read it once the
     * decision is committed. Requests that arrive together share a transaction ({@link
     * ImmediateDecisions}). The answer is built from what was just written rather than read back:
     * reading it back took a transaction and three queries of its own, half of the database's
     * statements per request (docs/performance.md).
     */
    CaseFile decideNow(CaseApplication application, String language, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<CaseStore.SentBefore> before = cases.sentBefore(idempotencyKey, application);
            if (before.isPresent()) {
                return caseFile(again(before.get()), language).orElseThrow();
            }
        }
        ImmediateDecisions.Decided decided;
        try {
            decided = immediate.decide(application, idempotencyKey);
        } catch (DuplicateKeyException sentMeanwhile) {
            if (idempotencyKey == null) {
                throw sentMeanwhile;
            }
            // the same key came twice at once: the other request's case is this one's
            return caseFile(again(sentBefore(idempotencyKey, application, sentMeanwhile)), language)
                    .orElseThrow();
        }
        RecordedDecision recorded = decided.recorded();
        return caseFile(
                decided.stored(),
                List.of(MotivationLanguage.of(decisions.asStored(recorded), language)),
                recorded.reviewTask());
    }

    private CaseStore.SentBefore sentBefore(
            String idempotencyKey, CaseApplication application, DuplicateKeyException refused) {
        return cases.sentBefore(idempotencyKey, application).orElseThrow(() -> refused);
    }

    private static long again(CaseStore.SentBefore before) {
        if (!before.sameApplication()) {
            throw new IdempotencyKey.Reused(before.id());
        }
        return before.id();
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
