package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly_runs table, and the summary of a run computed from the decisions it recorded, per
 * municipality and in total. The counts come from the decisions themselves, not from step
 * counters, so that a run restarted after a crash is counted once and exactly.
 */
@Repository
public class NightlyRuns {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NightlyRuns(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param municipality the one municipality the run is for, or {@code null} for every one
     * @param trigger what started this execution; the row keeps what started the run first
     */
    void started(long runId, LocalDate runDate, String municipality, RunTrigger trigger) {
        jdbc.update(
                "insert into nightly_runs (run_id, run_date, municipality, status, trigger, triggered_by)"
                        + " values (?, ?, ?, 'STARTED', ?, ?) on conflict (run_id) do update"
                        + " set status = 'STARTED', finished_at = null, error_code = null, error_detail = null",
                runId,
                runDate,
                municipality,
                trigger.kind().name(),
                trigger.by());
    }

    /**
     * Which process runs this execution of the run, and what started it; recorded by the launch
     * (under the night's lock) and again, harmlessly, when the job begins.
     */
    void executionStarted(long jobExecutionId, long runId, String processId, RunTrigger trigger) {
        jdbc.update(
                "insert into run_executions (job_execution_id, run_id, process_id, trigger, triggered_by)"
                        + " values (?, ?, ?, ?, ?) on conflict (job_execution_id) do nothing",
                jobExecutionId,
                runId,
                processId,
                trigger.kind().name(),
                trigger.by());
    }

    /** The cases this run has to decide in all: decided before a restart plus queued at its start. */
    void queuedAtStart(long runId, long cases) {
        jdbc.update("update nightly_runs set queued_at_start = ? where run_id = ?", cases, runId);
    }

    /**
     * Why the run failed, as a code the console puts in words and its particulars; the first
     * reason given stands (a worker that died explains the failed step that followed).
     */
    public void failedBecause(long runId, String code, String detail) {
        jdbc.update(
                "update nightly_runs set error_code = ?, error_detail = ? where run_id = ? and error_code is null",
                code,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)),
                runId);
    }

    RunSummary finished(long runId, String status) {
        RunSummary summary = summarise(runId, status);
        jdbc.update(
                "update nightly_runs set status = ?, finished_at = now(), summary = ?::jsonb where run_id = ?",
                status,
                json.writeValueAsString(summary),
                runId);
        return summary;
    }

    /** Whether the run's last execution has ended and its summary is written. */
    boolean finished(long runId) {
        return Boolean.TRUE.equals(jdbc.query(
                "select finished_at is not null from nightly_runs where run_id = ?",
                rows -> rows.next() && rows.getBoolean(1),
                runId));
    }

    public Optional<RunSummary> find(long runId) {
        return jdbc
                .query(
                        "select summary::text from nightly_runs where run_id = ? and summary is not null",
                        (row, n) -> json.readValue(row.getString(1), RunSummary.class),
                        runId)
                .stream()
                .findFirst();
    }

    /**
     * The municipalities whose queues the run takes (the one it is for, or every one); empty while
     * the run's row is not there yet.
     */
    Optional<List<String>> municipalitiesOf(long runId) {
        // A run just launched has no row until its job begins, on a thread of its own.
        List<Map<String, Object>> run =
                jdbc.queryForList("select municipality from nightly_runs where run_id = ?", runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        String municipality = (String) run.get(0).get("municipality");
        return Optional.of(
                municipality != null
                        ? List.of(municipality)
                        : List.copyOf(municipalities().keySet()));
    }

    long queuedAtStart(long runId) {
        List<Long> cases =
                jdbc.queryForList("select queued_at_start from nightly_runs where run_id = ?", Long.class, runId);
        return cases.isEmpty() || cases.get(0) == null ? 0 : cases.get(0);
    }

    /** The municipalities (CBS code to name, by code); the table is not under row-level security. */
    public Map<String, String> municipalities() {
        Map<String, String> municipalities = new LinkedHashMap<>();
        jdbc.query("select cbs_code, name from municipalities order by cbs_code", row -> {
            municipalities.put(row.getString(1), row.getString(2));
        });
        return municipalities;
    }

    /**
     * Counts each municipality's decisions of the run and queue as that municipality (row-level
     * security shows a connection one municipality's rows only), and adds them up: of every
     * municipality, or of the one the run is for.
     */
    public RunSummary summarise(long runId, String status) {
        LocalDate runDate =
                jdbc.queryForObject("select run_date from nightly_runs where run_id = ?", LocalDate.class, runId);
        String municipality =
                jdbc.queryForObject("select municipality from nightly_runs where run_id = ?", String.class, runId);
        Map<String, String> counted = new LinkedHashMap<>(municipalities());
        if (municipality != null) {
            counted.keySet().retainAll(Set.of(municipality));
        }
        Map<String, RunCounts> byCaseType = new TreeMap<>();
        Map<String, MunicipalityCounts> byMunicipality = new TreeMap<>();
        counted.forEach((code, name) -> Municipality.run(code, () -> {
            Map<String, RunCounts> ofMunicipality = countsByCaseType(runId);
            ofMunicipality.forEach((caseType, counts) -> byCaseType.merge(caseType, counts, RunCounts::plus));
            long queued = jdbc.queryForObject("select count(*) from cases where status = 'QUEUED'", Long.class);
            RunCounts total = ofMunicipality.values().stream().reduce(RunCounts.NONE, RunCounts::plus);
            byMunicipality.put(code, new MunicipalityCounts(name, total, queued));
        }));
        long stillQueued = byMunicipality.values().stream()
                .mapToLong(MunicipalityCounts::stillQueued)
                .sum();
        return new RunSummary(runId, runDate, municipality, status, byCaseType, stillQueued, byMunicipality);
    }

    private Map<String, RunCounts> countsByCaseType(long runId) {
        Map<String, RunCounts> byCaseType = new TreeMap<>();
        jdbc.query(
                "select c.case_type, d.outcome, d.error is not null as failed, count(*) from decisions d"
                        + " join cases c on c.id = d.case_id where d.run_id = ? and d.automated"
                        + " group by c.case_type, d.outcome, d.error is not null",
                row -> {
                    byCaseType.merge(
                            row.getString(1),
                            RunCounts.of(row.getString(2), row.getBoolean(3), row.getLong(4)),
                            RunCounts::plus);
                },
                runId);
        return byCaseType;
    }
}
