package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts the nightly run for a date, which takes the queues of all municipalities or of the one it
 * is started for, or finishes it: a run that failed is restarted where its last committed chunk
 * ended, a completed run is not run again, and a run whose process was killed is recovered first
 * when the operator asks for it. A run for one municipality is a job instance of its own (run date
 * and municipality), so each municipality's night can be scheduled, restarted and recovered apart
 * from the others'.
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

    /** The run of every municipality's queue for {@code runDate}. */
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

    /** The run of {@code municipality}'s queue (CBS code) for {@code runDate}. */
    public JobExecution runFor(String municipality, LocalDate runDate, boolean recover) throws Exception {
        return runFor(municipality, runDate, null, recover);
    }

    /**
     * @param municipality CBS code of the one municipality whose queue the run takes, or {@code
     *     null} for every municipality's
     * @param label makes a separate run on the same date when given
     * @throws InvalidJobParametersException for a municipality that does not exist, before anything
     *     is stored or run
     */
    public JobExecution runFor(String municipality, LocalDate runDate, String label, boolean recover) throws Exception {
        // Each worker step works for its partition's municipality (NightlyDecisionsJobConfiguration),
        // whatever this thread works for.
        JobParameters parameters = parameters(municipality, runDate, label);
        // Spring Batch validates only after it stored the job instance; a mistyped code leaves nothing.
        nightlyDecisionsJob.getJobParametersValidator().validate(parameters);
        JobExecution last = jobRepository.getLastJobExecution(NightlyDecisionsJobConfiguration.JOB, parameters);
        if (last != null && last.isRunning()) {
            if (!recover) {
                throw new RunStillMarkedRunning(runDate, municipality, last.getId());
            }
            last = jobOperator.recover(last);
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return last;
        }
        return jobOperator.start(nightlyDecisionsJob, parameters);
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
}
