package nl.beslisstraat.engine.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runs of the current municipality: its own runs and the runs of all municipalities ({@code
 * nightly_runs.municipality} null). {@code nightly_runs} is not under row-level security, so the
 * municipality is filtered here, and {@link #find} is how every action checks a run is the
 * municipality's before acting on it.
 */
@Repository
public class RunHistory {

    /** Statuses of a job execution while a process is (or should be) working on it. */
    static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

    /**
     * One run as the history shows it.
     *
     * @param forAll whether the run took every municipality's queue (its counts here are the own ones)
     * @param status the run's status ({@code nightly_runs.status}; STARTED while it runs)
     * @param executionStatus the status of its latest job execution (its attempts), if any
     * @param trigger SCHEDULE, PERSON or COMMAND_LINE (the first attempt's), if known
     * @param triggeredBy the person, when a person started it
     * @param attempts the number of job executions (a restart is one more)
     * @param counts the municipality's counts, when the run has finished
     * @param casesPerSecond cases read per second from start to end, when finished
     */
    public record Run(
            long runId,
            LocalDate runDate,
            boolean forAll,
            String status,
            String executionStatus,
            Long latestExecutionId,
            String trigger,
            String triggeredBy,
            int attempts,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            RunCounts counts,
            Double casesPerSecond,
            Long queuedAtStart,
            String errorCode,
            String errorDetail) {

        /** Whether its latest attempt is still marked as running. */
        @JsonProperty
        public boolean running() {
            return executionStatus != null ? RUNNING.contains(executionStatus) : "STARTED".equals(status);
        }

        /** Whether a restart may continue it. */
        @JsonProperty
        public boolean restartable() {
            // a run without a job execution of its own (written before the console) goes by its row
            String state = executionStatus != null ? executionStatus : status;
            return !running() && ("FAILED".equals(state) || "STOPPED".equals(state));
        }
    }

    /** What the history is narrowed to; null means any. */
    public record Filter(String status, LocalDate from, LocalDate to) {

        public static Filter of(String status, LocalDate from, LocalDate to) {
            return new Filter(status == null || status.isBlank() ? null : status.trim(), from, to);
        }
    }

    private static final String SELECT = "select r.run_id, r.run_date, r.municipality is null as for_all, r.status,"
            + " r.started_at, r.finished_at, r.summary::text as summary, r.queued_at_start, r.error_code, r.error_detail,"
            + " coalesce(r.trigger, first.trigger) as trigger, coalesce(r.triggered_by, first.triggered_by) as triggered_by,"
            + " latest.job_execution_id as latest_execution, latest.status as execution_status,"
            + " (select count(*) from batch_job_execution e where e.job_instance_id = r.run_id) as attempts"
            + " from nightly_runs r"
            + " left join lateral (select x.trigger, x.triggered_by from run_executions x where x.run_id = r.run_id"
            + " order by x.job_execution_id limit 1) first on true"
            + " left join lateral (select e.job_execution_id, e.status from batch_job_execution e"
            + " where e.job_instance_id = r.run_id order by e.job_execution_id desc limit 1) latest on true"
            + " where (r.municipality = ? or r.municipality is null)";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RunHistory(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The runs, newest first, at most 200. */
    public List<Run> list(Filter filter) {
        String own = own();
        return jdbc.query(
                SELECT
                        + " and (?::text is null or r.status = ?)"
                        + " and (?::date is null or r.run_date >= ?) and (?::date is null or r.run_date <= ?)"
                        + " order by r.started_at desc, r.run_id desc limit 200",
                (row, n) -> run(row, own),
                own,
                filter.status(),
                filter.status(),
                filter.from(),
                filter.from(),
                filter.to(),
                filter.to());
    }

    /** The run, when it is the current municipality's (or of all municipalities). */
    public Optional<Run> find(long runId) {
        String own = own();
        return jdbc.query(SELECT + " and r.run_id = ?", (row, n) -> run(row, own), own, runId).stream()
                .findFirst();
    }

    private static String own() {
        return Municipality.current().orElseThrow(() -> new IllegalStateException("no municipality"));
    }

    private Run run(ResultSet row, String own) throws SQLException {
        OffsetDateTime started = row.getObject("started_at", OffsetDateTime.class);
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        String summary = row.getString("summary");
        RunCounts counts = summary == null ? null : RunCounts.ofSummary(json.readTree(summary), own);
        Double perSecond = null;
        if (counts != null && started != null && finished != null) {
            long millis = Math.max(Duration.between(started, finished).toMillis(), 1);
            perSecond = counts.read() * 1000.0 / millis;
        }
        // A run of all municipalities counted every municipality's queue, and a step's failure may
        // be about another's cases: of such a run a municipality sees only its own counts and the
        // kind of failure (the exception's name, not its message).
        boolean forAll = row.getBoolean("for_all");
        String errorCode = row.getString("error_code");
        String errorDetail = row.getString("error_detail");
        if (forAll && "STEP_FAILED".equals(errorCode) && errorDetail != null) {
            errorDetail = errorDetail.split(":", 2)[0];
        }
        return new Run(
                row.getLong("run_id"),
                row.getObject("run_date", LocalDate.class),
                forAll,
                row.getString("status"),
                row.getString("execution_status"),
                (Long) row.getObject("latest_execution"),
                row.getString("trigger"),
                row.getString("triggered_by"),
                row.getInt("attempts"),
                started,
                finished,
                counts,
                perSecond,
                forAll ? null : (Long) row.getObject("queued_at_start"),
                errorCode,
                errorDetail);
    }
}
