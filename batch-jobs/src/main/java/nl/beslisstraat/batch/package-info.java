/**
 * The batch side of Beslisstraat: the {@code nightly-decisions} job ({@code nightly}) and the demo
 * seeder ({@code demo}). Batch code calls the engine's decision service in-process and never
 * touches Drools itself.
 */
package nl.beslisstraat.batch;
