package nl.beslisstraat.engine.operations;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code nightlyRun} in {@code /actuator/health}: {@value #STUCK_CODE} (HTTP 503) while a run of the
 * nightly job runs and has made no progress for {@code beslisstraat.operations.stuck-after} (10
 * minutes), UP otherwise. A run's progress is the latest change the job repository saw of it or of
 * any of its step executions (Spring Batch writes a step execution at every chunk's commit); only
 * when that is older than the limit is its {@code run_progress} read as well, per municipality,
 * because that table is under row-level security. So a healthy check costs one query.
 *
 * <p>The job repository's times are timestamps without a zone, written in the batch process's
 * local time; they are read in this connection's zone, which the driver sets to this JVM's: the
 * engine and the batch processes are expected to run in the same zone.
 */
@Component("nightlyRunHealthIndicator")
class NightlyRunHealthIndicator implements HealthIndicator {

    static final String STUCK_CODE = "STUCK";

    /** A run that stopped making progress; mapped to 503 in application.yaml. */
    static final Status STUCK = new Status(STUCK_CODE, "A nightly run has made no progress for too long");

    private static final String JOB = "nightly-decisions";

    private final JdbcTemplate jdbc;
    private final Duration stuckAfter;

    NightlyRunHealthIndicator(
            JdbcTemplate jdbc, @Value("${beslisstraat.operations.stuck-after:10m}") Duration stuckAfter) {
        this.jdbc = jdbc;
        this.stuckAfter = stuckAfter;
    }

    private record Running(long jobExecutionId, long runId, OffsetDateTime lastProgress) {}

    @Override
    public Health health() {
        List<Running> runs = jdbc.query(
                "select e.job_execution_id, e.job_instance_id,"
                        + " greatest(e.create_time, e.start_time, e.last_updated, (select max(s.last_updated)"
                        + " from batch_step_execution s where s.job_execution_id = e.job_execution_id))::timestamptz"
                        + " as last_progress"
                        + " from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id"
                        + " where i.job_name = ? and e.status in ('STARTING', 'STARTED', 'STOPPING')"
                        + " order by e.job_execution_id",
                (row, n) -> new Running(
                        row.getLong("job_execution_id"),
                        row.getLong("job_instance_id"),
                        row.getObject("last_progress", OffsetDateTime.class)),
                JOB);
        if (runs.isEmpty()) {
            return Health.up()
                    .withDetail("running", List.of())
                    .withDetail("stuckAfter", stuckAfter.toString())
                    .build();
        }
        // the database's clock, as the times compared with it are the database's
        OffsetDateTime limit =
                jdbc.queryForObject("select now()", OffsetDateTime.class).minus(stuckAfter);
        boolean stuck = false;
        List<Map<String, Object>> details = new ArrayList<>();
        for (Running run : runs) {
            OffsetDateTime lastProgress = run.lastProgress();
            if (lastProgress.isBefore(limit)) {
                lastProgress = latest(lastProgress, countedProgress(run.runId()));
            }
            boolean thisStuck = lastProgress.isBefore(limit);
            stuck |= thisStuck;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("runId", run.runId());
            detail.put("jobExecutionId", run.jobExecutionId());
            detail.put("lastProgress", lastProgress.toString());
            detail.put("stuck", thisStuck);
            details.add(detail);
        }
        return (stuck ? Health.status(STUCK) : Health.up())
                .withDetail("running", details)
                .withDetail("stuckAfter", stuckAfter.toString())
                .build();
    }

    /** The latest progress counted in {@code run_progress} for the run, or null when none. */
    private OffsetDateTime countedProgress(long runId) {
        List<String> municipalities = jdbc.queryForList(
                "select m.cbs_code from municipalities m join nightly_runs r on r.run_id = ?"
                        + " where r.municipality is null or r.municipality = m.cbs_code",
                String.class,
                runId);
        OffsetDateTime latest = null;
        for (String municipality : municipalities) {
            try (Municipality.Scope ignored = Municipality.enter(municipality)) {
                latest = latest(
                        latest,
                        jdbc.queryForObject(
                                "select max(updated_at) from run_progress where run_id = ?",
                                OffsetDateTime.class,
                                runId));
            }
        }
        return latest;
    }

    private static OffsetDateTime latest(OffsetDateTime one, OffsetDateTime other) {
        if (one == null) {
            return other;
        }
        return other == null || one.isAfter(other) ? one : other;
    }
}
