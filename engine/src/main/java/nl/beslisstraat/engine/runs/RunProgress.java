package nl.beslisstraat.engine.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A run's progress as the batch processes write it: the cases decided per case type and outcome
 * ({@code run_progress}, counted in each chunk's transaction), its partitions (the step executions
 * of its latest attempt, with the worker process that claimed each), its pace and when it should
 * be done, and why it failed. Read for the municipality only: {@code run_progress} is under
 * row-level security, and of a run of all municipalities only the municipality's own partitions
 * are shown.
 */
@Repository
public class RunProgress {

    /** The prefix of a partition's step name; the rest is the partition, such as {@code 0344-slice-0}. */
    static final String PARTITION_STEP = "decide-queue-slice:";

    /** Cases decided of one case type with one outcome. */
    public record Count(String caseType, String outcome, long cases) {}

    /** One partition of the run's latest attempt and the process working on it. */
    public record Partition(
            String name,
            String status,
            long read,
            long written,
            String processId,
            String host,
            Long pid,
            boolean alive,
            String exitMessage) {}

    /**
     * The whole picture of a run at this moment.
     *
     * @param percent decided of {@code queuedAtStart}, when known (a run of this municipality only)
     * @param casesPerSecond decided since the latest attempt started, per second of it
     * @param expectedEnd when the queue should be done at this pace, while running
     * @param dead whether the run is marked running but its process gives no sign of life
     */
    public record Snapshot(
            RunHistory.Run run,
            List<Count> counts,
            long decided,
            Integer percent,
            Double casesPerSecond,
            ZonedDateTime expectedEnd,
            OffsetDateTime attemptStartedAt,
            List<Partition> partitions,
            boolean dead,
            boolean requestPending) {

        /**
         * Whether the page keeps asking for news: while the run runs, and while a request about it
         * waits for a manager or was carried out in the last two minutes (a restart shows the run running
         * again without a reload).
         */
        @JsonProperty
        public boolean live() {
            return (run.running() && !dead) || requestPending;
        }

        /** The step failures' messages (their first line). */
        @JsonProperty
        public List<String> stepErrors() {
            return partitions.stream()
                    .filter(partition -> "FAILED".equals(partition.status())
                            && partition.exitMessage() != null
                            && !partition.exitMessage().isBlank())
                    .map(partition -> partition.name() + ": "
                            + partition.exitMessage().lines().findFirst().orElse(""))
                    .toList();
        }
    }

    private final JdbcTemplate jdbc;
    private final RunHistory history;
    private final RunRequests requests;
    private final BatchLiveness liveness;

    RunProgress(JdbcTemplate jdbc, RunHistory history, RunRequests requests, BatchLiveness liveness) {
        this.jdbc = jdbc;
        this.history = history;
        this.requests = requests;
        this.liveness = liveness;
    }

    /** The run's progress, when it is the municipality's (or of all municipalities). */
    public Optional<Snapshot> of(long runId) {
        return history.find(runId).map(this::snapshot);
    }

    private Snapshot snapshot(RunHistory.Run run) {
        List<Count> counts = jdbc.query(
                "select case_type, outcome, sum(cases) as cases from run_progress where run_id = ?"
                        + " group by case_type, outcome order by case_type, outcome",
                (row, n) -> new Count(row.getString("case_type"), row.getString("outcome"), row.getLong("cases")),
                run.runId());
        long decided = counts.stream().mapToLong(Count::cases).sum();
        Integer percent = null;
        if (!run.forAll() && run.queuedAtStart() != null && run.queuedAtStart() > 0) {
            percent = (int) Math.min(100, decided * 100 / run.queuedAtStart());
        }
        OffsetDateTime attemptStarted = run.latestExecutionId() == null
                ? run.startedAt()
                : jdbc
                        .query(
                                "select started_at from run_executions where job_execution_id = ?",
                                (row, n) -> row.getObject(1, OffsetDateTime.class),
                                run.latestExecutionId())
                        .stream()
                        .findFirst()
                        .orElse(run.startedAt());
        Double perSecond = null;
        ZonedDateTime expectedEnd = null;
        boolean dead = requests.dead(run);
        if (run.running() && attemptStarted != null) {
            OffsetDateTime now = jdbc.queryForObject("select now()", OffsetDateTime.class);
            long millis = Duration.between(attemptStarted, now).toMillis();
            if (millis > 0) {
                perSecond = decided * 1000.0 / millis;
            }
            if (!dead && percent != null && perSecond != null && perSecond > 0) {
                long left = Math.max(run.queuedAtStart() - decided, 0);
                expectedEnd =
                        now.plusSeconds((long) Math.ceil(left / perSecond)).atZoneSameInstant(PlannedStarts.AMSTERDAM);
            }
        } else if (!run.running()) {
            perSecond = run.casesPerSecond();
        }
        List<Partition> partitions = run.latestExecutionId() == null ? List.of() : partitions(run);
        boolean requestPending = Boolean.TRUE.equals(jdbc.queryForObject(
                // and for a while after one was carried out: a restarted run shows as running only
                // once its new execution has begun, a moment after the request is marked done; on a
                // busy machine that moment was seen to take over 30 s, and asking every 2 s for two
                // minutes more costs nothing
                "select exists (select 1 from run_requests where run_id = ?"
                        + " and (done_at is null or done_at > now() - interval '2 minutes'))",
                Boolean.class,
                run.runId()));
        return new Snapshot(
                run,
                counts,
                decided,
                percent,
                perSecond,
                expectedEnd,
                attemptStarted,
                partitions,
                dead,
                requestPending);
    }

    private List<Partition> partitions(RunHistory.Run run) {
        String own = Municipality.current().orElseThrow();
        return jdbc.query(
                "select substr(s.step_name, ?) as name, s.status, coalesce(s.read_count, 0) as read_count,"
                        + " coalesce(s.write_count, 0) as write_count, s.exit_message, p.id, p.host, p.pid,"
                        + " coalesce("
                        + BatchLiveness.ALIVE.replace("ended_at", "p.ended_at").replace("last_beat", "p.last_beat")
                        + ", false) as alive"
                        + " from batch_step_execution s"
                        + " left join partition_claims c on c.step_execution_id = s.step_execution_id"
                        + " left join batch_processes p on p.id = c.process_id"
                        + " where s.job_execution_id = ? and starts_with(s.step_name, ?)"
                        + " order by s.step_name",
                (row, n) -> new Partition(
                        row.getString("name"),
                        row.getString("status"),
                        row.getLong("read_count"),
                        row.getLong("write_count"),
                        row.getString("id"),
                        row.getString("host"),
                        (Long) row.getObject("pid"),
                        row.getBoolean("alive"),
                        row.getString("exit_message")),
                PARTITION_STEP.length() + 1,
                liveness.seconds(),
                run.latestExecutionId(),
                PARTITION_STEP + own + "-");
    }
}
