/**
 * Intake: the REST API through which e-services submit applications (to the queue, or to be
 * decided at once) and read a case with its decisions. The JSON field names of DOMAIN.md are the
 * public contract. A malformed application is refused with a 400 naming each field and stores
 * nothing; an application with missing data is accepted and goes to review. Applications to be
 * decided at once that arrive together share a transaction ({@code ImmediateDecisions}). Proved by
 * {@code CaseApiIntegrationTests} and {@code ImmediateDecisionsIntegrationTests}.
 */
package nl.beslisstraat.engine.intake;
