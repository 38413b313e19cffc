package nl.beslisstraat.engine.decision;

import java.time.OffsetDateTime;
import nl.beslisstraat.engine.cases.CaseStatus;
import nl.beslisstraat.engine.review.ReviewTask;

/**
 * What recording a decided case stored: the decision row's id and time as the database gave them,
 * the case's new status and the review task opened for it (null when none). Enough to answer a
 * client with the case as stored ({@link DecisionStore#asStored}) without reading it back.
 */
public record RecordedDecision(
        DecidedCase decided, long decisionId, OffsetDateTime decidedAt, CaseStatus status, ReviewTask reviewTask) {}
