/**
 * The {@code nightly-decisions} job: reads the QUEUED cases in id order, decides them in chunks
 * with the engine's {@link nl.beslisstraat.engine.decision.DecisionService}, and records each
 * chunk (decisions, review tasks, status changes, audit entries) in one transaction. One run takes
 * every municipality's queue, each slice of it working for its municipality (row-level security),
 * and reports per municipality and in total; proved by {@code
 * NightlyDecisionsFunctionalTests#decidesTheQueuesOfEveryMunicipalityInOneRunEachInItsOwnMunicipality}.
 * A municipality with a schedule of its own has runs of its own ({@code --municipality}, a job
 * parameter and so part of the run's identity) that take only its queue and are restarted apart from
 * the others'; proved by {@code
 * NightlyDecisionsFunctionalTests#aRunForOneMunicipalityDecidesOnlyItsQueueAndARunForAllDecidesTheRest}
 * and {@code #restartsAFailedRunOfOneMunicipalityApartFromTheOthers}.
 *
 * <p>Restart safety comes from the process indicator pattern: a case's status changes in the
 * same transaction as its decision is written, and the reader only ever sees QUEUED cases. A
 * restarted run therefore continues where the last committed chunk ended, and a partial unique
 * index makes a second automated decision for one case impossible. Proved by
 * {@code NightlyDecisionsFunctionalTests} (10,000 cases, a failing run restarted, a killed run
 * recovered).
 */
package nl.beslisstraat.batch.nightly;
