/**
 * Which batch processes are alive: each manager, worker and command-line run writes a heartbeat to
 * {@code batch_processes} every {@link nl.beslisstraat.batch.liveness.BatchProcess#BEAT}; one whose
 * heartbeat is older than {@code beslisstraat.batch.dead-after} is dead, and the runs and partitions
 * it held are failed so that a restart can finish them. Death is read from a heartbeat that stopped,
 * never from a person's word or from what the job repository still says.
 */
package nl.beslisstraat.batch.liveness;
