/**
 * The throughput benchmark: the nightly run beside the raw floor of the database, on the same data,
 * in one process ({@code batch-jobs/benchmark.sh}, docs/performance.md).
 */
package nl.beslisstraat.batch.benchmark;
