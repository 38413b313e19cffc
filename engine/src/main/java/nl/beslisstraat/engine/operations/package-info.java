/**
 * Operations telemetry: what an operator's Prometheus scrapes and what the health endpoint says of
 * the nightly run.
 *
 * <ul>
 *   <li>{@link nl.beslisstraat.engine.operations.MunicipalityFigures} are a municipality's queue,
 *       review backlog and latest runs, read while working for that municipality (row-level
 *       security) and kept for a few seconds ({@link nl.beslisstraat.engine.operations.OperationsFigures}).
 *   <li>{@link nl.beslisstraat.engine.operations.OperationsMeters} turns figures into the
 *       {@code beslisstraat_*} series, tagged with the municipality: the application's own registry
 *       ({@code /actuator/prometheus}, the platform administrator's) has every municipality's;
 *       {@code /api/operations/metrics} renders, per request, only the caller's municipality's
 *       (all of them for the platform administrator), so a municipality's monitoring account never
 *       gets another's numbers.
 *   <li>{@link nl.beslisstraat.engine.operations.NightlyRunHealthIndicator} ({@code nightlyRun}) says
 *       STUCK when a run has made no progress for {@code beslisstraat.operations.stuck-after}.
 * </ul>
 *
 * <p>Proved by {@code OperationsMetricsIntegrationTests} and {@code NightlyRunHealthIntegrationTests};
 * docs/operations.md, "Watching from outside" says what each series means.
 */
package nl.beslisstraat.engine.operations;
