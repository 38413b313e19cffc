package nl.beslisstraat.batch.partitions;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.batch.nightly.NightlyDecisionsJobConfiguration;
import nl.beslisstraat.batch.nightly.NightlyRuns;
import nl.beslisstraat.engine.runs.BatchLiveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks out, while the manager waits for a run's partitions, for what would make it wait forever:
 *
 * <ul>
 *   <li>a partition claimed by a worker that died (its heartbeat stopped, {@link BatchLiveness}): the
 *       partition's step execution is marked FAILED, naming the worker, and the run's {@code
 *       nightly_runs} row says {@code WORKER_DIED}. The manager's polling then sees every partition
 *       ended, and the run ends FAILED; a restart sends only the partitions that did not complete.
 *   <li>a run being stopped: the partitions no worker has taken yet are marked STOPPED, the taken
 *       ones stop at their next chunk by themselves, and the run ends STOPPED.
 * </ul>
 *
 * A death is noticed within {@code beslisstraat.batch.dead-after} (15 s) + {@link #EVERY} (2 s) +
 * the manager's poll (1 s): under 20 s.
 */
class DeadWorkerWatch {

    /** How often the watch looks. */
    static final Duration EVERY = Duration.ofSeconds(2);

    static final String WORKER_DIED = "WORKER_DIED";

    private static final Logger log = LoggerFactory.getLogger(DeadWorkerWatch.class);

    private static final String PARTITIONS =
            "se.job_execution_id = ? and se.step_name like '" + NightlyDecisionsJobConfiguration.SLICE_STEP + ":%'";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final BatchLiveness liveness;
    private final NightlyRuns runs;

    DeadWorkerWatch(JdbcTemplate jdbc, JobRepository jobRepository, BatchLiveness liveness, NightlyRuns runs) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.liveness = liveness;
    }

    /** Looks out for {@code jobExecution}'s partitions until the returned watching is closed. */
    Watching start(JobExecution jobExecution) {
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-worker-watch-" + jobExecution.getId());
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(
                () -> look(jobExecution), EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return watch::shutdownNow;
    }

    void look(JobExecution jobExecution) {
        try {
            failPartitionsOfDeadWorkers(jobExecution);
            stopUntakenPartitionsOfAStoppingRun(jobExecution.getId());
        } catch (RuntimeException e) {
            // A database that is away for a moment must not end the watch; the next look tries again.
            log.warn("Could not look for dead workers of job execution {}: {}", jobExecution.getId(), e.toString());
        }
    }

    private void failPartitionsOfDeadWorkers(JobExecution jobExecution) {
        List<Map<String, Object>> claimed = jdbc.queryForList(
                "select se.step_execution_id, c.process_id from batch_step_execution se"
                        + " join partition_claims c on c.step_execution_id = se.step_execution_id"
                        + " where " + PARTITIONS + " and se.status in ('STARTING', 'STARTED', 'STOPPING')",
                jobExecution.getId());
        Map<String, Boolean> alive = new HashMap<>();
        for (Map<String, Object> claim : claimed) {
            long stepExecutionId = ((Number) claim.get("step_execution_id")).longValue();
            String process = (String) claim.get("process_id");
            if (alive.computeIfAbsent(process, liveness::alive)) {
                continue;
            }
            String why = "Worker " + process + " died (no heartbeat for "
                    + liveness.deadAfter().toSeconds() + " s) while it ran this partition";
            if (end(stepExecutionId, BatchStatus.FAILED, ExitStatus.FAILED.addExitDescription(why))) {
                runs.failedBecause(jobExecution.getJobInstance().getInstanceId(), WORKER_DIED, process);
                log.error(
                        "Partition {} of run {} failed: {}",
                        stepExecutionId,
                        jobExecution.getJobInstance().getInstanceId(),
                        why);
            }
        }
    }

    private void stopUntakenPartitionsOfAStoppingRun(long jobExecutionId) {
        List<Long> untaken = jdbc.queryForList(
                "select se.step_execution_id from batch_step_execution se"
                        + " join batch_job_execution je on je.job_execution_id = se.job_execution_id"
                        // JobOperator.stop writes STOPPED at once when it sets an end time, STOPPING otherwise
                        + " where " + PARTITIONS
                        + " and je.status in ('STOPPING', 'STOPPED') and se.status = 'STARTING'"
                        + " and not exists (select 1 from partition_claims c where c.step_execution_id = se.step_execution_id)",
                Long.class,
                jobExecutionId);
        for (long stepExecutionId : untaken) {
            end(
                    stepExecutionId,
                    BatchStatus.STOPPED,
                    ExitStatus.STOPPED.addExitDescription("The run was stopped before a worker took this partition"));
        }
    }

    /**
     * Ends a partition that is still running by the repository's word; false when it ended, or a
     * worker changed it, in the meantime (the worker's word wins).
     */
    private boolean end(long stepExecutionId, BatchStatus status, ExitStatus exitStatus) {
        StepExecution partition = jobRepository.getStepExecution(stepExecutionId);
        if (partition == null || !partition.getStatus().isRunning()) {
            return false;
        }
        partition.setStatus(status);
        partition.setExitStatus(exitStatus);
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return false;
        }
    }

    /** The watch of one step execution's partitions; closing it ends the watch. */
    interface Watching extends AutoCloseable {
        @Override
        void close();
    }
}
