package nl.beslisstraat.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.beslisstraat.engine.cases.CaseStatus;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.review.ReviewTask;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the rules decided: for each case, in one transaction, the case leaves the queue (or,
 * decided as it arrived, was stored in its new status by the caller), its decision is stored and a
 * review task is opened when a person must look at it. Either all of that happens for a whole
 * batch, or none of it.
 *
 * <p>The stored decision is its own audit entry: a link of the municipality's hash chain of
 * decisions, holding outcome, reasons, versions and their hashes and the run, which the audit
 * trail shows as the case's CASE_DECIDED entry (the {@code audit_trail} view). Writing a second
 * chained row that repeats it cost a third of the database's work per case.
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

    public DecisionRecorder(CaseStore cases, DecisionStore decisions, ReviewTaskStore reviewTasks) {
        this.cases = cases;
        this.decisions = decisions;
        this.reviewTasks = reviewTasks;
    }

    /** Records a batch of automated decisions; returns what was recorded for the ones actually recorded. */
    @Transactional
    public List<RecordedDecision> record(List<DecidedCase> decided) {
        Set<Long> moved = cases.leaveQueue(
                decided.stream().map(DecidedCase::caseId).toList(),
                decided.stream().map(one -> statusAfter(one.outcome())).toList());
        List<DecidedCase> recorded = new ArrayList<>(decided.size());
        for (DecidedCase decidedCase : decided) {
            if (moved.contains(decidedCase.caseId())) {
                recorded.add(decidedCase);
            } else {
                log.warn("Case {} was no longer queued; its decision is not recorded again", decidedCase.caseId());
            }
        }
        return recordDecisions(recorded);
    }

    /**
     * Records the decisions of cases stored in the caller's transaction already in the status
     * their decision gives them ({@link #statusAfter}): decided as they arrived, they never waited
     * in the queue, so nobody else can have decided them. A transaction must be running: a case
     * must never be committed as decided without its decision.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RecordedDecision> recordNewlyStored(List<DecidedCase> decided) {
        return recordDecisions(decided);
    }

    private List<RecordedDecision> recordDecisions(List<DecidedCase> recorded) {
        if (recorded.isEmpty()) {
            return List.of();
        }
        Map<Long, DecisionStore.Stamp> stamps = decisions.insertAutomated(recorded);
        List<RecordedDecision> stored = new ArrayList<>(recorded.size());
        List<ReviewTask> opened = new ArrayList<>();
        for (DecidedCase decidedCase : recorded) {
            ReviewTask task = decidedCase.outcome().needsReview() ? reviewTask(decidedCase) : null;
            if (task != null) {
                opened.add(task);
            }
            DecisionStore.Stamp stamp = stamps.get(decidedCase.caseId());
            stored.add(new RecordedDecision(
                    decidedCase, stamp.decisionId(), stamp.decidedAt(), statusAfter(decidedCase.outcome()), task));
        }
        reviewTasks.openAll(opened);
        return stored;
    }

    /** The status a case takes with its automated decision: in review when a person must decide. */
    public static CaseStatus statusAfter(DecisionOutcome outcome) {
        return outcome.needsReview() ? CaseStatus.IN_REVIEW : CaseStatus.DECIDED;
    }

    private static ReviewTask reviewTask(DecidedCase decided) {
        DecisionOutcome outcome = decided.outcome();
        return new ReviewTask(
                decided.caseId(),
                outcome.reasons().stream()
                        .map(Reason::code)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                outcome.error(),
                decided.reviewDeadline());
    }
}
