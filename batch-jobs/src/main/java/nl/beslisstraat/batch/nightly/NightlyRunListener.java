package nl.beslisstraat.batch.nightly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps the nightly_runs row of a run current (with the municipality it is for, if one) and logs
 * its summary, in total and per municipality, when an execution ends.
 */
class NightlyRunListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunListener.class);

    private final NightlyRuns runs;

    NightlyRunListener(NightlyRuns runs) {
        this.runs = runs;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runs.started(
                execution.getJobInstance().getInstanceId(),
                execution.getJobParameters().getLocalDate(NightlyDecisionsJobConfiguration.RUN_DATE),
                execution.getJobParameters().getString(NightlyDecisionsJobConfiguration.MUNICIPALITY));
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunSummary summary = runs.finished(
                execution.getJobInstance().getInstanceId(),
                execution.getStatus().name());
        RunCounts total = summary.total();
        log.info(
                "Nightly run {}{} (run {}) {}: {} cases decided, {} to review, {} failed, {} still queued",
                summary.runDate(),
                summary.municipality() == null ? "" : " for " + summary.municipality(),
                summary.runId(),
                summary.status(),
                total.read(),
                total.toReview(),
                total.failed(),
                summary.stillQueued());
        summary.byMunicipality()
                .forEach((code, municipality) -> log.info(
                        "Nightly run {} (run {}) in {} {}: {} cases decided, {} to review, {} failed, {} still queued",
                        summary.runDate(),
                        summary.runId(),
                        code,
                        municipality.name(),
                        municipality.counts().read(),
                        municipality.counts().toReview(),
                        municipality.counts().failed(),
                        municipality.stillQueued()));
    }
}
