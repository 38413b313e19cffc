package nl.beslisstraat.engine.decision;

import java.time.OffsetDateTime;

/**
 * A case and what the rules decided for it, ready to be recorded.
 *
 * @param receivedAt when the application came in; the review deadline counts from it
 * @param runId the nightly run that decided it, or null when decided on request
 */
public record DecidedCase(long caseId, OffsetDateTime receivedAt, DecisionOutcome outcome, Long runId) {}
