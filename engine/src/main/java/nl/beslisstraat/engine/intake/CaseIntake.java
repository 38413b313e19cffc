package nl.beslisstraat.engine.intake;

import java.util.List;
import java.util.Optional;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API does with an application: queue it for the nightly run, or decide it at once by
 * the same path the nightly run takes (queue, decide, record) inside one transaction.
 */
@Service
public class CaseIntake {

    private final CaseStore cases;
    private final DecisionService decisionService;
    private final DecisionRecorder recorder;
    private final DecisionStore decisions;
    private final ReviewTaskStore reviewTasks;
    private final JsonMapper json;

    CaseIntake(
            CaseStore cases,
            DecisionService decisionService,
            DecisionRecorder recorder,
            DecisionStore decisions,
            ReviewTaskStore reviewTasks,
            JsonMapper json) {
        this.cases = cases;
        this.decisionService = decisionService;
        this.recorder = recorder;
        this.decisions = decisions;
        this.reviewTasks = reviewTasks;
        this.json = json;
    }

    @Transactional
    long enqueue(CaseApplication application) {
        return cases.enqueue(application);
    }

    @Transactional
    long decideNow(CaseApplication application) {
        long id = cases.enqueue(application);
        QueuedCase queued = cases.find(id).orElseThrow().asQueued();
        recorder.record(List.of(decisionService.decide(queued, null)));
        return id;
    }

    /** The case with its decisions, their motivation in the language asked for ("nl" or "en"). */
    @Transactional(readOnly = true)
    public Optional<CaseFile> caseFile(long id, String language) {
        return cases.find(id)
                .map(stored -> new CaseFile(
                        stored.id(),
                        stored.caseType(),
                        stored.referenceDate(),
                        stored.receivedAt(),
                        stored.status(),
                        json.readTree(stored.input()),
                        decisions.findFor(id).stream()
                                .map(decision -> MotivationLanguage.of(decision, language))
                                .toList(),
                        reviewTasks.openFor(id).stream().findFirst().orElse(null)));
    }
}
