package nl.beslisstraat.engine.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import tools.jackson.databind.JsonNode;

/**
 * What the rules decided for an application whose case is not stored yet: the outcome, and what
 * the legal deadline for a person's decision is counted from once the case's time of receipt is
 * known.
 *
 * @param input the application's input, for a deadline counted from one of its dates; null when it
 *     could not be read
 */
public record PendingDecision(DecisionOutcome outcome, DecisionDeadline deadline, JsonNode input) {

    /**
     * The decision of the stored case: the review deadline counts from its receipt, and the
     * decision records the digest of the input as stored.
     */
    public DecidedCase forCase(StoredCase stored, Long runId) {
        return forCase(stored.id(), stored.receivedAt(), stored.input(), runId);
    }

    DecidedCase forCase(long caseId, OffsetDateTime receivedAt, String storedInput, Long runId) {
        LocalDate reviewDeadline = outcome.needsReview() ? deadline.of(receivedAt, input) : null;
        return new DecidedCase(caseId, outcome, reviewDeadline, runId, InputDigest.of(storedInput));
    }
}
