package nl.beslisstraat.batch.nightly;

import java.util.List;
import nl.beslisstraat.batch.liveness.BatchProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps the nightly_runs row of a run current (with the municipality it is for, if one, what
 * started it, and how many cases it has to decide), records which process runs each execution and
 * why a failed one failed, and logs its summary, in total and per municipality, when it ends.
 */
class NightlyRunListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunListener.class);

    private final NightlyRuns runs;
    private final ChunkProgress progress;
    private final BatchProcess process;

    NightlyRunListener(NightlyRuns runs, ChunkProgress progress, BatchProcess process) {
        this.runs = runs;
        this.progress = progress;
        this.process = process;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        JobParameters parameters = execution.getJobParameters();
        String municipality = parameters.getString(NightlyDecisionsJobConfiguration.MUNICIPALITY);
        RunTrigger trigger = new RunTrigger(
                RunTrigger.Kind.valueOf(parameters.getString(
                        NightlyDecisionsJobConfiguration.TRIGGER, RunTrigger.Kind.COMMAND_LINE.name())),
                parameters.getString(NightlyDecisionsJobConfiguration.TRIGGERED_BY));
        runs.started(runId, parameters.getLocalDate(NightlyDecisionsJobConfiguration.RUN_DATE), municipality, trigger);
        runs.executionStarted(execution.getId(), runId, process.id(), trigger);
        List<String> municipalities = municipality != null
                ? List.of(municipality)
                : List.copyOf(runs.municipalities().keySet());
        // What it decided before a restart and what is queued now: the whole of this run's work.
        runs.queuedAtStart(runId, progress.decided(runId, municipalities) + progress.queued(municipalities));
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() == BatchStatus.FAILED) {
            runs.failedBecause(runId, "STEP_FAILED", firstError(execution));
        }
        RunSummary summary = runs.finished(runId, execution.getStatus().name());
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

    private static String firstError(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(failure -> failure.getClass().getSimpleName() + ": " + failure.getMessage())
                .findFirst()
                .orElse(null);
    }
}
