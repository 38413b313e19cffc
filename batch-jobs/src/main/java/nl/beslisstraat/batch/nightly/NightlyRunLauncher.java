package nl.beslisstraat.batch.nightly;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.beslisstraat.batch.liveness.BatchProcess;
import nl.beslisstraat.engine.runs.BatchLiveness;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts the nightly run for a date, which takes the queues of all municipalities or of the one it
 * is started for, or finishes it: a run that failed or was stopped is restarted where its last
 * committed chunk ended, a completed run is not run again, and a run whose process died is recovered
 * first. A run for one municipality is a job instance of its own (run date and municipality), so
 * each municipality's night can be scheduled, restarted and recovered apart from the others'.
 *
 * <p>One night starts one run however many processes try at once: a launch holds the night's {@link
 * NightLock} while it checks the last execution and stores the new one, and after that Spring Batch
 * refuses a second execution of a running job instance. A run marked running whose process no
 * longer writes its heartbeat ({@link BatchLiveness}) is dead: it is recovered (marked failed) and
 * restarted, without anybody having to vouch for that.
 */
@Component
public class NightlyRunLauncher {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyDecisionsJob;
    private final DataSource dataSource;
    private final BatchLiveness liveness;
    private final NightlyRuns runs;
    private final BatchProcess process;

    NightlyRunLauncher(
            JobRepository jobRepository,
            ObjectProvider<JobRegistry> jobRegistry,
            Job nightlyDecisionsJob,
            DataSource dataSource,
            BatchLiveness liveness,
            NightlyRuns runs,
            BatchProcess process)
            throws Exception {
        this.jobRepository = jobRepository;
        this.nightlyDecisionsJob = nightlyDecisionsJob;
        this.dataSource = dataSource;
        this.liveness = liveness;
        this.runs = runs;
        this.process = process;
        // Runs go on in a thread of their own: a launch returns once the execution is stored, so
        // the night's lock is held for that moment only, and a manager stays free to take requests.
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(jobRegistry.getIfAvailable(MapJobRegistry::new));
        operator.setTaskExecutor(new SimpleAsyncTaskExecutor("nightly-run-"));
        operator.afterPropertiesSet();
        this.jobOperator = operator;
    }

    /** The run of every municipality's queue for {@code runDate}, to its end. */
    public JobExecution run(LocalDate runDate, boolean recover) throws Exception {
        return runFor(null, runDate, null, recover);
    }

    /**
     * @param label makes a separate run on the same date when given (the demo uses one per
     *     invocation, so that every demo decides the cases it just queued)
     */
    public JobExecution run(LocalDate runDate, String label, boolean recover) throws Exception {
        return runFor(null, runDate, label, recover);
    }

    /** The run of {@code municipality}'s queue (CBS code) for {@code runDate}, to its end. */
    public JobExecution runFor(String municipality, LocalDate runDate, boolean recover) throws Exception {
        return runFor(municipality, runDate, null, recover);
    }

    /** Launches the night from the command line and waits for its end. */
    public JobExecution runFor(String municipality, LocalDate runDate, String label, boolean recover) throws Exception {
        return awaitEnd(launch(municipality, runDate, label, RunTrigger.commandLine(), recover), running -> {});
    }

    /**
     * Launches the night and returns as soon as its execution is stored (the run goes on in a thread
     * of its own); returns the completed execution when the night completed already.
     *
     * @param municipality CBS code of the one municipality whose queue the run takes, or {@code
     *     null} for every municipality's
     * @param label makes a separate run on the same date when given
     * @param recover also recover a run marked running by a process this version did not record
     *     (an operator's word, for runs started before heartbeats existed)
     * @throws InvalidJobParametersException for a municipality that does not exist, before anything
     *     is stored or run
     * @throws RunStillMarkedRunning when the night runs (its process is alive) or is being launched
     */
    public JobExecution launch(
            String municipality, LocalDate runDate, String label, RunTrigger trigger, boolean recover)
            throws Exception {
        JobParameters identity = parameters(municipality, runDate, label);
        // Spring Batch validates only after it stored the job instance; a mistyped code leaves nothing.
        nightlyDecisionsJob.getJobParametersValidator().validate(identity);
        // A process that launches a night without being a manager is the command line's; from now
        // on it beats, and the run it launches is known to be alive by that.
        process.register(BatchProcess.Kind.COMMAND_LINE);
        String night = runDate + "/" + (municipality == null ? "*" : municipality) + "/" + (label == null ? "" : label);
        try (NightLock lock = NightLock.tryTake(dataSource, night)
                .orElseThrow(() -> RunStillMarkedRunning.beingLaunched(runDate, municipality))) {
            JobExecution last = jobRepository.getLastJobExecution(NightlyDecisionsJobConfiguration.JOB, identity);
            if (last != null && last.isRunning()) {
                last = recoverIfDead(last, runDate, municipality, recover);
            }
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return last;
            }
            JobExecution started = jobOperator.start(nightlyDecisionsJob, withTrigger(identity, trigger));
            // Owned from the moment it exists, before the night's lock is released: nobody may
            // take a run that was just launched for one whose process died.
            runs.executionStarted(started.getId(), started.getJobInstance().getInstanceId(), process.id(), trigger);
            return started;
        }
    }

    /**
     * Asks a running execution to stop at its next chunk boundary, in whatever process it and its
     * partitions run: each step reads the execution's status from the repository when it commits a
     * chunk, ends STOPPED, and the run ends STOPPED, ready to be restarted. Only the status is
     * written; a step's own record stays the business of the process that runs it (JobOperator.stop
     * would also write this process's stale copy of the running steps).
     */
    public void stop(JobExecution execution) {
        JobExecution latest = jobRepository.getJobExecution(execution.getId());
        if (latest != null && latest.isRunning()) {
            latest.setStatus(BatchStatus.STOPPING);
            jobRepository.update(latest);
        }
    }

    /**
     * Waits for the end of an execution, however long, calling {@code whileRunning} about every
     * half second with its latest state.
     */
    public JobExecution awaitEnd(JobExecution execution, Consumer<JobExecution> whileRunning)
            throws InterruptedException {
        JobExecution latest = execution;
        long endedAt = 0;
        // Spring Batch stores the final status before the listeners' afterJob writes the run's
        // summary: the run has ended when its row says so too. A few seconds at most, should a
        // run that never began never say it.
        long runId = execution.getJobInstance().getInstanceId();
        while (latest.isRunning() || !runs.finished(runId)) {
            if (!latest.isRunning()) {
                endedAt = endedAt == 0 ? System.nanoTime() : endedAt;
                if (System.nanoTime() - endedAt > SETTLE.toNanos()) {
                    break;
                }
            }
            Thread.sleep(POLL.toMillis());
            latest = jobRepository.getJobExecution(execution.getId());
            whileRunning.accept(latest);
        }
        return latest;
    }

    private JobExecution recoverIfDead(JobExecution last, LocalDate runDate, String municipality, boolean recover) {
        Optional<String> process = liveness.processOf(last.getId());
        boolean dead = process.map(id -> !liveness.alive(id)).orElse(recover);
        if (!dead) {
            throw RunStillMarkedRunning.alive(runDate, municipality, last.getId(), process.orElse(null));
        }
        JobExecution recovered = jobOperator.recover(last);
        runs.failedBecause(last.getJobInstance().getInstanceId(), "MANAGER_DIED", process.orElse(null));
        return recovered;
    }

    /** Refuses a municipality that does not exist ({@code null}: every municipality, fine). */
    public void check(String municipality) throws InvalidJobParametersException {
        nightlyDecisionsJob.getJobParametersValidator().validate(parameters(municipality, LocalDate.now(), null));
    }

    private static JobParameters parameters(String municipality, LocalDate runDate, String label) {
        JobParametersBuilder builder =
                new JobParametersBuilder().addLocalDate(NightlyDecisionsJobConfiguration.RUN_DATE, runDate);
        if (municipality != null) {
            builder.addString(NightlyDecisionsJobConfiguration.MUNICIPALITY, municipality);
        }
        if (label != null) {
            builder.addString(NightlyDecisionsJobConfiguration.LABEL, label);
        }
        return builder.toJobParameters();
    }

    /** Who started this execution: not part of the run's identity, so any trigger may restart it. */
    private static JobParameters withTrigger(JobParameters identity, RunTrigger trigger) {
        JobParametersBuilder builder = new JobParametersBuilder(identity)
                .addString(
                        NightlyDecisionsJobConfiguration.TRIGGER, trigger.kind().name(), false);
        if (trigger.by() != null) {
            builder.addString(NightlyDecisionsJobConfiguration.TRIGGERED_BY, trigger.by(), false);
        }
        return builder.toJobParameters();
    }
}
