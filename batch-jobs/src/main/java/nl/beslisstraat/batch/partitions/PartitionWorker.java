package nl.beslisstraat.batch.partitions;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.batch.nightly.MunicipalitySliceStep;
import nl.beslisstraat.batch.nightly.NightlyDecisionsJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One consumer thread of a worker process: takes a partition off the channel ({@link
 * PartitionClaims}), runs it (the slice step for the partition's municipality, as the run's own
 * process would), and takes the next, until the process stops taking. A request whose partition or
 * run ended meanwhile (a stale message of an earlier, failed or stopped execution) is not run.
 */
class PartitionWorker implements Runnable {

    /** How long a consumer waits before it looks at an empty channel again. */
    static final Duration IDLE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final PartitionClaims claims;
    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler handler;
    private final String processId;
    private final CountDownLatch stopTaking;
    private final Map<Long, StepExecution> inFlight;

    /**
     * @param inFlight the partitions this process runs now, by step execution id, shared by its
     *     consumers so that a shutdown can ask them to stop
     */
    PartitionWorker(
            PartitionClaims claims,
            JobRepository jobRepository,
            Step slice,
            String processId,
            CountDownLatch stopTaking,
            Map<Long, StepExecution> inFlight) {
        this.claims = claims;
        this.jobRepository = jobRepository;
        this.processId = processId;
        this.stopTaking = stopTaking;
        this.inFlight = inFlight;
        this.handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        Step tracked = new InFlightStep(new MunicipalitySliceStep(slice), inFlight);
        handler.setStepLocator(name -> NightlyDecisionsJobConfiguration.SLICE_STEP.equals(name) ? tracked : null);
    }

    static Map<Long, StepExecution> noneInFlight() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void run() {
        while (stopTaking.getCount() > 0) {
            try {
                Optional<StepExecutionRequest> request = claims.claimNext();
                if (request.isPresent()) {
                    run(request.get());
                } else {
                    stopTaking.await(IDLE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database away for a moment, say: the next look tries again.
                log.warn("Worker {} could not take a partition: {}", processId, e.toString());
                try {
                    stopTaking.await(IDLE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run(StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            System.out.printf("Worker %s skipped %s: no such step execution%n", processId, request);
            return;
        }
        String name = partition.getStepName() + " (step execution " + partition.getId() + ") of run "
                + partition.getJobExecution().getJobInstance().getInstanceId();
        if (!runnable(partition)) {
            return;
        }
        System.out.printf("Worker %s took partition %s%n", processId, name);
        StepExecution ended = handler.handle(request);
        System.out.printf(
                "Worker %s finished partition %s: %s, %,d cases written%n",
                processId, name, ended.getStatus(), ended.getWriteCount());
    }

    /**
     * Whether the partition is still waiting for a worker in a run that goes on; a partition that
     * is not is ended here when nobody else will end it.
     */
    private boolean runnable(StepExecution partition) {
        JobExecution run = partition.getJobExecution();
        boolean runGoesOn = run.getStatus() == BatchStatus.STARTING || run.getStatus() == BatchStatus.STARTED;
        if (partition.getStatus() == BatchStatus.STARTING && runGoesOn) {
            return true;
        }
        System.out.printf(
                "Worker %s skipped partition %s (step execution %d): it is %s in a run that is %s%n",
                processId, partition.getStepName(), partition.getId(), partition.getStatus(), run.getStatus());
        if (partition.getStatus() == BatchStatus.STARTING) {
            boolean stopped = run.getStatus() == BatchStatus.STOPPING || run.getStatus() == BatchStatus.STOPPED;
            partition.setStatus(stopped ? BatchStatus.STOPPED : BatchStatus.FAILED);
            partition.setExitStatus((stopped ? ExitStatus.STOPPED : ExitStatus.FAILED)
                    .addExitDescription("Not run: the run was " + run.getStatus() + " when a worker took it"));
            partition.setEndTime(LocalDateTime.now());
            try {
                jobRepository.update(partition);
            } catch (OptimisticLockingFailureException endedMeanwhile) {
                // The manager ended it first; its word stands.
            }
        }
        return false;
    }

    /** The slice step, known as in flight while it runs so that a shutdown can reach it. */
    private static final class InFlightStep implements Step {

        private final Step step;
        private final Map<Long, StepExecution> inFlight;

        InFlightStep(Step step, Map<Long, StepExecution> inFlight) {
            this.step = step;
            this.inFlight = inFlight;
        }

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public void execute(StepExecution stepExecution) throws JobInterruptedException {
            inFlight.put(stepExecution.getId(), stepExecution);
            try {
                step.execute(stepExecution);
            } finally {
                inFlight.remove(stepExecution.getId());
            }
        }
    }
}
