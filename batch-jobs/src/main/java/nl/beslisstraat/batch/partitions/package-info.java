/**
 * The nightly run spread over worker processes (Spring Batch remote partitioning): with {@code
 * beslisstraat.nightly.partitions.channel=postgres} the run's {@code decide-queue} step sends each
 * partition as a request over a channel kept in PostgreSQL ({@link
 * nl.beslisstraat.batch.partitions.PartitionChannel}); {@code --worker} processes ({@link
 * nl.beslisstraat.batch.partitions.WorkerMode}) on any machine take the requests, claim them and
 * run the partitions; the manager waits in the job repository and fails the partitions of workers
 * that died ({@link nl.beslisstraat.batch.partitions.DeadWorkerWatch}), so that a restart finishes
 * them. Cases are decided exactly once whatever dies, because the queue itself is the progress (see
 * {@code nl.beslisstraat.batch.nightly}). Proved by {@code RemotePartitionsFunctionalTests}: a
 * worker killed with SIGKILL, and one stopped with SIGTERM, while they decide.
 */
package nl.beslisstraat.batch.partitions;
