/**
 * The decision core: one path from a case application to a {@link
 * nl.beslisstraat.engine.decision.DecisionOutcome}, used by the REST API and the nightly job alike
 * ({@link nl.beslisstraat.engine.decision.DecisionService}), and the one place where outcomes are
 * recorded: decision, case status, review task and audit entry in one transaction ({@link
 * nl.beslisstraat.engine.decision.DecisionRecorder}).
 *
 * <p>Combining findings follows DOMAIN.md: REJECTED wins over NEEDS_REVIEW, which wins over
 * PARTIALLY_GRANTED and GRANTED; a rejection or referral reports every rejecting and referring
 * reason that fired, a grant its granting and supplementary reasons; amounts are rounded half-up
 * to cents at the end. Proved by {@code ExampleCasesTests}, {@code MotivationsTests} and, for
 * recomputation, {@code CaseApiIntegrationTests} and {@code ReferenceDateFunctionalTests}.
 *
 * <p>Every decision records the content hash of its rule set and norm version beside their
 * labels; a recomputation runs only exactly that content, and refuses otherwise ({@link
 * nl.beslisstraat.engine.decision.RecomputationRefused}). Proved by {@code
 * CaseApiIntegrationTests} and {@code ReferenceDateFunctionalTests}.
 */
package nl.beslisstraat.engine.decision;
