package nl.beslisstraat.batch.manager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.batch.nightly.RunStillMarkedRunning;
import nl.beslisstraat.batch.nightly.RunTrigger;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts the current municipality's run when its schedule says so. A planned start is taken by the
 * one manager whose update moves {@code last_planned_start} past it (the row lock makes the others
 * wait and then find it moved), and the launch itself holds the night's lock; so however many
 * managers tick at once, one planned start launches one run.
 */
@Component
class ScheduledStarts {

    private static final Logger log = LoggerFactory.getLogger(ScheduledStarts.class);

    private final JdbcTemplate jdbc;
    private final NightlyRunLauncher launcher;
    private final AuditLog audit;
    private final Duration grace;

    ScheduledStarts(
            JdbcTemplate jdbc,
            NightlyRunLauncher launcher,
            AuditLog audit,
            @Value("${beslisstraat.manager.missed-start-grace:1h}") Duration grace) {
        this.jdbc = jdbc;
        this.launcher = launcher;
        this.audit = audit;
        this.grace = grace;
    }

    /**
     * Launches the municipality's run when a planned start is due; returns it if it did. Call as
     * that municipality.
     */
    Optional<JobExecution> startIfDue(String municipality) {
        List<Map<String, Object>> schedule =
                jdbc.queryForList("select cron, coalesce(last_planned_start, changed_at) as after, now() as now"
                        + " from nightly_schedules where not paused");
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        DueStarts planned = new DueStarts((String) schedule.get(0).get("cron"));
        Instant after = ((Timestamp) schedule.get(0).get("after")).toInstant();
        Instant now = ((Timestamp) schedule.get(0).get("now")).toInstant();
        Optional<ZonedDateTime> due = planned.due(after, now, grace);
        if (due.isEmpty()) {
            // A start missed by more than the grace is passed over, so it does not fire later.
            planned.latest(after, now).ifPresent(missed -> {
                if (take(missed)) {
                    log.warn(
                            "Planned start {} of municipality {} was missed by more than {}; not started",
                            missed,
                            municipality,
                            grace);
                }
            });
            return Optional.empty();
        }
        ZonedDateTime start = due.get();
        if (!take(start)) {
            return Optional.empty(); // another manager took it
        }
        try {
            LocalDateTime launchedAt = LocalDateTime.now();
            JobExecution execution =
                    launcher.launch(municipality, start.toLocalDate(), null, RunTrigger.schedule(), false);
            if (execution.getCreateTime().isBefore(launchedAt)) {
                log.info(
                        "Planned start {} of municipality {}: its night completed already (run {})",
                        start,
                        municipality,
                        execution.getJobInstance().getInstanceId());
                return Optional.empty();
            }
            audit.appendAll(List.of(new AuditEntry(
                    "schedule",
                    "RUN_STARTED",
                    "run",
                    Long.toString(execution.getJobInstance().getInstanceId()),
                    "{\"plannedStart\":\"" + start.toOffsetDateTime() + "\",\"runDate\":\"" + start.toLocalDate()
                            + "\"}")));
            log.info(
                    "Planned start {} of municipality {}: run {} ({})",
                    start,
                    municipality,
                    execution.getJobInstance().getInstanceId(),
                    execution.getStatus());
            return Optional.of(execution);
        } catch (RunStillMarkedRunning running) {
            log.info("Planned start {} of municipality {}: {}", start, municipality, running.getMessage());
            return Optional.empty();
        } catch (Exception e) {
            log.error("Planned start {} of municipality {} failed to launch", start, municipality, e);
            return Optional.empty();
        }
    }

    /** Moves the schedule past {@code start}; true for the one manager that did. */
    private boolean take(ZonedDateTime start) {
        Timestamp planned = Timestamp.from(start.toInstant());
        return jdbc.update(
                        "update nightly_schedules set last_planned_start = ?"
                                + " where not paused and (last_planned_start is null or last_planned_start < ?)",
                        planned,
                        planned)
                == 1;
    }
}
