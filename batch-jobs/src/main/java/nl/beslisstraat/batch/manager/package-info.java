/**
 * The manager: a long-running batch process ({@code --manager}) that starts each municipality's
 * nightly run on its schedule ({@link nl.beslisstraat.batch.manager.ScheduledStarts}) and carries
 * out what schedulers ask in the console ({@link nl.beslisstraat.batch.manager.RequestDesk}). The
 * console and the manager share only the database: the console writes {@code nightly_schedules} and
 * {@code run_requests}, a manager takes them. Any number of managers may run; each planned start and
 * each request is taken by one of them, and one night starts one run.
 */
package nl.beslisstraat.batch.manager;
