/**
 * The Beslisstraat engine. Features, one package each, in the order a case meets them:
 * {@code intake} (REST API) -> {@code cases} (queue) -> {@code regulation} (rule sets in force)
 * -> {@code decision} (rules to motivated outcome, and recording it) -> {@code review} (tasks for
 * people) and {@code audit} (the trail). {@code database} starts an embedded PostgreSQL when no
 * datasource is configured.
 */
package nl.beslisstraat.engine;
