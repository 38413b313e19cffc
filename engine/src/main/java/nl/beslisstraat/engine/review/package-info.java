/**
 * Review tasks: the cases the rules hand to a person (behandelaar), each with the reasons it was
 * escalated, any processing error, and its legal decision deadline (beslistermijn). Proved by
 * {@code CaseApiIntegrationTests} and the nightly job's functional tests; the deadline itself is
 * computed by {@code regulation.DecisionDeadline}.
 */
package nl.beslisstraat.engine.review;
