/**
 * The schedulers' console: when a municipality's nightly run starts (a cron expression read in
 * Dutch time), requests to start, stop, restart or recover a run, a run's live progress and the
 * history of runs. The engine never runs a job itself: it writes schedules and requests to the
 * database and reads what the batch processes (manager and workers) write there. Proven by
 * RunApiIntegrationTests, PlannedStartsTests and SchedulerBrowserTests.
 */
package nl.beslisstraat.engine.runs;
