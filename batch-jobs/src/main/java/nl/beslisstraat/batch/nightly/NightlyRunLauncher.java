package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the nightly run for a date, which takes the queues of all municipalities, or finishes it:
 * a run that failed is restarted where its last committed chunk ended, a completed run is not run
 * again, and a run whose process was killed is recovered first when the operator asks for it.
 */
@Component
public class NightlyRunLauncher {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyDecisionsJob;

    NightlyRunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyDecisionsJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyDecisionsJob = nightlyDecisionsJob;
    }

    public JobExecution run(LocalDate runDate, boolean recover) throws Exception {
        return run(runDate, null, recover);
    }

    /**
     * @param label makes a separate run on the same date when given (the demo uses one per
     *     invocation, so that every demo decides the cases it just queued)
     */
    public JobExecution run(LocalDate runDate, String label, boolean recover) throws Exception {
        // One run takes every municipality's queue: each worker step works for its partition's
        // municipality (NightlyDecisionsJobConfiguration), whatever this thread works for.
        JobParametersBuilder builder =
                new JobParametersBuilder().addLocalDate(NightlyDecisionsJobConfiguration.RUN_DATE, runDate);
        if (label != null) {
            builder.addString(NightlyDecisionsJobConfiguration.LABEL, label);
        }
        JobParameters parameters = builder.toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(NightlyDecisionsJobConfiguration.JOB, parameters);
        if (last != null && last.isRunning()) {
            if (!recover) {
                throw new RunStillMarkedRunning(runDate, last.getId());
            }
            last = jobOperator.recover(last);
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return last;
        }
        return jobOperator.start(nightlyDecisionsJob, parameters);
    }
}
