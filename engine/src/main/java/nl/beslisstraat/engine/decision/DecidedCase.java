package nl.beslisstraat.engine.decision;

import java.time.LocalDate;

/**
 * A case and what the rules decided for it, ready to be recorded.
 *
 * @param reviewDeadline the legal decision deadline when a person must decide; null otherwise
 * @param runId the nightly run that decided it, or null when decided on request
 * @param inputDigest the {@link nl.beslisstraat.engine.cases.InputDigest} of the case's stored input:
 *     the data the decision was taken on, linked into the chain with it
 */
public record DecidedCase(
        long caseId, DecisionOutcome outcome, LocalDate reviewDeadline, Long runId, String inputDigest) {}
