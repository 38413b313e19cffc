package nl.beslisstraat.batch.manager;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nl.beslisstraat.batch.liveness.BatchProcess;
import nl.beslisstraat.batch.manager.RunRequest.Action;
import nl.beslisstraat.batch.manager.RunRequest.Outcome;
import nl.beslisstraat.batch.nightly.NightlyDecisionsJobConfiguration;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.batch.nightly.RunStillMarkedRunning;
import nl.beslisstraat.batch.nightly.RunTrigger;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.runs.BatchLiveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out the current municipality's open requests from the console, one at a time, oldest
 * first. A request is taken by one manager ({@code for update skip locked}), and its outcome is
 * written back for the console and the audit trail; a request whose manager died before it said
 * what came of it is taken again (what it did, such as a launch, is found done). The manager checks again what the console
 * checked: between the click and now the run may have ended or died.
 */
@Component
class RequestDesk {

    private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);

    private final JdbcTemplate jdbc;
    private final NightlyRunLauncher launcher;
    private final JobRepository jobRepository;
    private final BatchLiveness liveness;
    private final BatchProcess process;
    private final AuditLog audit;
    private final JsonMapper json;

    RequestDesk(
            JdbcTemplate jdbc,
            NightlyRunLauncher launcher,
            JobRepository jobRepository,
            BatchLiveness liveness,
            BatchProcess process,
            AuditLog audit,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.liveness = liveness;
        this.process = process;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Carries out every open request of the municipality; gives {@code launched} each execution it
     * started. Call as that municipality.
     */
    void carryOutOpen(String municipality, Consumer<JobExecution> launched) {
        for (Optional<RunRequest> request = take(); request.isPresent(); request = take()) {
            carryOut(municipality, request.get(), launched);
        }
    }

    private Optional<RunRequest> take() {
        return jdbc
                .query(
                        "update run_requests set taken_by = ?, taken_at = now() where id = ("
                                + " select r.id from run_requests r where r.done_at is null and (r.taken_at is null"
                                // a manager that died while carrying it out: the request is taken again
                                + " or not exists (select 1 from batch_processes p where p.id = r.taken_by"
                                + " and p.ended_at is null and p.last_beat > now() - make_interval(secs => ?)))"
                                + " order by r.id limit 1 for update skip locked)"
                                + " returning id, action, run_date, run_id, requested_by",
                        (row, n) -> new RunRequest(
                                row.getLong("id"),
                                Action.valueOf(row.getString("action")),
                                row.getObject("run_date", LocalDate.class),
                                (Long) row.getObject("run_id"),
                                row.getString("requested_by")),
                        process.id(),
                        liveness.deadAfter().toMillis() / 1000.0)
                .stream()
                .findFirst();
    }

    private void carryOut(String municipality, RunRequest request, Consumer<JobExecution> launched) {
        Long runId = request.runId();
        LocalDateTime launchedAt = LocalDateTime.now();
        Outcome outcome;
        try {
            if (request.action() == Action.START) {
                JobExecution execution = launcher.launch(
                        municipality, request.runDate(), null, RunTrigger.person(request.requestedBy()), false);
                runId = execution.getJobInstance().getInstanceId();
                outcome = started(execution, launchedAt, Outcome.STARTED, launched);
            } else {
                outcome = onRun(municipality, request, launchedAt, launched);
            }
        } catch (RunStillMarkedRunning running) {
            outcome = request.action() == Action.RECOVER ? Outcome.STILL_ALIVE : Outcome.ALREADY_RUNNING;
        } catch (Exception e) {
            log.error("Request {} ({}) of municipality {} failed", request.id(), request.action(), municipality, e);
            outcome = Outcome.ERROR;
        }
        jdbc.update(
                "update run_requests set done_at = now(), succeeded = ?, outcome = ?, run_id = ? where id = ?",
                outcome.succeeded,
                outcome.name(),
                runId,
                request.id());
        audit.appendAll(List.of(new AuditEntry(
                request.requestedBy(),
                "RUN_" + request.action().name(),
                "run",
                runId == null ? "-" : runId.toString(),
                json.writeValueAsString(Map.of(
                        "request", request.id(),
                        "outcome", outcome.name(),
                        "manager", process.id())))));
        log.info(
                "Request {} of municipality {} by {}: {} {} -> {}",
                request.id(),
                municipality,
                request.requestedBy(),
                request.action(),
                runId == null ? request.runDate() : "run " + runId,
                outcome);
    }

    /** Stop, restart or recover a run of the current municipality. */
    private Outcome onRun(
            String municipality, RunRequest request, LocalDateTime launchedAt, Consumer<JobExecution> launched)
            throws Exception {
        Optional<Map<String, Object>> run = jdbc
                .queryForList(
                        "select run_date, municipality from nightly_runs where run_id = ? and municipality = ?",
                        request.runId(),
                        municipality)
                .stream()
                .findFirst();
        JobInstance instance = jobRepository.getJobInstance(request.runId());
        if (run.isEmpty() || instance == null) {
            return Outcome.UNKNOWN_RUN; // not a run of this municipality's own
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        LocalDate runDate = ((Date) run.get().get("run_date")).toLocalDate();
        String label = last == null ? null : last.getJobParameters().getString(NightlyDecisionsJobConfiguration.LABEL);
        RunTrigger trigger = RunTrigger.person(request.requestedBy());
        return switch (request.action()) {
            case STOP -> {
                if (last == null || !last.isRunning() || last.getStatus() == BatchStatus.STOPPING) {
                    yield Outcome.NOT_RUNNING;
                }
                launcher.stop(last);
                yield Outcome.STOPPING;
            }
            case RESTART -> {
                if (last == null || last.isRunning()) {
                    yield Outcome.ALREADY_RUNNING;
                }
                if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
                    yield last.getStatus() == BatchStatus.COMPLETED
                            ? Outcome.ALREADY_COMPLETED
                            : Outcome.NOT_RESTARTABLE;
                }
                yield started(
                        launcher.launch(municipality, runDate, label, trigger, false),
                        launchedAt,
                        Outcome.RESTARTED,
                        launched);
            }
            case RECOVER -> {
                if (last == null || !last.isRunning()) {
                    yield Outcome.NOT_RUNNING;
                }
                Optional<String> owner = liveness.processOf(last.getId());
                if (owner.isEmpty() || liveness.alive(owner.get())) {
                    // No process of ours says whether it lives (a run from before heartbeats): that
                    // is for an operator on the command line (--recover), not for a click.
                    yield Outcome.STILL_ALIVE;
                }
                // The launch recovers a run whose process is dead, and finishes it.
                yield started(
                        launcher.launch(municipality, runDate, label, trigger, false),
                        launchedAt,
                        Outcome.RECOVERED,
                        launched);
            }
            case START -> throw new IllegalStateException("not a request on a run");
        };
    }

    /** A launch returns the night's completed execution rather than start it again. */
    private static Outcome started(
            JobExecution execution, LocalDateTime launchedAt, Outcome outcome, Consumer<JobExecution> launched) {
        if (execution.getCreateTime().isBefore(launchedAt)) {
            return execution.getStatus() == BatchStatus.COMPLETED ? Outcome.ALREADY_COMPLETED : Outcome.ALREADY_RUNNING;
        }
        launched.accept(execution);
        return outcome;
    }
}
