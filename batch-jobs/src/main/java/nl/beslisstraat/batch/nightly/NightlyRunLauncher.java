package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the nightly run for a date, or finishes it: a run that failed is restarted where its last
 * committed chunk ended, a completed run is not run again, and a run whose process was killed is
 * recovered first when the operator asks for it.
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
        // The run decides the default municipality's queue until runs are per municipality
        // (issue 10, item 5); its workers inherit it (NightlyDecisionsJobConfiguration).
        return Municipality.call(Municipality.DEFAULT, () -> start(runDate, label, recover));
    }

    private JobExecution start(LocalDate runDate, String label, boolean recover) throws Exception {
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
