package nl.beslisstraat.engine.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.cases.CaseStatus;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.review.ReviewTask;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what the rules decided: for each case, in one transaction, the case leaves the queue,
 * its decision is stored, a review task is opened when a person must look at it, and the audit
 * trail gets an entry. Either all of that happens for a whole batch, or none of it.
 *
 * <p>A case that is no longer QUEUED when its batch is recorded was decided by someone else (a
 * restarted run that overlapped, a second node): it is skipped, so no case is decided twice.
 */
@Service
public class DecisionRecorder {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

    private final CaseStore cases;
    private final DecisionStore decisions;
    private final ReviewTaskStore reviewTasks;
    private final AuditLog audit;
    private final JsonMapper json;

    public DecisionRecorder(
            CaseStore cases, DecisionStore decisions, ReviewTaskStore reviewTasks, AuditLog audit, JsonMapper json) {
        this.cases = cases;
        this.decisions = decisions;
        this.reviewTasks = reviewTasks;
        this.audit = audit;
        this.json = json;
    }

    /** Records a batch of automated decisions; returns the ones actually recorded. */
    @Transactional
    public List<DecidedCase> record(List<DecidedCase> decided) {
        Set<Long> moved = cases.leaveQueue(
                decided.stream().map(DecidedCase::caseId).toList(),
                decided.stream().map(DecisionRecorder::nextStatus).toList());
        List<DecidedCase> recorded = new ArrayList<>(decided.size());
        for (DecidedCase decidedCase : decided) {
            if (moved.contains(decidedCase.caseId())) {
                recorded.add(decidedCase);
            } else {
                log.warn("Case {} was no longer queued; its decision is not recorded again", decidedCase.caseId());
            }
        }
        if (recorded.isEmpty()) {
            return recorded;
        }
        decisions.insertAutomated(recorded);
        reviewTasks.openAll(recorded.stream()
                .filter(decidedCase -> decidedCase.outcome().needsReview())
                .map(DecisionRecorder::reviewTask)
                .toList());
        audit.appendAll(recorded.stream().map(this::auditEntry).toList());
        return recorded;
    }

    private static CaseStatus nextStatus(DecidedCase decided) {
        return decided.outcome().needsReview() ? CaseStatus.IN_REVIEW : CaseStatus.DECIDED;
    }

    private static ReviewTask reviewTask(DecidedCase decided) {
        DecisionOutcome outcome = decided.outcome();
        return new ReviewTask(
                decided.caseId(),
                outcome.reasons().stream()
                        .map(Reason::code)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList(),
                outcome.error(),
                decided.reviewDeadline());
    }

    private AuditEntry auditEntry(DecidedCase decided) {
        DecisionOutcome outcome = decided.outcome();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome.outcome().name());
        details.put("reasons", outcome.reasons().stream().map(Reason::code).toList());
        details.put("ruleSetVersion", outcome.ruleSetVersion());
        if (outcome.ruleSetHash() != null) {
            details.put("ruleSetHash", outcome.ruleSetHash());
        }
        if (outcome.normVersion() != null) {
            details.put("normVersion", outcome.normVersion());
            details.put("normHash", outcome.normHash());
        }
        if (decided.runId() != null) {
            details.put("runId", decided.runId());
        }
        if (outcome.failed()) {
            details.put("error", outcome.error());
        }
        return new AuditEntry(
                DecisionStore.ENGINE,
                "CASE_DECIDED",
                "case",
                Long.toString(decided.caseId()),
                json.writeValueAsString(details));
    }
}
